import type { FeeBreachStatus } from '@corridor/state-machine';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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
