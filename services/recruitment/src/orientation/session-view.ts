import type { OrientationAttendance, OrientationSession } from './orientation.entities';
import { SESSION_LIFECYCLE } from './orientation-lifecycle';

export interface SessionView {
  sessionId: string;
  heldOn: string;
  place: string;
  topics: string[];
  agencyId: string | null;
  status: string;
  allowedActions: string[];
  attendees?: { workerId: string; journeyId: string; recordedAt: string }[];
}

export function sessionView(session: OrientationSession, attendees?: OrientationAttendance[]): SessionView {
  return {
    sessionId: session.id,
    heldOn: session.heldOn,
    place: session.place,
    topics: session.topics,
    agencyId: session.agencyId,
    status: session.status,
    allowedActions: SESSION_LIFECYCLE.allowedActions(session.status),
    ...(attendees ? { attendees: attendees.map((a) => ({ workerId: a.workerId, journeyId: a.journeyId, recordedAt: a.recordedAt.toISOString() })) } : {}),
  };
}
