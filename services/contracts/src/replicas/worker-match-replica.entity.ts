import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A worker matched to a job order (WorkerMatched), by the worker's journey. */
@Entity({ name: 'worker_match_replica' })
export class WorkerMatchReplica {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' })
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

  @Column({ name: 'matched_at', type: 'timestamptz' })
  matchedAt: Date;
}
