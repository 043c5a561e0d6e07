import { defineStateMachine } from '../state-machine';

export const GRIEVANCE_STATUSES = ['open', 'under-investigation', 'referred', 'resolved', 'closed'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];
export type GrievanceAction = 'assign' | 'investigate' | 'refer' | 'resolve' | 'close';

/**
 * A grievance, handled by the destination's queue whichever side filed it:
 * open --investigate--> under-investigation --refer--> referred --investigate--> under-investigation;
 * open | under-investigation | referred --resolve--> resolved --close--> closed;
 * open | under-investigation | referred --close--> closed (withdrawn, duplicate, no contact).
 * `assign` keeps the state (an officer takes it over) until it is resolved. The handling node's
 * use cases and the filing node's replica apply the same table (social-protection service).
 */
export const GRIEVANCE_LIFECYCLE = defineStateMachine<GrievanceStatus, GrievanceAction>('grievance', {
  open: { assign: 'open', investigate: 'under-investigation', refer: 'referred', resolve: 'resolved', close: 'closed' },
  'under-investigation': { assign: 'under-investigation', refer: 'referred', resolve: 'resolved', close: 'closed' },
  referred: { assign: 'referred', investigate: 'under-investigation', resolve: 'resolved', close: 'closed' },
  resolved: { close: 'closed' },
  closed: {},
});

/** The states in which a grievance still waits for an answer: past its deadline it is overdue. */
export const GRIEVANCE_PENDING: readonly GrievanceStatus[] = ['open', 'under-investigation', 'referred'];
