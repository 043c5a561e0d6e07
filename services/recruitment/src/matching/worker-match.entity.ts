import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MatchStatus = 'matched' | 'orientation-completed';

/** The journey's name-list entry: one worker matched to one job order (a worker is matched once). */
@Entity({ name: 'worker_match' })
export class WorkerMatch {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'job_order_id', type: 'uuid' })
  jobOrderId: string;

  @Column({ name: 'worker_id', type: 'uuid', unique: true })
  workerId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  destination: string;

  @Column({ type: 'text' })
  status: MatchStatus;

  @Column({ name: 'matched_by', type: 'text' })
  matchedBy: string;

  @Column({ name: 'matched_at', type: 'timestamptz' })
  matchedAt: Date;
}
