import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiIdempotencyKey, ApiProblems, DateInTheFuture, ForbiddenForSide, InvalidCalendarDate } from '@corridor/http';
import { AmendContractUseCase } from './amend-contract.usecase';
import { CONTRACT_EXAMPLE, FLAGGED_CONTRACT_EXAMPLE, VERSIONS_EXAMPLE } from './contract-examples';
import {
  AmendContractCommand,
  DraftContractCommand,
  ListContractsQuery,
  RegisterAtDestinationCommand,
  RejectContractCommand,
  ResolveSubstitutionFlagCommand,
  SignContractCommand,
  VerifyContractCommand,
} from './contract.commands';
import type { ContractView, FlagView, VersionView } from './contract-view';
import { DraftContractUseCase } from './draft-contract.usecase';
import { ReadContractsUseCase, type ContractPage } from './read-contracts.usecase';
import { RegisterAtDestinationUseCase, type Registration } from './register-at-destination.usecase';
import { RejectContractUseCase } from './reject-contract.usecase';
import { ResolveSubstitutionFlagUseCase } from './resolve-substitution-flag.usecase';
import { SignContractUseCase } from './sign-contract.usecase';
import { VerifyContractUseCase } from './verify-contract.usecase';
import { IllegalTransition } from '@corridor/state-machine';
import { ContractAlreadyDrafted, DeductionsExceedWage, JobOrderNotVerified, NothingAmended, PartyAlreadySigned, SideAlreadyVerified, TermsWorseThanJobOrder, WorkerNotMatched } from './contracts.errors';

/**
 * Employment contracts of the journeys of this node's corridors. Both nodes hold each contract;
 * each node's officers act for their own side only: the origin ministry (and agencies, for their
 * own workers) at origin, the destination authority at destination.
 */
@ApiTags('contracts')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Another country, or a role that may not act for this side (problem+json)' })
@ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields; out-of-range numbers; unknown codes (problem+json)' })
@Controller('api/v1/contracts')
export class ContractsController {
  constructor(
    private readonly draftContract: DraftContractUseCase,
    private readonly signContract: SignContractUseCase,
    private readonly verifyContract: VerifyContractUseCase,
    private readonly rejectContract: RejectContractUseCase,
    private readonly amendContract: AmendContractUseCase,
    private readonly registerAtDestination: RegisterAtDestinationUseCase,
    private readonly resolveFlag: ResolveSubstitutionFlagUseCase,
    private readonly readContracts: ReadContractsUseCase,
  ) {}

  @Access('contract.draft')
  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'Drafted at origin from the verified job order on the regional standard template (version 1, draft)', schema: { example: { ...CONTRACT_EXAMPLE, status: 'draft', allowedActions: ['sign'], signatures: [], verifications: [] } } })
  @ApiNotFoundResponse({ description: 'An agency drafting for a worker it did not match (problem+json)' })
  @ApiProblems(WorkerNotMatched, JobOrderNotVerified, ContractAlreadyDrafted, TermsWorseThanJobOrder, DeductionsExceedWage, ForbiddenForSide)
  draft(@Body() command: DraftContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.draftContract.execute(command, officer);
  }

  @Access('contract.read')
  @Get()
  @ApiOkResponse({ description: 'Contracts, newest first; filter by status, journey, flagged', schema: { example: { items: [CONTRACT_EXAMPLE], total: 1, limit: 20, offset: 0 } } })
  list(@Query() query: ListContractsQuery, @CurrentOfficer() officer: Officer): Promise<ContractPage> {
    return this.readContracts.list(query, officer);
  }

  @Access('contract.read', { resource: 'contract' })
  @Get(':contractId')
  @ApiOkResponse({ description: 'The current version, its signatures and verifications, the actions allowed now and open substitution flags', schema: { example: FLAGGED_CONTRACT_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'Not held on this node, or not visible to the caller (problem+json)' })
  one(@Param('contractId', new ParseUUIDPipe()) contractId: string, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.readContracts.one(contractId, officer);
  }

  @Access('contract.read', { resource: 'contract' })
  @Get(':contractId/versions')
  @ApiOkResponse({ description: 'Every version, oldest first, with its signing and verification steps', schema: { example: VERSIONS_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'Not held on this node, or not visible to the caller (problem+json)' })
  versions(@Param('contractId', new ParseUUIDPipe()) contractId: string, @CurrentOfficer() officer: Officer): Promise<VersionView[]> {
    return this.readContracts.versions(contractId, officer);
  }

  @Access('contract.sign', { resource: 'contract' })
  @Post(':contractId/signatures')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The signature is recorded; with both signatures the contract is Signed', schema: { example: { ...CONTRACT_EXAMPLE, status: 'signed', allowedActions: ['verify', 'reject'], verifications: [] } } })
  @ApiProblems(InvalidCalendarDate, DateInTheFuture, IllegalTransition, PartyAlreadySigned, ForbiddenForSide)
  sign(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: SignContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.signContract.execute(contractId, command, officer);
  }

  @Access('contract.decide', { resource: 'contract' })
  @Post(':contractId/verifications')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: "This node's side verified; Verified once both sides have", schema: { example: CONTRACT_EXAMPLE } })
  @ApiProblems(IllegalTransition, SideAlreadyVerified, ForbiddenForSide)
  verify(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: VerifyContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.verifyContract.execute(contractId, command, officer);
  }

  @Access('contract.decide', { resource: 'contract' })
  @Post(':contractId/rejections')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'Rejected with reason: back to Draft, to be signed again', schema: { example: { ...CONTRACT_EXAMPLE, status: 'draft', allowedActions: ['sign'], signingRound: 2, signatures: [], verifications: [] } } })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  reject(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: RejectContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.rejectContract.execute(contractId, command, officer);
  }

  @Access('contract.amend', { resource: 'contract' })
  @Post(':contractId/amendments')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'A new version in Draft; worse terms than the verified version raise a substitution flag', schema: { example: { ...CONTRACT_EXAMPLE, version: 2, status: 'draft', allowedActions: ['sign'], amendmentReason: 'Employer moved the worksite', signatures: [], verifications: [] } } })
  @ApiProblems(IllegalTransition, NothingAmended, DeductionsExceedWage, ForbiddenForSide)
  amend(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: AmendContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.amendContract.execute(contractId, command, officer);
  }

  @Access('contract.register-at-destination', { resource: 'contract' })
  @Post(':contractId/registrations-at-destination')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'Registered at destination and compared with the verified contract; substitution is flagged on both sides', schema: { example: FLAGGED_CONTRACT_EXAMPLE } })
  @ApiProblems(InvalidCalendarDate, DateInTheFuture, IllegalTransition, ForbiddenForSide)
  register(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: RegisterAtDestinationCommand, @CurrentOfficer() officer: Officer): Promise<Registration> {
    return this.registerAtDestination.execute(contractId, command, officer);
  }

  @Access('contract.resolve-flag', { resource: 'contract', param: 'contractId' })
  @Post(':contractId/substitution-flags/:flagId/resolution')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'The flag is resolved with a decision and reason', schema: { example: { ...FLAGGED_CONTRACT_EXAMPLE.openFlags[0], status: 'resolved', decision: 'terms-restored', resolutionReason: 'Employer restored the verified wage' } } })
  @ApiNotFoundResponse({ description: 'No such flag on this contract (problem+json)' })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  resolve(
    @Param('contractId', new ParseUUIDPipe()) contractId: string,
    @Param('flagId', new ParseUUIDPipe()) flagId: string,
    @Body() command: ResolveSubstitutionFlagCommand,
    @CurrentOfficer() officer: Officer,
  ): Promise<FlagView> {
    return this.resolveFlag.execute(contractId, flagId, command, officer);
  }
}
