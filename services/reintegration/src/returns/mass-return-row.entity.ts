import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row of a mass-return list and what became of it: pending, matched (to a journey of the
 * node), created (a minimal record), already-recorded (the same return was recorded before),
 * refused (with the reason). The document number is not kept, only its blind index.
 */
@Entity({ name: 'mass_return_row' })
export class MassReturnRow {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @PrimaryColumn({ name: 'row_number', type: 'int' })
  rowNumber: number;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'row_key', type: 'text', nullable: true })
  rowKey: string | null;

  @Column({ name: 'document_index', type: 'text', nullable: true })
  documentIndex: string | null;

  @Column({ type: 'text', nullable: true })
  sex: string | null;

  @Column({ name: 'birth_year', type: 'int', nullable: true })
  birthYear: number | null;

  @Column({ name: 'returned_from', type: 'text', nullable: true })
  returnedFrom: string | null;

  @Column({ name: 'return_type', type: 'text', nullable: true })
  returnType: string | null;

  @Column({ name: 'journey_id', type: 'uuid', nullable: true })
  journeyId: string | null;
}
