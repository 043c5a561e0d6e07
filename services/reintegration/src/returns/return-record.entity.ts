import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The return of one journey, planned or happened, as either end recorded it. */
@Entity({ name: 'return_record' })
export class ReturnRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid', unique: true })
  journeyId: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'return_date', type: 'date' })
  returnDate: string;

  @Column({ type: 'text' })
  checkpoint: string;

  /** origin | destination: which end recorded it. */
  @Column({ name: 'recorded_by_side', type: 'text' })
  recordedBySide: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text', nullable: true })
  destination: string | null;

  @Column({ name: 'returned_from', type: 'text' })
  returnedFrom: string;

  @Column({ type: 'text' })
  sex: string;

  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  /** A mass-return row's key (document index and date): the same person's return on the same day is recorded once. */
  @Column({ name: 'row_key', type: 'text', nullable: true, unique: true })
  rowKey: string | null;

  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
