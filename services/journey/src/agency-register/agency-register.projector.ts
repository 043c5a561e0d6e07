import { Controller, Logger } from '@nestjs/common';
import { AgencyLicenceReinstatedSchema, AgencyLicenceRevokedSchema, AgencyLicenceSuspendedSchema, AgencyRegisteredSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { isoDay } from '@corridor/reference-data';
import { PublicAgency, type PublicAgencyStatus } from './public-agency.entity';

/**
 * The public register of agencies from the recruitment stage's events (the node's own country
 * topic): the licence as registered, then each suspension, reinstatement and revocation. A
 * revocation is final; an event for an agency never registered here is left out.
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
    return this.move(event, event.payload.agencyId, 'suspended');
  }

  @HandlesEvent(AgencyLicenceReinstatedSchema)
  onReinstated(event: ReceivedEventOf<typeof AgencyLicenceReinstatedSchema>): Promise<void> {
    return this.move(event, event.payload.agencyId, 'licensed');
  }

  @HandlesEvent(AgencyLicenceRevokedSchema)
  onRevoked(event: ReceivedEventOf<typeof AgencyLicenceRevokedSchema>): Promise<void> {
    return this.move(event, event.payload.agencyId, 'revoked');
  }

  private async move(event: ReceivedEvent, agencyId: string, status: PublicAgencyStatus): Promise<void> {
    const agency = await event.manager.findOne(PublicAgency, { where: { agencyId }, lock: { mode: 'pessimistic_write' } });
    if (!agency) return logLeftOut(this.logger, event, `agency ${agencyId} is not in the register`);
    if (agency.status === 'revoked') return logLeftOut(this.logger, event, `agency ${agencyId}'s licence is revoked for good`);
    const since = status === 'licensed' ? null : isoDay(occurredAt(event.envelope));
    await event.manager.update(PublicAgency, { agencyId }, { status, statusSince: since, lastEventId: event.envelope.eventId });
  }
}
