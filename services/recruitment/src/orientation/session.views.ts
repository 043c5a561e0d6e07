import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrientationAttendance } from './orientation-attendance.entity';
import type { OrientationSession, SessionStatus } from './orientation-session.entity';
import { ORIENTATION_TOPICS } from './orientation.commands';
import { SESSION_LIFECYCLE, type SessionAction } from './orientation-lifecycle';

export class AttendeeView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

/** A pre-departure orientation session. */
export class SessionView {
  @ApiProperty({ format: 'uuid' })
  sessionId: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  heldOn: string;

  @ApiProperty({ example: 'Provincial labour office, Battambang' })
  place: string;

  @ApiProperty({ enum: ORIENTATION_TOPICS, isArray: true })
  topics: string[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The agency that holds it; null for the ministry' })
  agencyId: string | null;

  @ApiProperty({ enum: SESSION_LIFECYCLE.states })
  status: SessionStatus;

  @ApiProperty({ enum: SESSION_LIFECYCLE.actions, isArray: true })
  allowedActions: SessionAction[];

  @ApiPropertyOptional({ type: [AttendeeView], description: 'On the answers about one session only, not in lists' })
  attendees?: AttendeeView[];
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
