import { IllegalTransitionProblem } from '@corridor/http';
import type { JobOrder, JobOrderStatus } from './job-order.entity';

export type JobOrderAction = 'approve' | 'verify' | 'reject' | 'match';

/**
 * submitted --approve (destination)--> approved --verify (origin)--> verified --match…--> filled
 *                                               \--reject (origin)--> rejected (final)
 */
export const JOB_ORDER_TRANSITIONS: Record<JobOrderStatus, Partial<Record<JobOrderAction, JobOrderStatus>>> = {
  submitted: { approve: 'approved' },
  approved: { verify: 'verified', reject: 'rejected' },
  verified: { match: 'verified' },
  rejected: {},
  filled: {},
};

export function allowedJobOrderActions(status: JobOrderStatus): JobOrderAction[] {
  return Object.keys(JOB_ORDER_TRANSITIONS[status]) as JobOrderAction[];
}

export function nextJobOrderStatus(order: Pick<JobOrder, 'id' | 'status'>, action: JobOrderAction): JobOrderStatus {
  const next = JOB_ORDER_TRANSITIONS[order.status][action];
  if (!next) throw new IllegalTransitionProblem(`job order ${order.id}`, order.status, action, allowedJobOrderActions(order.status));
  return next;
}
