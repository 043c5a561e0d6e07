import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractStatus } from './contract-state';

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
