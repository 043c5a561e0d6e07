import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { AssignGrievanceCommand, ChangeGrievanceStatusCommand, CloseGrievanceCommand, FileGrievanceCommand, ListGrievancesQuery, ResolveGrievanceCommand } from './grievance.commands';
import { GrievanceView } from './grievance.views';
import { FileGrievanceUseCase } from './file-grievance.usecase';
import { ProgressGrievanceUseCase } from './progress-grievance.usecase';
import { ReadGrievancesUseCase } from './read-grievances.usecase';

const BAD = 'Missing, malformed or unknown fields (problem+json)';
const STATE = "Not allowed in the grievance's state: names the state and the allowed actions (problem+json, illegal-transition)";

/** Grievances: filed at either end, handled in the destination's queue, every step seen at both. */
@ApiController('api/v1/grievances', { tag: 'grievances', forbidden: 'Another country, a role that may not, or a step for the other end' })
export class GrievancesController {
  constructor(
    private readonly fileGrievance: FileGrievanceUseCase,
    private readonly progress: ProgressGrievanceUseCase,
    private readonly readGrievances: ReadGrievancesUseCase,
  ) {}

  @Access('grievance.file')
  @IdempotentPost({ answers: GrievanceView, description: "Filed: in the destination's queue with its deadline; the other end receives it" })
  @ApiBadRequestResponse({ description: BAD })
  @ApiUnprocessableEntityResponse({ description: 'This node is not an end of an open corridor, or a date in the future (problem+json, grievance-rule-broken)' })
  file(@Body() command: FileGrievanceCommand, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.fileGrievance.execute(command, officer);
  }

  @Access('grievance.read')
  @GetPage({ answers: GrievanceView, description: 'Grievances newest first; filters: status, category, flag (overdue, escalated), assignee, filed from/to, journey' })
  list(@Query() query: ListGrievancesQuery, @CurrentOfficer() officer: Officer): Promise<Page<GrievanceView>> {
    return this.readGrievances.list(query, officer);
  }

  @Access('grievance.supervise')
  @GetPage({ path: 'escalated', answers: GrievanceView, description: "The supervisors' queue: escalated grievances still unanswered, oldest deadline first" })
  escalated(@Query() query: ListGrievancesQuery, @CurrentOfficer() officer: Officer): Promise<Page<GrievanceView>> {
    return this.readGrievances.escalated(query, officer);
  }

  @Access('grievance.read', { resource: 'grievance' })
  @GetView({ path: ':grievanceId', answers: GrievanceView, description: 'The grievance and its history', notFound: 'No such grievance, or not one the caller may see' })
  one(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.readGrievances.one(grievanceId, officer);
  }

  @Access('grievance.handle', { resource: 'grievance' })
  @IdempotentPost({ path: ':grievanceId/assignment', answers: GrievanceView, description: 'Assigned to an officer of the handling country', notFound: 'No such grievance, or not one the caller may see' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  assign(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string, @Body() command: AssignGrievanceCommand, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.progress.assign(grievanceId, command, officer);
  }

  @Access('grievance.handle', { resource: 'grievance' })
  @IdempotentPost({ path: ':grievanceId/status-changes', answers: GrievanceView, description: 'Under investigation, or referred (with where to)', notFound: 'No such grievance, or not one the caller may see' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A referral without referredTo, or a date in the future (problem+json, grievance-rule-broken)' })
  changeStatus(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string, @Body() command: ChangeGrievanceStatusCommand, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.progress.changeStatus(grievanceId, command, officer);
  }

  @Access('grievance.handle', { resource: 'grievance' })
  @IdempotentPost({ path: ':grievanceId/resolution', answers: GrievanceView, description: 'Resolved with an outcome and the amount recovered', notFound: 'No such grievance, or not one the caller may see' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A date in the future (problem+json, grievance-rule-broken)' })
  resolve(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string, @Body() command: ResolveGrievanceCommand, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.progress.resolve(grievanceId, command, officer);
  }

  @Access('grievance.handle', { resource: 'grievance' })
  @IdempotentPost({ path: ':grievanceId/closure', answers: GrievanceView, description: 'Closed: resolved, or withdrawn, duplicate, no contact', notFound: 'No such grievance, or not one the caller may see' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiConflictResponse({ description: STATE })
  @ApiUnprocessableEntityResponse({ description: 'A reason that does not fit the state, or a date in the future (problem+json, grievance-rule-broken)' })
  close(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string, @Body() command: CloseGrievanceCommand, @CurrentOfficer() officer: Officer): Promise<GrievanceView> {
    return this.progress.close(grievanceId, command, officer);
  }
}
