import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, ForbiddenForSide, GetPage, IdempotentPost, type Page } from '@corridor/http';
import { ListMatchesQuery, MatchWorkerCommand } from './match.commands';
import { MatchView } from './match.views';
import { MatchWorkerUseCase } from './match-worker.usecase';
import { ReadMatchesUseCase } from './read-matches.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { AgencyLicenceNotValid } from '../agencies/agencies.errors';
import { JobOrderFull } from '../job-orders/job-orders.errors';
import { WorkerAlreadyMatched, WorkerNominatedElsewhere } from './matching.errors';

/** Matching workers to verified job orders at origin: the name lists. */
@ApiController('api/v1', { tag: 'matching', forbidden: 'Another country, a role that may not, or not the job order’s origin' })
export class MatchingController {
  constructor(
    private readonly matchWorker: MatchWorkerUseCase,
    private readonly readMatches: ReadMatchesUseCase,
  ) {}

  @Access('match.create', { resource: 'job-order' })
  @IdempotentPost({
    path: 'job-orders/:jobOrderId/matches',
    answers: MatchView,
    description: 'The worker is on the job order’s name list; WorkerMatched crosses the corridor',
    notFound: 'No such job order or worker, or not the caller’s worker',
  })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiProblems(JobOrderFull, IllegalTransition, AgencyLicenceNotValid, WorkerAlreadyMatched, WorkerNominatedElsewhere, ForbiddenForSide)
  match(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string, @Body() command: MatchWorkerCommand, @CurrentOfficer() officer: Officer): Promise<MatchView> {
    return this.matchWorker.execute(jobOrderId, command.workerId, officer);
  }

  @Access('match.read')
  @GetPage({ path: 'matches', answers: MatchView, description: 'Matches (name lists), paged; filter by status, job order, agency, match date, open blocking flag' })
  list(@Query() query: ListMatchesQuery, @CurrentOfficer() officer: Officer): Promise<Page<MatchView>> {
    return this.readMatches.list(query, officer);
  }
}
