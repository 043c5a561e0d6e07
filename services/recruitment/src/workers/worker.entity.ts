import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type DocumentType = 'passport' | 'national-id';
export type WorkerSex = 'female' | 'male' | 'other';

/** A migrant worker as the origin country registers them; person data never leaves this table in clear. */
@Entity({ name: 'worker' })
export class Worker {
  @PrimaryColumn('uuid')
  id: string;

  /** The journey this registration opened (one worker, one placement). */
  @Column({ name: 'journey_id', type: 'uuid', unique: true })
  journeyId: string;

  @Column({ name: 'full_name' })
  fullName: string;

  @Column({ name: 'full_name_latin' })
  fullNameLatin: string;

  @Column({ type: 'text' })
  sex: WorkerSex;

  /** A calendar date, kept as 'YYYY-MM-DD' so it never drifts across time zones. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ length: 2 })
  nationality: string;

  @Column({ name: 'document_type', type: 'text' })
  documentType: DocumentType;

  @Column({ name: 'document_number' })
  documentNumber: string;

  @Column({ name: 'document_expiry', type: 'date' })
  documentExpiry: string;

  @Column({ name: 'intended_destination', type: 'text', nullable: true })
  intendedDestination: string | null;

  @Column({ name: 'occupation_isco', type: 'text', nullable: true })
  occupationIsco: string | null;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ name: 'consent_to_process' })
  consentToProcess: boolean;

  @Column({ name: 'consent_to_share' })
  consentToShare: boolean;

  @Column({ name: 'registered_by' })
  registeredBy: string;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
