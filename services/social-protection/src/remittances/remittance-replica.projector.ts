import { Controller } from '@nestjs/common';
import { RemittanceRecordedSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEventOf } from '@corridor/messaging';
import { NodeEventProjector } from '@corridor/service-runtime';
import { CHANNEL_WIRE } from '../shared/wire';
import { Remittance } from './remittance.entity';

/** The other end's remittances on this node; own events skipped, a redelivery changes nothing. */
@Controller()
export class RemittanceReplicaProjector extends NodeEventProjector {
  @HandlesEvent(RemittanceRecordedSchema)
  async onRecorded(event: ReceivedEventOf<typeof RemittanceRecordedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    if (await event.manager.existsBy(Remittance, { id: p.remittanceId })) return;
    const channel = CHANNEL_WIRE.fromWire(p.channel);
    if (!channel || !p.amountSent || !p.fee) return logLeftOut(this.logger, event, 'a remittance without channel, amount or fee');
    await event.manager.insert(Remittance, {
      id: p.remittanceId,
      journeyId: event.envelope.journeyId,
      origin: event.envelope.corridor?.origin ?? '',
      destination: event.envelope.corridor?.destination ?? '',
      sentOn: p.sentOn,
      amountMinor: String(p.amountSent.amountMinor),
      currency: p.amountSent.currency,
      feeMinor: String(p.fee.amountMinor),
      channel,
      receivedMinor: p.amountReceived ? String(p.amountReceived.amountMinor) : null,
      receivedCurrency: p.amountReceived?.currency ?? null,
      recordedByCountry: event.envelope.recordedBy?.country ?? '',
      recordedBy: event.envelope.recordedBy?.officerId || 'unknown',
      recordedAt: occurredAt(event.envelope),
    });
    await this.audit.recordReplicated(event.manager, {
      replica: 'remittance-replica',
      country: this.config.country,
      event: event.envelope,
      action: 'remittance.replicate-record',
      targetType: 'remittance',
      targetId: p.remittanceId,
    });
  }
}
