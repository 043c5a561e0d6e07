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
