import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { AgencyLicenceReinstatedSchema, AgencyLicenceRevokedSchema, AgencyLicenceSuspendedSchema, buildEvent } from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { AGENCY_LIFECYCLE, type AgencyAction } from '@corridor/state-machine';
import { Agency } from './agency.entity';
import { agencyView, type AgencyView } from './agency.views';

const EVENTS = { suspend: AgencyLicenceSuspendedSchema, reinstate: AgencyLicenceReinstatedSchema, revoke: AgencyLicenceRevokedSchema } as const;

/** Suspends, reinstates or revokes an agency's licence along the licence state machine. */
@Injectable()
export class ChangeAgencyLicenceUseCase extends WriteUseCase {
  async execute(agencyId: string, action: AgencyAction, reason: string, officer: Officer): Promise<AgencyView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const agency = await manager.findOne(Agency, { where: { id: agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!agency) throw new NotFoundProblem('agency', agencyId);
      const status = AGENCY_LIFECYCLE.next(agency, action);
      agency.status = status;
      agency.statusReason = reason;
      agency.statusChangedAt = new Date();
      await manager.update(Agency, { id: agency.id }, { status, statusReason: reason, statusChangedAt: agency.statusChangedAt });
      await this.audit.record(manager, { actor: officer, action: `agency.${action}`, targetType: 'agency', targetId: agency.id, reason });
      const schema = EVENTS[action];
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: agency.id,
        corridor: { origin: this.config.country },
        schema,
        payload: create(schema, { agencyId: agency.id, reason }),
      });
      await publish(topic, event);
      return agencyView(agency);
    });
  }
}
