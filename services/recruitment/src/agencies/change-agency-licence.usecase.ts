import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { AgencyLicenceReinstatedSchema, AgencyLicenceRevokedSchema, AgencyLicenceSuspendedSchema, countryTopic, encodeEvent } from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { actorOf } from '../common/roles';
import { Agency } from './agency.entity';
import { nextAgencyStatus, type AgencyAction } from './agency-licence';
import { agencyView, type AgencyView } from './agency-view';

const EVENTS = { suspend: AgencyLicenceSuspendedSchema, reinstate: AgencyLicenceReinstatedSchema, revoke: AgencyLicenceRevokedSchema } as const;

/** Suspends, reinstates or revokes an agency's licence along the licence state machine. */
@Injectable()
export class ChangeAgencyLicenceUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(agencyId: string, action: AgencyAction, reason: string, officer: Officer): Promise<AgencyView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const agency = await manager.findOne(Agency, { where: { id: agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw new NotFoundProblem(`agency ${agencyId} not found`);
      const status = nextAgencyStatus(agency, action);
      agency.status = status;
      agency.statusReason = reason;
      agency.statusChangedAt = new Date();
      await manager.update(Agency, { id: agency.id }, { status, statusReason: reason, statusChangedAt: agency.statusChangedAt });
      await this.audit.record(manager, { actor: officer, action: `agency.${action}`, targetType: 'agency', targetId: agency.id, reason });
      const schema = EVENTS[action];
      await publish(
        countryTopic(this.config.country, 'recruitment'),
        encodeEvent({
          schema,
          journeyId: agency.id,
          corridor: { origin: this.config.country },
          recordedBy: actorOf(officer),
          payload: create(schema, { agencyId: agency.id, reason }),
        }),
      );
      return agencyView(agency);
    });
  }
}
