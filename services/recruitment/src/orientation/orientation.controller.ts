import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, GetPage, GetView, IdempotentPost, InvalidCalendarDate, type Page } from '@corridor/http';
import { EmptyCommand } from '../common/empty-command';
import { CompleteOrientationUseCase } from './complete-orientation.usecase';
import { ListSessionsQuery, RecordAttendanceCommand, ScheduleOrientationCommand } from './orientation.commands';
import { ReadSessionsUseCase } from './read-sessions.usecase';
import { RecordAttendanceUseCase } from './record-attendance.usecase';
import { ScheduleOrientationUseCase } from './schedule-orientation.usecase';
import { SessionView } from './session.views';
import { IllegalTransition } from '@corridor/state-machine';
import { AgencyLicenceNotValid } from '../agencies/agencies.errors';
import { AttendanceAlreadyRecorded, AttendeeNotMatched, SessionNotHeldYet } from './orientation.errors';

/** Pre-departure orientation at origin: sessions, attendance, completion. */
@ApiController('api/v1/orientation-sessions', { tag: 'orientation', forbidden: 'Another country or a role that may not' })
export class OrientationController {
  constructor(
    private readonly schedule: ScheduleOrientationUseCase,
    private readonly attendance: RecordAttendanceUseCase,
    private readonly complete: CompleteOrientationUseCase,
    private readonly read: ReadSessionsUseCase,
  ) {}

  @Access('orientation.schedule')
  @IdempotentPost({ answers: SessionView, description: 'The session is scheduled' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields, unknown topics (problem+json)' })
  @ApiProblems(AgencyLicenceNotValid, InvalidCalendarDate)
  create(@Body() command: ScheduleOrientationCommand, @CurrentOfficer() officer: Officer): Promise<SessionView> {
    return this.schedule.execute(command, officer);
  }

  @Access('orientation.read')
  @GetPage({ answers: SessionView, description: 'Sessions, paged; filter by status, agency, date range; an agency sees its own' })
  list(@Query() query: ListSessionsQuery, @CurrentOfficer() officer: Officer): Promise<Page<SessionView>> {
    return this.read.list(query, officer);
  }

  @Access('orientation.read', { resource: 'orientation-session' })
  @GetView({ path: ':sessionId', answers: SessionView, description: 'The session with its attendees', notFound: 'No such session, or another agency’s' })
  one(@Param('sessionId', new ParseUUIDPipe()) sessionId: string, @CurrentOfficer() officer: Officer): Promise<SessionView> {
    return this.read.one(sessionId, officer);
  }

  @Access('orientation.record', { resource: 'orientation-session' })
  @IdempotentPost({ path: ':sessionId/attendance', answers: SessionView, description: 'The matched worker attended; OrientationAttended goes on the journey' })
  @ApiProblems(IllegalTransition, AttendeeNotMatched, AttendanceAlreadyRecorded)
  attend(@Param('sessionId', new ParseUUIDPipe()) sessionId: string, @Body() command: RecordAttendanceCommand, @CurrentOfficer() officer: Officer): Promise<SessionView> {
    return this.attendance.execute(sessionId, command.workerId, officer);
  }

  @Access('orientation.record', { resource: 'orientation-session' })
  @IdempotentPost({ path: ':sessionId/completion', answers: SessionView, description: 'Completed: OrientationCompleted on the journey of every attendee' })
  @ApiProblems(IllegalTransition, SessionNotHeldYet)
  finish(@Param('sessionId', new ParseUUIDPipe()) sessionId: string, @Body() _body: EmptyCommand, @CurrentOfficer() officer: Officer): Promise<SessionView> {
    return this.complete.execute(sessionId, officer);
  }
}
