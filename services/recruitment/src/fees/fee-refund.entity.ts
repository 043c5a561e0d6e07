import { Column, Entity, PrimaryColumn } from 'typeorm';

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
