import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContractTermsJson } from '../deployments/deployment.entity';

export interface ContractVerifications {
  version: number;
  round: number;
  sides: number[];
}

/**
 * What exit clearance needs to know about a journey, kept from the events of the other stages
 * (contracts, recruitment) and the pre-departure insurance: never a call to another service.
 */
@Entity('clearance_readiness')
export class ClearanceReadiness {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' }) journeyId!: string;
  @Column({ name: 'worker_id', type: 'text', default: '' }) workerId!: string;
  @Column({ type: 'text', default: '' }) destination!: string;
  @Column({ name: 'contract_id', type: 'text', nullable: true }) contractId!: string | null;
  @Column({ name: 'contract_verified', type: 'boolean', default: false }) contractVerified!: boolean;
  @Column({ name: 'verified_terms', type: 'jsonb', nullable: true }) verifiedTerms!: ContractTermsJson | null;
  /** The sides that verified the contract's latest version and round, as their events said (readiness.projector.ts). */
  @Column({ name: 'contract_verifications', type: 'jsonb', nullable: true }) contractVerifications!: ContractVerifications | null;
  @Column({ name: 'orientation_completed', type: 'boolean', default: false }) orientationCompleted!: boolean;
  @Column({ name: 'open_fee_breaches', type: 'jsonb', default: () => "'[]'" }) openFeeBreaches!: string[];
  @Column({ name: 'open_substitution_flags', type: 'jsonb', default: () => "'[]'" }) openSubstitutionFlags!: string[];
  @Column({ name: 'insurance_covered_to', type: 'date', nullable: true }) insuranceCoveredTo!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
