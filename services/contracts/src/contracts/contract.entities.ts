import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractSideName, ContractStatus, SigningParty } from './contract-state';
import type { ContractClause, ContractTerms } from './contract-terms';
import type { WorseTerm } from './substitution-detector';

/**
 * One worker's employment contract for one journey. Both ends of the corridor hold it: the
 * origin that drafted it (authored_by) and the destination, kept in step by the contract events.
 */
@Entity({ name: 'contract' })
export class Contract {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'job_order_id', type: 'uuid' })
  jobOrderId: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion: number;

  /** Counts the signing rounds of the current version: a rejection starts a new one. */
  @Column({ name: 'signing_round', type: 'int' })
  signingRound: number;

  @Column({ type: 'text' })
  status: ContractStatus;

  @Column({ name: 'open_flags', type: 'int' })
  openFlags: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Every version of a contract is kept; an amendment adds one. */
@Entity({ name: 'contract_version' })
export class ContractVersion {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  terms: ContractTerms;

  @Column({ type: 'jsonb' })
  clauses: ContractClause[];

  @Column({ type: 'text' })
  status: ContractStatus;

  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason: string | null;

  @Column({ name: 'created_by_country', type: 'text' })
  createdByCountry: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}

export type ContractStepKind = 'signature' | 'verification' | 'rejection';

/** A signature, verification or rejection; its id is the id of the event that announced it. */
@Entity({ name: 'contract_step' })
export class ContractStep {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'signing_round', type: 'int' })
  signingRound: number;

  @Column({ type: 'text' })
  kind: ContractStepKind;

  @Column({ type: 'text', nullable: true })
  party: SigningParty | null;

  @Column({ type: 'text', nullable: true })
  side: ContractSideName | null;

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'recorded_by_country', type: 'text' })
  recordedByCountry: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** The contract the destination authority found the worker working under. */
@Entity({ name: 'contract_registration' })
export class ContractRegistration {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'verified_version', type: 'int' })
  verifiedVersion: number;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Column({ type: 'jsonb' })
  terms: ContractTerms;

  @Column({ name: 'recorded_by_country', type: 'text' })
  recordedByCountry: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

export type SubstitutionSource = 'amendment' | 'destination-registration';

@Entity({ name: 'substitution_flag' })
export class SubstitutionFlag {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  source: SubstitutionSource;

  @Column({ name: 'verified_version', type: 'int' })
  verifiedVersion: number;

  @Column({ name: 'compared_version', type: 'int', nullable: true })
  comparedVersion: number | null;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ name: 'changed_terms', type: 'jsonb' })
  changedTerms: WorseTerm[];

  @Column({ name: 'blocks_departure', type: 'boolean' })
  blocksDeparture: boolean;

  @Column({ type: 'text' })
  status: 'open' | 'resolved';

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason: string | null;

  @Column({ name: 'raised_by_country', type: 'text' })
  raisedByCountry: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}

export const CONTRACT_ENTITIES = [Contract, ContractVersion, ContractStep, ContractRegistration, SubstitutionFlag];
