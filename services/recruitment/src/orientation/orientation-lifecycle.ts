import { defineStateMachine } from '@corridor/state-machine';
import type { SessionStatus } from './orientation-session.entity';

export type SessionAction = 'record-attendance' | 'complete';

/** scheduled --record-attendance…--> scheduled --complete--> completed (final). Sessions stay in their country: no replica. */
export const SESSION_LIFECYCLE = defineStateMachine<SessionStatus, SessionAction>('orientation session', {
  scheduled: { 'record-attendance': 'scheduled', complete: 'completed' },
  completed: {},
  cancelled: {},
});
