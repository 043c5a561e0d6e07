import { IllegalTransitionProblem } from '@corridor/http';
import type { OrientationSession, SessionStatus } from './orientation.entities';

export type SessionAction = 'record-attendance' | 'complete';

/** scheduled --record-attendance…--> scheduled --complete--> completed (final). */
export const SESSION_TRANSITIONS: Record<SessionStatus, Partial<Record<SessionAction, SessionStatus>>> = {
  scheduled: { 'record-attendance': 'scheduled', complete: 'completed' },
  completed: {},
  cancelled: {},
};

export function nextSessionStatus(session: Pick<OrientationSession, 'id' | 'status'>, action: SessionAction): SessionStatus {
  const next = SESSION_TRANSITIONS[session.status][action];
  if (!next) throw new IllegalTransitionProblem(`orientation session ${session.id}`, session.status, action, Object.keys(SESSION_TRANSITIONS[session.status]));
  return next;
}
