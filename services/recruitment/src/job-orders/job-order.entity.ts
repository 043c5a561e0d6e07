import { JobOrderColumns } from '@corridor/job-orders';
import type { JobOrderStatus } from '@corridor/state-machine';
import { Column, Entity } from 'typeorm';

export type { JobOrderStatus };

/**
 * A demand letter of a destination employer. Both ends of the corridor hold the same job order:
 * the node that recorded it (authored_by) and a replica on the other node, kept by events. The
 * columns every holder keeps are JobOrderColumns (libs/job-orders); these are recruitment's own.
 */
@Entity({ name: 'job_order' })
export class JobOrder extends JobOrderColumns {
  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ name: 'workers_requested', type: 'int' })
  workersRequested: number;

  @Column({ name: 'workers_matched', type: 'int', default: 0 })
  workersMatched: number;

  @Column({ type: 'text', array: true })
  benefits: string[];

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
