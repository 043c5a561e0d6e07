import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One mass-return list as uploaded: its fingerprint, and how far its background processing got. */
@Entity({ name: 'mass_return_batch' })
export class MassReturnBatch {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'file_hash', type: 'text', unique: true })
  fileHash: string;

  @Column({ type: 'text' })
  format: string;

  @Column({ type: 'text' })
  checkpoint: string;

  @Column({ name: 'return_date', type: 'date' })
  returnDate: string;

  /** processing | completed */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
