import type { FeeBreachStatus } from '@corridor/state-machine';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A payment the worker made during recruitment. Amounts are bigint minor units (strings from pg). */
@Entity({ name: 'fee_payment' })
export class FeePayment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'payee_agency_id', type: 'text', nullable: true })
  payeeAgencyId: string | null;

  @Column({ name: 'payee_name', type: 'text', nullable: true })
  payeeName: string | null;

  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

export type BreachStatus = FeeBreachStatus;

/** Fees above the corridor's cap: a flag on the journey that blocks departure while open. */
@Entity({ name: 'fee_breach' })
export class FeeBreach {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'fee_id', type: 'uuid' })
  feeId: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  corridor: string;

  @Column({ name: 'cap_minor', type: 'bigint' })
  capMinor: string;

  @Column({ name: 'cap_currency', type: 'text' })
  capCurrency: string;

  @Column({ name: 'paid_total_minor', type: 'bigint' })
  paidTotalMinor: string;

  @Column({ name: 'excess_minor', type: 'bigint' })
  excessMinor: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  status: BreachStatus;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason: string | null;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}

/** Money given back to the worker against a breach. */
@Entity({ name: 'fee_refund' })
export class FeeRefund {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'breach_id', type: 'uuid' })
  breachId: string;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'refunded_on', type: 'date' })
  refundedOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
