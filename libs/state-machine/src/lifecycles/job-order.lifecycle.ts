import { defineStateMachine } from '../state-machine';

export const JOB_ORDER_STATUSES = ['submitted', 'approved', 'verified', 'rejected', 'filled'] as const;
export type JobOrderStatus = (typeof JOB_ORDER_STATUSES)[number];
export type JobOrderAction = 'approve' | 'verify' | 'reject' | 'match';

/**
 * submitted --approve (destination)--> approved --verify (origin)--> verified --match…--> filled
 *                                               \--reject (origin)--> rejected (final)
 *
 * Held by the recruitment service on both ends of the corridor and by the contracts service's
 * replica, hence here rather than in one service.
 */
export const JOB_ORDER_LIFECYCLE = defineStateMachine<JobOrderStatus, JobOrderAction>('job order', {
  submitted: { approve: 'approved' },
  approved: { verify: 'verified', reject: 'rejected' },
  verified: { match: ['verified', 'filled'] },
  rejected: {},
  filled: {},
});
