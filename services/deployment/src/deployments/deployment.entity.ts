import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnTypeName } from '@corridor/events';
import type { DeploymentStatus } from '@corridor/state-machine';

/** The verified contract's core terms as JSON (protobuf JSON of corridor.v1.ContractTerms). */
export type ContractTermsJson = Record<string, unknown>;

export interface DeploymentFlag {
  flagId: string;
  kind: 'arrival-discrepancy' | 'missing-arrival' | 'permit-expiring' | 'permit-expired';
  detail: string;
  raisedOn: string;
}

export interface PermitJson {
  permitId: string;
  permitNumber: string;
  permitType: string;
  issuedOn: string;
  expiresOn: string;
  employerName: string;
  extensions: number;
}

/** One journey's deployment. Both nodes hold it: the origin authored the clearance (authored_by), each end records its own steps. */
@Entity('deployment')
export class Deployment {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' }) journeyId!: string;
  @Column({ name: 'worker_id', type: 'text' }) workerId!: string;
  @Column({ type: 'text' }) origin!: string;
  @Column({ type: 'text' }) destination!: string;
  @Column({ type: 'text' }) status!: DeploymentStatus;
  @Column({ name: 'clearance_id', type: 'uuid' }) clearanceId!: string;
  @Column({ name: 'clearance_number', type: 'text' }) clearanceNumber!: string;
  @Column({ name: 'document_digest', type: 'text' }) documentDigest!: string;
  @Column({ name: 'contract_id', type: 'text' }) contractId!: string;
  @Column({ name: 'employer_name', type: 'text' }) employerName!: string;
  @Column({ name: 'verified_terms', type: 'jsonb', nullable: true }) verifiedTerms!: ContractTermsJson | null;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil!: string;
  @Column({ name: 'revoked_reason', type: 'text', nullable: true }) revokedReason!: string | null;
  /** Destination only: the person data opened from the clearance event, encrypted at rest (field cipher). */
  @Column({ name: 'person_data', type: 'text', nullable: true }) personData!: string | null;
  /** Destination only: blind index of the document number, to confirm a name list by document. */
  @Column({ name: 'document_number_index', type: 'text', nullable: true }) documentNumberIndex!: string | null;
  @Column({ name: 'departed_on', type: 'date', nullable: true }) departedOn!: string | null;
  @Column({ type: 'text', nullable: true }) means!: string | null;
  @Column({ name: 'planned_checkpoint', type: 'text', nullable: true }) plannedCheckpoint!: string | null;
  @Column({ name: 'arrival_due_by', type: 'date', nullable: true }) arrivalDueBy!: string | null;
  @Column({ type: 'text', nullable: true }) checkpoint!: string | null;
  @Column({ name: 'crossed_on', type: 'date', nullable: true }) crossedOn!: string | null;
  @Column({ name: 'arrived_on', type: 'date', nullable: true }) arrivedOn!: string | null;
  @Column({ type: 'jsonb', nullable: true }) permit!: PermitJson | null;
  @Column({ name: 'permit_expires_on', type: 'date', nullable: true }) permitExpiresOn!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) flags!: DeploymentFlag[];
  /** The return that closed it (ReturnRecorded, happened): its id makes a redelivery or a restatement change nothing. */
  @Column({ name: 'return_id', type: 'text', nullable: true }) returnId!: string | null;
  @Column({ name: 'return_type', type: 'text', nullable: true }) returnType!: ReturnTypeName | null;
  @Column({ name: 'returned_on', type: 'date', nullable: true }) returnedOn!: string | null;
  @Column({ name: 'authored_by', type: 'text' }) authoredBy!: string;
  @Column({ name: 'cleared_at', type: 'timestamptz' }) clearedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
