import { ApiProperty } from '@nestjs/swagger';
import { MoneyView } from '@corridor/http';
import { FEE_BREACH_LIFECYCLE, type FeeBreachAction, type FeeBreachStatus } from '@corridor/state-machine';
import type { FeeBreach } from './fee-breach.entity';
import type { FeePayment } from './fee-payment.entity';
import type { FeeRefund } from './fee-refund.entity';
import { FEE_PURPOSES } from './fee.commands';

/** A payment the worker made. */
export class FeeView {
  @ApiProperty({ format: 'uuid' })
  feeId: string;

  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ type: MoneyView })
  amount: MoneyView;

  @ApiProperty({ enum: FEE_PURPOSES })
  purpose: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  payeeAgencyId: string | null;

  @ApiProperty({ type: String, nullable: true })
  payeeName: string | null;

  @ApiProperty({ example: '2026-11-20', format: 'date' })
  paidOn: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

/** A fee breach: what the worker paid above the corridor cap; open, it blocks departure. */
export class BreachView {
  @ApiProperty({ format: 'uuid' })
  breachId: string;

  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  agencyId: string | null;

  @ApiProperty({ example: 'KH>TH' })
  corridor: string;

  @ApiProperty({ type: MoneyView, description: 'The corridor cap' })
  cap: MoneyView;

  @ApiProperty({ type: MoneyView })
  paidTotal: MoneyView;

  @ApiProperty({ type: MoneyView, description: 'Paid above the cap' })
  excess: MoneyView;

  @ApiProperty({ type: MoneyView, description: 'Refunds recorded so far' })
  refunded: MoneyView;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: FEE_BREACH_LIFECYCLE.states })
  status: FeeBreachStatus;

  @ApiProperty({ description: 'True while open' })
  blocksDeparture: boolean;

  @ApiProperty({ enum: FEE_BREACH_LIFECYCLE.actions, isArray: true })
  allowedActions: FeeBreachAction[];

  @ApiProperty({ type: String, nullable: true })
  resolutionReason: string | null;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  resolvedAt: string | null;
}

/** The answer to a recorded payment. */
export class RecordedFeeView {
  @ApiProperty({ type: FeeView })
  fee: FeeView;

  @ApiProperty({ type: BreachView, nullable: true, description: 'The open fee breach of the journey after this payment, if any' })
  breach: BreachView | null;
}

export function feeView(fee: FeePayment): FeeView {
  return {
    feeId: fee.id,
    workerId: fee.workerId,
    journeyId: fee.journeyId,
    amount: { amountMinor: Number(fee.amountMinor), currency: fee.currency },
    purpose: fee.purpose,
    payeeAgencyId: fee.payeeAgencyId,
    payeeName: fee.payeeName,
    paidOn: fee.paidOn,
    recordedAt: fee.recordedAt.toISOString(),
  };
}

export function breachView(breach: FeeBreach, refunds: FeeRefund[] = []): BreachView {
  return {
    breachId: breach.id,
    workerId: breach.workerId,
    journeyId: breach.journeyId,
    agencyId: breach.agencyId,
    corridor: breach.corridor,
    cap: { amountMinor: Number(breach.capMinor), currency: breach.capCurrency },
    paidTotal: { amountMinor: Number(breach.paidTotalMinor), currency: breach.currency },
    excess: { amountMinor: Number(breach.excessMinor), currency: breach.currency },
    refunded: { amountMinor: refunds.reduce((sum, r) => sum + Number(r.amountMinor), 0), currency: breach.currency },
    reason: breach.reason,
    status: breach.status,
    blocksDeparture: breach.status === 'open',
    allowedActions: FEE_BREACH_LIFECYCLE.allowedActions(breach.status),
    resolutionReason: breach.resolutionReason,
    raisedAt: breach.raisedAt.toISOString(),
    resolvedAt: breach.resolvedAt?.toISOString() ?? null,
  };
}
