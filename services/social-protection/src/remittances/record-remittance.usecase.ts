import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { RemittanceRecordedSchema, buildEvent } from '@corridor/events';
import { WriteUseCase } from '@corridor/service-runtime';
import { assertActsOnCorridor, sideOf } from '../shared/journey-corridor';
import { CHANNEL_WIRE, SIDE_WIRE, type RemittanceChannelName } from '../shared/wire';
import type { RecordRemittanceCommand } from './remittance.commands';
import { Remittance } from './remittance.entity';
import { RemittanceNotRecordable } from './remittance.errors';
import { whyNotRecordable } from './remittance.rules';
import { remittanceView, type RemittanceView } from './remittance.views';

/** An officer of either end records a remittance the worker sent; the other end (and statistics) receive it. */
@Injectable()
export class RecordRemittanceUseCase extends WriteUseCase {
  async execute(command: RecordRemittanceCommand, officer: Officer, today = new Date()): Promise<RemittanceView> {
    const breach = whyNotRecordable(command, this.config, today);
    if (breach) throw new RemittanceNotRecordable(breach.reason, breach.field);
    assertActsOnCorridor(officer, 'remittance.record', this.config, command);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const remittance: Remittance = {
        id: uuidv7(),
        journeyId: command.journeyId,
        origin: command.origin,
        destination: command.destination,
        sentOn: command.sentOn,
        amountMinor: String(command.amountMinor),
        currency: command.currency,
        feeMinor: String(command.feeMinor),
        channel: command.channel,
        receivedMinor: command.receivedMinor === undefined ? null : String(command.receivedMinor),
        receivedCurrency: command.receivedCurrency ?? null,
        recordedByCountry: this.config.country,
        recordedBy: officer.subject,
        recordedAt: new Date(),
      };
      await manager.insert(Remittance, remittance);
      await this.audit.record(manager, { actor: officer, action: 'remittance.record', targetType: 'remittance', targetId: remittance.id, reason: command.channel });
      const { topic, event } = buildEvent({
        stage: 'social-protection',
        by: officer,
        journeyId: command.journeyId,
        corridor: { origin: command.origin, destination: command.destination },
        occurredAt: remittance.recordedAt,
        schema: RemittanceRecordedSchema,
        payload: create(RemittanceRecordedSchema, {
          remittanceId: remittance.id,
          sentOn: command.sentOn,
          amountSent: { amountMinor: BigInt(command.amountMinor), currency: command.currency },
          fee: { amountMinor: BigInt(command.feeMinor), currency: command.currency },
          channel: CHANNEL_WIRE.toWire(command.channel as RemittanceChannelName),
          amountReceived: command.receivedMinor === undefined ? undefined : { amountMinor: BigInt(command.receivedMinor), currency: command.receivedCurrency ?? '' },
          side: SIDE_WIRE.toWire(sideOf(this.config.country, command)),
        }),
      });
      await publish(topic, event);
      return remittanceView(remittance);
    });
  }
}
