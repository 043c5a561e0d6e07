import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type DocumentType = 'passport' | 'national-id';
export type WorkerSex = 'female' | 'male' | 'other';
export const EDUCATION_LEVELS = ['none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'tertiary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/**
 * A migrant worker as the origin country registers them. Person data (names, birth date,
 * document number) is stored only encrypted (`*_enc`, AES-256-GCM, key id inside the value);
 * lookups go through keyed blind indexes, never plaintext.
 */
@Entity({ name: 'worker' })
export class Worker {
  @PrimaryColumn('uuid')
  id: string;

  /** The journey this registration opened (one worker, one placement). */
  @Column({ name: 'journey_id', type: 'uuid', unique: true })
  journeyId: string;

  @Column({ name: 'full_name_enc', type: 'text' })
  fullNameEnc: string;

  @Column({ name: 'full_name_latin_enc', type: 'text' })
  fullNameLatinEnc: string;

  @Column({ name: 'birth_date_enc', type: 'text' })
  birthDateEnc: string;

  @Column({ name: 'document_number_enc', type: 'text' })
  documentNumberEnc: string;

  /** Blind index of nationality + document type + number: the exact-duplicate rule. */
  @Column({ name: 'document_index', type: 'text', unique: true })
  documentIndex: string;

  /** Blind indexes of each name and name word, in both scripts: search without plaintext. */
  @Column({ name: 'name_index', type: 'text', array: true })
  nameIndex: string[];

  /**
   * Blind index of the normalised Latin name and the birth date: the likely-duplicate warning.
   * Null for rows registered before it existed.
   */
  @Column({ name: 'identity_index', type: 'text', nullable: true })
  identityIndex: string | null;

  /** Encrypted like the names; null when not given. */
  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc: string | null;

  /** The home address as encrypted JSON ({ province, district, village? }); null when not given. */
  @Column({ name: 'home_address_enc', type: 'text', nullable: true })
  homeAddressEnc: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  skills: string[] | null;

  @Column({ type: 'text', nullable: true })
  education: EducationLevel | null;

  @Column({ type: 'text' })
  sex: WorkerSex;

  /** Kept in clear for statistics by age group; the full birth date is encrypted. */
  @Column({ name: 'birth_year', type: 'int' })
  birthYear: number;

  @Column({ type: 'text' })
  nationality: string;

  @Column({ name: 'document_type', type: 'text' })
  documentType: DocumentType;

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

  @Column({ name: 'consent_given_how', type: 'text' })
  consentGivenHow: string;

  /** Null only for rows registered before the date was recorded. */
  @Column({ name: 'consent_given_on', type: 'date', nullable: true })
  consentGivenOn: string | null;

  @Column({ name: 'consent_to_share_withdrawn_on', type: 'date', nullable: true })
  consentToShareWithdrawnOn: string | null;

  /** Set when the worker is put on a destination's name list (the first cross-border event). */
  @Column({ name: 'nominated_destination', type: 'text', nullable: true })
  nominatedDestination: string | null;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
