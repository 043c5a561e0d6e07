import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { AgencyRegisteredSchema, countryTopic, encodeEvent } from '@corridor/events';
import { ConflictProblem, UnprocessableProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { isCalendarDate } from '@corridor/reference-data';
import { actorOf } from '../common/roles';
import { Agency } from './agency.entity';
import type { RegisterAgencyCommand } from './agency.commands';
import { agencyView, type AgencyView } from './agency-view';

export class LicenceNumberTaken extends ConflictProblem {}

/** The origin ministry licenses an agency; the event stays in the country. */
@Injectable()
export class RegisterAgencyUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(command: RegisterAgencyCommand, officer: Officer): Promise<AgencyView> {
    for (const field of ['licenceValidFrom', 'licenceValidTo'] as const) {
      if (!isCalendarDate(command[field])) throw new UnprocessableProblem(`${field} ${command[field]} is not a calendar date`, { field });
    }
    if (command.licenceValidTo < command.licenceValidFrom) {
      throw new UnprocessableProblem(`licenceValidTo ${command.licenceValidTo} is before licenceValidFrom ${command.licenceValidFrom}`, { field: 'licenceValidTo' });
    }
    return this.outbox.transaction(async ({ manager, publish }) => {
      const taken = await manager.findOne(Agency, { where: { licenceNumber: command.licenceNumber }, select: { id: true } });
      if (taken) throw new LicenceNumberTaken(`licence number ${command.licenceNumber} is already held by agency ${taken.id}`, { existingAgencyId: taken.id });
      const now = new Date();
      const agency = manager.create(Agency, {
        id: uuidv7(),
        ...command,
        status: 'licensed',
        statusReason: null,
        statusChangedAt: now,
        registeredBy: officer.subject,
        registeredAt: now,
      });
      await manager.insert(Agency, agency);
      await this.audit.record(manager, { actor: officer, action: 'agency.register', targetType: 'agency', targetId: agency.id, reason: `licence ${command.licenceNumber}` });
      await publish(
        countryTopic(this.config.country, 'recruitment'),
        encodeEvent({
          schema: AgencyRegisteredSchema,
          journeyId: agency.id,
          corridor: { origin: this.config.country },
          recordedBy: actorOf(officer),
          payload: create(AgencyRegisteredSchema, {
            agencyId: agency.id,
            name: agency.name,
            licenceNumber: agency.licenceNumber,
            licenceValidFrom: agency.licenceValidFrom,
            licenceValidTo: agency.licenceValidTo,
          }),
        }),
      );
      return agencyView(agency);
    });
  }
}
