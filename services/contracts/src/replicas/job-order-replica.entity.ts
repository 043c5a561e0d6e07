import { JobOrderColumns } from '@corridor/job-orders';
import type { JobOrderStatus } from '@corridor/state-machine';
import { Entity } from 'typeorm';

/** A job order's state machine is the recruitment one (libs/state-machine); this copy never reaches filled. */
export type ReplicatedJobOrderStatus = JobOrderStatus;

/**
 * This node's copy of a job order, kept from the recruitment events of its corridors: the columns
 * every holder of a job order keeps (libs/job-orders), nothing more; drafting reads no others.
 */
@Entity({ name: 'job_order_replica' })
export class JobOrderReplica extends JobOrderColumns {}
