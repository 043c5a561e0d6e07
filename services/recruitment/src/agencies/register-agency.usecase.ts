import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { AgencyRegisteredSchema, buildEvent } from '@corridor/events';
import { InvalidCalendarDate, InvalidPeriod } from '@corridor/http';
import { isCalendarDate } from '@corridor/reference-data';
import { LicenceNumberTaken } from './agencies.errors';
import { Agency } from './agency.entity';
import type { RegisterAgencyCommand } from './agency.commands';
import { agencyView, type AgencyView } from './agency.views';

/** The origin ministry licenses an agency; the event stays in the country. */
@Injectable()
export class RegisterAgencyUseCase extends WriteUseCase {
  async execute(command: RegisterAgencyCommand, officer: Officer): Promise<AgencyView> {
    for (const field of ['licenceValidFrom', 'licenceValidTo'] as const) {
      if (!isCalendarDate(command[field])) throw new InvalidCalendarDate(field, command[field]);
    }
    if (command.licenceValidTo < command.licenceValidFrom) {
      throw new InvalidPeriod('licenceValidTo', command.licenceValidFrom, command.licenceValidTo, 'licenceValidFrom');
    }
    return this.outbox.transaction(async ({ manager, publish }) => {
      const taken = await manager.findOne(Agency, { where: { licenceNumber: command.licenceNumber }, select: { id: true } });
      if (taken) throw new LicenceNumberTaken(command.licenceNumber, taken.id);
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
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: agency.id,
        corridor: { origin: this.config.country },
        schema: AgencyRegisteredSchema,
        payload: create(AgencyRegisteredSchema, {
          agencyId: agency.id,
          name: agency.name,
          licenceNumber: agency.licenceNumber,
          licenceValidFrom: agency.licenceValidFrom,
          licenceValidTo: agency.licenceValidTo,
        }),
      });
      await publish(topic, event);
      return agencyView(agency);
    });
  }
}
