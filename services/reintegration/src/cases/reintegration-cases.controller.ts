import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { IllegalTransition } from '@corridor/state-machine';
import {
  ChangeReferralStatusCommand,
  CloseCaseCommand,
  FollowUpCommand,
  ListCasesQuery,
  RecordPlanCommand,
  RecordServiceCommand,
  ReopenCaseCommand,
  ScheduleFollowUpCommand,
  ScoredAnswersCommand,
  SendReferralCommand,
  WorkQueueQuery,
} from './case.commands';
import { activeWeightTable } from '../scoring/sustainability-instrument';
import { CaseView, InstrumentView, WorkItemView } from './case.views';
import { CaseStepsUseCase } from './case-steps.usecase';
import { AnswersNotOnTheInstrument, CaseStepRefused } from './cases.errors';
import { ReadCasesUseCase } from './read-cases.usecase';

const CASE = { resource: 'reintegration-case', param: 'caseId' } as const;
const notFound = 'No such case, or not one the caller may see';

/** The reintegration case of each returnee, at origin: every step answers the case as it now is. */
@ApiController('api/v1/reintegration-cases', { tag: 'reintegration-cases', forbidden: 'Another country, or a role that may not' })
@ApiProblems(IllegalTransition, CaseStepRefused)
export class ReintegrationCasesController {
  constructor(
    private readonly steps: CaseStepsUseCase,
    private readonly read: ReadCasesUseCase,
  ) {}

  @Access('reintegration-case.read')
  @GetPage({ answers: CaseView, description: 'Cases, newest first' })
  list(@Query() query: ListCasesQuery): Promise<Page<CaseView>> {
    return this.read.list(query);
  }

  @Access('reintegration-case.read')
  @GetPage({ path: 'work-queue', answers: WorkItemView, description: "The caseworker's work queue, most overdue first" })
  workQueue(@Query() query: WorkQueueQuery): Promise<Page<WorkItemView>> {
    return this.read.workQueue(query);
  }

  @Access('reintegration-case.read')
  @GetView({ path: 'instrument', answers: InstrumentView, description: 'The sustainability instrument assessments and follow-ups are answered on: its indicators and the answers on each scale' })
  instrument(): InstrumentView {
    const table = activeWeightTable();
    return {
      weightsVersion: table.version,
      indicators: table.indicators.map((i) => ({ code: i.code, dimension: i.dimension, question: i.question, answers: Object.entries(i.scale).sort(([, a], [, b]) => a - b).map(([code]) => code) })),
    };
  }

  @Access('reintegration-case.read', CASE)
  @GetView({ path: ':caseId', answers: CaseView, description: 'The case', notFound })
  one(@Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<CaseView> {
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/assessments', answers: CaseView, description: 'The needs assessment, scored', notFound })
  @ApiProblems(AnswersNotOnTheInstrument)
  async assess(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: ScoredAnswersCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.assess(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/plans', answers: CaseView, description: 'The reintegration plan (a new version replaces the last)', notFound })
  async plan(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: RecordPlanCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.plan(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/referrals', answers: CaseView, description: 'A referral sent to a provider of the registry', notFound })
  async refer(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: SendReferralCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.refer(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/referrals/:referralId/status-changes', answers: CaseView, description: 'The provider accepted or declined, or the referral completed', notFound })
  async changeReferral(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() command: ChangeReferralStatusCommand,
    @CurrentOfficer() officer: Officer,
  ): Promise<CaseView> {
    await this.steps.changeReferral(caseId, referralId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/services', answers: CaseView, description: 'A service delivered', notFound })
  async deliver(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: RecordServiceCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.deliver(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/scheduled-follow-ups', answers: CaseView, description: 'A follow-up due on a day', notFound })
  async schedule(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: ScheduleFollowUpCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.scheduleFollowUp(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/follow-ups', answers: CaseView, description: 'A follow-up held, scored with the same instrument as the assessment', notFound })
  @ApiProblems(AnswersNotOnTheInstrument)
  async followUp(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: FollowUpCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.followUp(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/closure', answers: CaseView, description: 'The case closed with a reason', notFound })
  async close(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: CloseCaseCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.close(caseId, command, officer);
    return this.read.one(caseId);
  }

  @Access('reintegration-case.manage', CASE)
  @IdempotentPost({ path: ':caseId/reopening', answers: CaseView, description: 'A closed case reopened, back where its work stood', notFound })
  async reopen(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() command: ReopenCaseCommand, @CurrentOfficer() officer: Officer): Promise<CaseView> {
    await this.steps.reopen(caseId, command, officer);
    return this.read.one(caseId);
  }
}
