import { Controller, Logger } from '@nestjs/common';
import { AgencyLicenceReinstatedSchema, AgencyLicenceRevokedSchema, AgencyLicenceSuspendedSchema, AgencyRegisteredSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { isoDay } from '@corridor/reference-data';
import { AGENCY_LIFECYCLE, type AgencyAction } from '@corridor/state-machine';
import { PublicAgency } from './public-agency.entity';

/**
 * The public register of agencies from the recruitment stage's events (the node's own country
 * topic): the licence as registered, then each suspension, reinstatement and revocation, along
 * the licence lifecycle the recruitment use cases apply (libs/state-machine). A step it forbids
 * in the state the register holds, or one for an agency never registered here, is left out and
 * logged with the reason.
 */
@Controller()
export class AgencyRegisterProjector {
  private readonly logger = new Logger(AgencyRegisterProjector.name);

  @HandlesEvent(AgencyRegisteredSchema)
  async onRegistered(event: ReceivedEventOf<typeof AgencyRegisteredSchema>): Promise<void> {
    const p = event.payload;
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(PublicAgency)
      .values({ agencyId: p.agencyId, name: p.name, licenceNumber: p.licenceNumber, licenceValidFrom: p.licenceValidFrom, licenceValidTo: p.licenceValidTo, status: 'licensed', statusSince: null, lastEventId: event.envelope.eventId })
      .orIgnore()
      .execute();
  }

  @HandlesEvent(AgencyLicenceSuspendedSchema)
  onSuspended(event: ReceivedEventOf<typeof AgencyLicenceSuspendedSchema>): Promise<void> {
    return this.move(event, event.payload.agencyId, 'suspend');
  }

  @HandlesEvent(AgencyLicenceReinstatedSchema)
  onReinstated(event: ReceivedEventOf<typeof AgencyLicenceReinstatedSchema>): Promise<void> {
    return this.move(event, event.payload.agencyId, 'reinstate');
  }

  @HandlesEvent(AgencyLicenceRevokedSchema)
  onRevoked(event: ReceivedEventOf<typeof AgencyLicenceRevokedSchema>): Promise<void> {
    return this.move(event, event.payload.agencyId, 'revoke');
  }

  private async move(event: ReceivedEvent, agencyId: string, action: AgencyAction): Promise<void> {
    const agency = await event.manager.findOne(PublicAgency, { where: { agencyId }, lock: { mode: 'pessimistic_write' } });
    if (!agency) return logLeftOut(this.logger, event, `agency ${agencyId} is not in the register`);
    const refusal = AGENCY_LIFECYCLE.refusal({ id: agencyId, status: agency.status }, action);
    if (refusal) return logLeftOut(this.logger, event, refusal.detail);
    const status = AGENCY_LIFECYCLE.next({ id: agencyId, status: agency.status }, action);
    const since = status === 'licensed' ? null : isoDay(occurredAt(event.envelope));
    await event.manager.update(PublicAgency, { agencyId }, { status, statusSince: since, lastEventId: event.envelope.eventId });
  }
}
