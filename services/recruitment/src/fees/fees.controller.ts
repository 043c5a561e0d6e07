import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, DateInTheFuture, DateRangePageQuery, GetPage, GetView, IdempotentPost, InvalidCalendarDate, UnknownReferenceProblem, type Page } from '@corridor/http';
import { DecideBreachUseCase } from './decide-breach.usecase';
import { DecideBreachCommand, ListBreachesQuery, RecordFeeCommand, RecordRefundCommand } from './fee.commands';
import { BreachView, FeeView, RecordedFeeView } from './fee.views';
import { ReadFeesUseCase } from './read-fees.usecase';
import { RecordFeeUseCase } from './record-fee.usecase';
import { RecordRefundUseCase } from './record-refund.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { RefundCurrencyMismatch } from './fees.errors';

/** What workers paid, the corridor cap, and fee breaches (blocking flags) with their resolution. */
@ApiController('api/v1', { tag: 'fees', forbidden: 'Another country or a role that may not' })
export class FeesController {
  constructor(
    private readonly recordFee: RecordFeeUseCase,
    private readonly recordRefund: RecordRefundUseCase,
    private readonly decideBreach: DecideBreachUseCase,
    private readonly readFees: ReadFeesUseCase,
  ) {}

  @Access('fee.record', { resource: 'worker' })
  @IdempotentPost({
    path: 'workers/:workerId/fees',
    answers: RecordedFeeView,
    description: 'The payment is recorded; above the corridor cap a fee breach flag is raised (or updated) on the journey',
    notFound: 'No such worker, or not the caller’s',
  })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields, out-of-range amount, unknown currency (problem+json)' })
  @ApiProblems(InvalidCalendarDate, DateInTheFuture, UnknownReferenceProblem)
  record(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Body() command: RecordFeeCommand, @CurrentOfficer() officer: Officer): Promise<RecordedFeeView> {
    return this.recordFee.execute(workerId, command, officer);
  }

  @Access('fee.read', { resource: 'worker' })
  @GetPage({ path: 'workers/:workerId/fees', answers: FeeView, description: 'Every payment the worker made, paged; filter by payment date' })
  fees(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Query() query: DateRangePageQuery, @CurrentOfficer() officer: Officer): Promise<Page<FeeView>> {
    return this.readFees.ofWorker(workerId, query, officer);
  }

  @Access('fee-breach.read')
  @GetPage({ path: 'fee-breaches', answers: BreachView, description: 'Fee breaches, paged; filter by status (open = blocking flags), agency, date raised' })
  breaches(@Query() query: ListBreachesQuery, @CurrentOfficer() officer: Officer): Promise<Page<BreachView>> {
    return this.readFees.breaches(query, officer);
  }

  @Access('fee-breach.read', { resource: 'fee-breach' })
  @GetView({ path: 'fee-breaches/:breachId', answers: BreachView, description: 'The breach, its refunds and allowed actions', notFound: 'No such breach, or another agency’s' })
  breach(@Param('breachId', new ParseUUIDPipe()) breachId: string, @CurrentOfficer() officer: Officer): Promise<BreachView> {
    return this.readFees.breach(breachId, officer);
  }

  @Access('fee-breach.refund', { resource: 'fee-breach' })
  @IdempotentPost({ path: 'fee-breaches/:breachId/refunds', answers: BreachView, description: 'The refund is recorded; once refunds cover the excess the breach is resolved' })
  @ApiProblems(IllegalTransition, RefundCurrencyMismatch, InvalidCalendarDate, DateInTheFuture)
  refund(@Param('breachId', new ParseUUIDPipe()) breachId: string, @Body() command: RecordRefundCommand, @CurrentOfficer() officer: Officer): Promise<BreachView> {
    return this.recordRefund.execute(breachId, command, officer);
  }

  @Access('fee-breach.decide', { resource: 'fee-breach' })
  @IdempotentPost({ path: 'fee-breaches/:breachId/decisions', answers: BreachView, description: 'The ministry resolved the breach by a decision with reason' })
  @ApiProblems(IllegalTransition)
  decide(@Param('breachId', new ParseUUIDPipe()) breachId: string, @Body() command: DecideBreachCommand, @CurrentOfficer() officer: Officer): Promise<BreachView> {
    return this.decideBreach.execute(breachId, command.reason, officer);
  }
}
