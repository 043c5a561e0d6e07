import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, CorridorNotOpen, ForbiddenForSide, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { EmptyCommand } from '../common/empty-command';
import { CreateJobOrderUseCase } from './create-job-order.usecase';
import { DecideJobOrderUseCase } from './decide-job-order.usecase';
import { CreateJobOrderCommand, ListJobOrdersQuery, RejectJobOrderCommand } from './job-order.commands';
import { JobOrderView } from './job-order.views';
import { ReadJobOrdersUseCase } from './read-job-orders.usecase';
import { IllegalTransition } from '@corridor/state-machine';

/**
 * Job orders (demand letters): created and approved at destination, verified or rejected at
 * origin. Both nodes of the corridor hold the same job order.
 */
@ApiController('api/v1/job-orders', { tag: 'job-orders', forbidden: 'Another country, a role that may not, or the other side’s decision' })
export class JobOrdersController {
  constructor(
    private readonly createJobOrder: CreateJobOrderUseCase,
    private readonly decide: DecideJobOrderUseCase,
    private readonly readJobOrders: ReadJobOrdersUseCase,
  ) {}

  @Access('job-order.create')
  @IdempotentPost({ answers: JobOrderView, description: 'The job order is recorded (status submitted) and sent along the corridor' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields; invalid ISCO-08, ISIC or ISO 4217 code; out-of-range numbers (problem+json)' })
  @ApiProblems(CorridorNotOpen)
  create(@Body() command: CreateJobOrderCommand, @CurrentOfficer() officer: Officer): Promise<JobOrderView> {
    return this.createJobOrder.execute(command, officer);
  }

  @Access('job-order.read')
  @GetPage({ answers: JobOrderView, description: 'Job orders of this node’s corridors, paged; filter by status, occupation, origin, destination, creation date' })
  list(@Query() query: ListJobOrdersQuery): Promise<Page<JobOrderView>> {
    return this.readJobOrders.list(query);
  }

  @Access('job-order.read', { resource: 'job-order' })
  @GetView({ path: ':jobOrderId', answers: JobOrderView, description: 'The job order, its state and the actions allowed now', notFound: 'Not known on this node' })
  one(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string): Promise<JobOrderView> {
    return this.readJobOrders.one(jobOrderId);
  }

  @Access('job-order.approve', { resource: 'job-order' })
  @IdempotentPost({ path: ':jobOrderId/approval', answers: JobOrderView, description: 'Approved by the destination authority' })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  approve(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string, @Body() body: EmptyCommand, @CurrentOfficer() officer: Officer): Promise<JobOrderView> {
    return this.decide.execute(jobOrderId, 'approve', officer, body.note);
  }

  @Access('job-order.decide', { resource: 'job-order' })
  @IdempotentPost({ path: ':jobOrderId/verification', answers: JobOrderView, description: 'Verified by the origin ministry: workers may be matched to it' })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  verify(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string, @Body() body: EmptyCommand, @CurrentOfficer() officer: Officer): Promise<JobOrderView> {
    return this.decide.execute(jobOrderId, 'verify', officer, body.note);
  }

  @Access('job-order.decide', { resource: 'job-order' })
  @IdempotentPost({ path: ':jobOrderId/rejection', answers: JobOrderView, description: 'Rejected by the origin ministry, with reason (final)' })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  reject(@Param('jobOrderId', new ParseUUIDPipe()) jobOrderId: string, @Body() command: RejectJobOrderCommand, @CurrentOfficer() officer: Officer): Promise<JobOrderView> {
    return this.decide.execute(jobOrderId, 'reject', officer, command.reason);
  }
}
