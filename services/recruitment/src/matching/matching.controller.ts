import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiIdempotencyKey, ApiProblems, ForbiddenForSide } from '@corridor/http';
import type { Page } from '@corridor/http';
import { ListMatchesQuery, MatchWorkerCommand } from './match.commands';
import type { MatchView } from './match-view';
import { MatchWorkerUseCase } from './match-worker.usecase';
import { ReadMatchesUseCase } from './read-matches.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { AgencyLicenceNotValid } from '../agencies/agencies.errors';
import { JobOrderFull } from '../job-orders/job-orders.errors';
import { WorkerAlreadyMatched, WorkerNominatedElsewhere } from './matching.errors';

/** Matching workers to verified job orders at origin: the name lists. */
@ApiTags('matching')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Another country, a role that may not, or not the job order’s origin (problem+json)' })
@Controller('api/v1')
export class MatchingController {
  constructor(
    private readonly matchWorker: MatchWorkerUseCase,
    private readonly readMatches: ReadMatchesUseCase,
  ) {}

  @Access('match.create', { resource: 'job-order' })
  @Post('job-orders/:jobOrderId/matches')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The worker is on the job order’s name list; WorkerMatched crosses the corridor' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiNotFoundResponse({ description: 'No such job order or worker, or not the caller’s worker (problem+json)' })
  @ApiProblems(JobOrderFull, IllegalTransition, AgencyLicenceNotValid, WorkerAlreadyMatched, WorkerNominatedElsewhere, ForbiddenForSide)
  match(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string, @Body() command: MatchWorkerCommand, @CurrentOfficer() officer: Officer): Promise<MatchView> {
    return this.matchWorker.execute(jobOrderId, command.workerId, officer);
  }

  @Access('match.read')
  @Get('matches')
  @ApiOkResponse({ description: 'Matches (name lists), paged; filter by status, job order, agency, match date, open blocking flag' })
  list(@Query() query: ListMatchesQuery, @CurrentOfficer() officer: Officer): Promise<Page<MatchView>> {
    return this.readMatches.list(query, officer);
  }
}
