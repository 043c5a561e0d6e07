import { Body, Controller, Get, Param, ParseUUIDPipe, Query, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags, ApiUnprocessableEntityResponse, ApiOperation } from '@nestjs/swagger';
import { Access, CurrentOfficer, Public, type Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { ApiController, GetPage, GetView, IdempotentPost, NothingToAddCommand, type Page } from '@corridor/http';
import { isoDay } from '@corridor/reference-data';
import { checkpointsOfCorridors } from '@corridor/reference-data';
import { CLOCK, type Clock } from '@corridor/scheduler';
import { DataSource } from 'typeorm';
import { ConfirmArrivalListUseCase, ConfirmArrivalUseCase, ReportDiscrepancyUseCase } from './arrival.usecases';
import { checkClearance, ClearanceSigner } from './clearance-document';
import { GrantExitClearanceUseCase, RecordInsuranceUseCase, RevokeClearanceUseCase } from './clearance.usecases';
import {
  ChangeEmployerCommand,
  ConfirmArrivalCommand,
  ConfirmArrivalListCommand,
  GrantExitClearanceCommand,
  IssuePermitCommand,
  ListDeploymentsQuery,
  RecordCrossingCommand,
  RecordDepartureCommand,
  RecordInsuranceCommand,
  ReportDiscrepancyCommand,
  RevokeClearanceCommand,
} from './deployment.commands';
import { Deployment } from './deployment.entity';
import { ArrivalListView, CheckpointView, ClearanceCheckView, DeploymentView, ExitClearanceView, InsuranceView } from './deployment.views';
import { RecordCrossingUseCase, RecordDepartureUseCase } from './movement.usecases';
import { ChangeEmployerUseCase, ExtendPermitUseCase, IssuePermitUseCase } from './permit.usecases';
import { ReadDeploymentsUseCase } from './read-deployments.usecase';

const JOURNEY = 'journeyId';
const uuid = () => new ParseUUIDPipe();

/** A journey's deployment: clearance, departure and crossing at origin; arrival, permit and employer changes at destination. */
@ApiController('api/v1/deployments', { tag: 'deployments', forbidden: 'Another country, the wrong end of the corridor, or a role that may not' })
export class DeploymentsController {
  constructor(
    private readonly grant: GrantExitClearanceUseCase,
    private readonly insurance: RecordInsuranceUseCase,
    private readonly revoke: RevokeClearanceUseCase,
    private readonly departure: RecordDepartureUseCase,
    private readonly crossing: RecordCrossingUseCase,
    private readonly arrival: ConfirmArrivalUseCase,
    private readonly discrepancy: ReportDiscrepancyUseCase,
    private readonly arrivalList: ConfirmArrivalListUseCase,
    private readonly permit: IssuePermitUseCase,
    private readonly extension: ExtendPermitUseCase,
    private readonly employer: ChangeEmployerUseCase,
    private readonly read: ReadDeploymentsUseCase,
  ) {}

  @Access('deployment.clear')
  @IdempotentPost({ path: ':journeyId/clearance', answers: ExitClearanceView, description: 'Exit clearance granted: the document (JWS) and its QR code' })
  @ApiUnprocessableEntityResponse({ description: 'exit-clearance-refused, listing every unmet condition in `unmet` (problem+json)' })
  clear(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: GrantExitClearanceCommand, @CurrentOfficer() officer: Officer): Promise<ExitClearanceView> {
    return this.grant.execute(journeyId, command, officer);
  }

  @Access('deployment.record-insurance')
  @IdempotentPost({ path: ':journeyId/insurance', answers: InsuranceView, description: 'Pre-departure insurance recorded' })
  recordInsurance(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: RecordInsuranceCommand, @CurrentOfficer() officer: Officer): Promise<InsuranceView> {
    return this.insurance.execute(journeyId, command, officer);
  }

  @Access('deployment.revoke-clearance', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/clearance/revocation', answers: DeploymentView, description: 'Clearance revoked', notFound: 'No such deployment' })
  revokeClearance(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: RevokeClearanceCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.revoke.execute(journeyId, command, officer);
  }

  @Access('deployment.record-movement', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/departure', answers: DeploymentView, description: 'Departure recorded', notFound: 'No such deployment' })
  depart(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: RecordDepartureCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.departure.execute(journeyId, command, officer);
  }

  @Access('deployment.record-movement', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/crossing', answers: DeploymentView, description: 'Border crossing recorded', notFound: 'No such deployment' })
  cross(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: RecordCrossingCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.crossing.execute(journeyId, command, officer);
  }

  @Access('deployment.confirm-arrival', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/arrival', answers: DeploymentView, description: 'Arrival confirmed at the employer', notFound: 'No such deployment' })
  confirmArrival(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: ConfirmArrivalCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.arrival.execute(journeyId, command, officer);
  }

  @Access('deployment.confirm-arrival', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/arrival-discrepancy', answers: DeploymentView, description: 'Discrepancy flagged at origin', notFound: 'No such deployment' })
  reportDiscrepancy(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: ReportDiscrepancyCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.discrepancy.execute(journeyId, command, officer);
  }

  @Access('deployment.confirm-arrival')
  @IdempotentPost({ path: 'arrival-lists', answers: ArrivalListView, description: 'Each row accepted or refused with its reason; the accepted ones are kept' })
  confirmList(@Body() command: ConfirmArrivalListCommand, @CurrentOfficer() officer: Officer): Promise<ArrivalListView> {
    return this.arrivalList.execute(command, officer);
  }

  @Access('deployment.permit', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/permit', answers: DeploymentView, description: 'Work permit issued for the corridor’s length', notFound: 'No such deployment' })
  issuePermit(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: IssuePermitCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.permit.execute(journeyId, command, officer);
  }

  @Access('deployment.permit', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/permit/extension', answers: DeploymentView, description: 'Permit extended by the corridor’s extension length', notFound: 'No such deployment' })
  extendPermit(@Param(JOURNEY, uuid()) journeyId: string, @Body() _nothing: NothingToAddCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.extension.execute(journeyId, officer);
  }

  @Access('deployment.change-employer', { resource: 'deployment', param: JOURNEY })
  @IdempotentPost({ path: ':journeyId/employer-changes', answers: DeploymentView, description: 'Employer change recorded; worse terms raise the substitution flag in contracts', notFound: 'No such deployment' })
  changeEmployer(@Param(JOURNEY, uuid()) journeyId: string, @Body() command: ChangeEmployerCommand, @CurrentOfficer() officer: Officer): Promise<DeploymentView> {
    return this.employer.execute(journeyId, command, officer);
  }

  @Access('deployment.read')
  @GetPage({ answers: DeploymentView, description: 'Deployments, newest clearance first; filters: status, flag, date range (clearance), checkpoint' })
  list(@Query() query: ListDeploymentsQuery): Promise<Page<DeploymentView>> {
    return this.read.list(query);
  }

  @Access('deployment.read', { resource: 'deployment', param: JOURNEY })
  @GetView({ path: ':journeyId', answers: DeploymentView, description: 'The deployment', notFound: 'No such deployment, or not one the caller may see' })
  one(@Param(JOURNEY, uuid()) journeyId: string): Promise<DeploymentView> {
    return this.read.one(journeyId);
  }
}

/** What anyone may check without logging in: a clearance document, the node's public keys, the checkpoints. */
@ApiTags('public')
@Public()
@Controller('api/v1/public')
export class PublicClearancesController {
  constructor(
    private readonly signer: ClearanceSigner,
    private readonly dataSource: DataSource,
    @InjectNodeConfig() private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('clearances/verify')
  @ApiOperation({ summary: 'Verify an exit clearance document' })
  @ApiQuery({ name: 'document', description: 'The compact JWS the QR code holds' })
  @ApiOkResponse({ type: ClearanceCheckView, description: 'Genuine and valid, or why not; only what the document prints' })
  async verify(@Query('document') document = ''): Promise<ClearanceCheckView> {
    const check = checkClearance(String(document).slice(0, 8000), this.signer.jwks, isoDay(this.clock.now()), { known: false, revokedReason: null });
    if (!check.printed) return check as unknown as ClearanceCheckView;
    const d = check.genuine ? await this.dataSource.getRepository(Deployment).findOneBy({ clearanceNumber: check.printed.no }) : null;
    const known = !!d && d.origin === this.config.country;
    const result = checkClearance(document, this.signer.jwks, isoDay(this.clock.now()), { known, revokedReason: d?.status === 'revoked' ? (d.revokedReason ?? 'revoked') : null });
    return result as unknown as ClearanceCheckView;
  }

  @Get('jwks')
  @ApiOperation({ summary: 'Public document-signing keys' })
  @ApiOkResponse({ description: 'The node’s public document-signing keys (RFC 7517 JWKS)', schema: { type: 'object', properties: { keys: { type: 'array', items: { type: 'object', properties: { kty: { type: 'string', example: 'OKP' }, crv: { type: 'string', example: 'Ed25519' }, x: { type: 'string' }, kid: { type: 'string' }, use: { type: 'string', example: 'sig' }, alg: { type: 'string', example: 'EdDSA' } } } } } } })
  jwks() {
    return this.signer.jwks;
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Border checkpoints' })
  @ApiOkResponse({ type: [CheckpointView], description: 'Border checkpoints of the corridors of this node' })
  checkpoints(): CheckpointView[] {
    return checkpointsOfCorridors(this.config.corridors);
  }
}
