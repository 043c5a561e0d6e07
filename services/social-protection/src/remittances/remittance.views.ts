import { ApiProperty } from '@nestjs/swagger';
import { MoneyView } from '@corridor/http';
import { REMITTANCE_CHANNELS } from '../shared/wire';
import type { Remittance } from './remittance.entity';
import { costPercent } from './remittance.rules';

export class RemittanceView {
  @ApiProperty({ format: 'uuid' })
  remittanceId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ format: 'date' })
  sentOn: string;

  @ApiProperty({ type: MoneyView })
  amountSent: MoneyView;

  @ApiProperty({ type: MoneyView })
  fee: MoneyView;

  @ApiProperty({ example: 1.5, description: 'fee / amount sent, percent (SDG 10.c.1; target below 3)' })
  costPercent: number;

  @ApiProperty({ enum: REMITTANCE_CHANNELS })
  channel: string;

  @ApiProperty({ type: MoneyView, nullable: true, description: 'What the recipient received; null when not known' })
  amountReceived: MoneyView | null;

  @ApiProperty({ example: 'TH' })
  recordedByCountry: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export function remittanceView(r: Remittance): RemittanceView {
  const amount = Number(r.amountMinor);
  const fee = Number(r.feeMinor);
  return {
    remittanceId: r.id,
    journeyId: r.journeyId,
    origin: r.origin,
    destination: r.destination,
    sentOn: r.sentOn,
    amountSent: { amountMinor: amount, currency: r.currency },
    fee: { amountMinor: fee, currency: r.currency },
    costPercent: costPercent(amount, fee),
    channel: r.channel,
    amountReceived: r.receivedMinor !== null && r.receivedCurrency !== null ? { amountMinor: Number(r.receivedMinor), currency: r.receivedCurrency } : null,
    recordedByCountry: r.recordedByCountry,
    recordedAt: r.recordedAt.toISOString(),
  };
}
