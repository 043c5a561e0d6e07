import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, DateInTheFuture, ForbiddenForSide, GetPage, GetView, IdempotentPost, InvalidCalendarDate } from '@corridor/http';
import { AmendContractUseCase } from './amend-contract.usecase';
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
import { ContractView, FlagView, RegistrationView, VersionView } from './contract.views';
import { DraftContractUseCase } from './draft-contract.usecase';
import { ReadContractsUseCase, type ContractPage } from './read-contracts.usecase';
import { RegisterAtDestinationUseCase } from './register-at-destination.usecase';
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
@ApiController('api/v1/contracts', { tag: 'contracts', forbidden: 'Another country, or a role that may not act for this side' })
@ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields; out-of-range numbers; unknown codes (problem+json)' })
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
  @IdempotentPost({
    answers: ContractView,
    description: 'Drafted at origin from the verified job order on the regional standard template (version 1, draft)',
    notFound: 'An agency drafting for a worker it did not match',
  })
  @ApiProblems(WorkerNotMatched, JobOrderNotVerified, ContractAlreadyDrafted, TermsWorseThanJobOrder, DeductionsExceedWage, ForbiddenForSide)
  draft(@Body() command: DraftContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.draftContract.execute(command, officer);
  }

  @Access('contract.read')
  @GetPage({ answers: ContractView, description: 'Contracts, newest first; filter by status, journey, flagged' })
  list(@Query() query: ListContractsQuery, @CurrentOfficer() officer: Officer): Promise<ContractPage> {
    return this.readContracts.list(query, officer);
  }

  @Access('contract.read', { resource: 'contract' })
  @GetView({
    path: ':contractId',
    answers: ContractView,
    description: 'The current version, its signatures and verifications, the actions allowed now and open substitution flags',
    notFound: 'Not held on this node, or not visible to the caller',
  })
  one(@Param('contractId', new ParseUUIDPipe()) contractId: string, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.readContracts.one(contractId, officer);
  }

  @Access('contract.read', { resource: 'contract' })
  @GetView({
    path: ':contractId/versions',
    answers: VersionView,
    isArray: true,
    description: 'Every version, oldest first, with its signing and verification steps',
    notFound: 'Not held on this node, or not visible to the caller',
  })
  versions(@Param('contractId', new ParseUUIDPipe()) contractId: string, @CurrentOfficer() officer: Officer): Promise<VersionView[]> {
    return this.readContracts.versions(contractId, officer);
  }

  @Access('contract.sign', { resource: 'contract' })
  @IdempotentPost({ path: ':contractId/signatures', answers: ContractView, description: 'The signature is recorded; with both signatures the contract is Signed' })
  @ApiProblems(InvalidCalendarDate, DateInTheFuture, IllegalTransition, PartyAlreadySigned, ForbiddenForSide)
  sign(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: SignContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.signContract.execute(contractId, command, officer);
  }

  @Access('contract.decide', { resource: 'contract' })
  @IdempotentPost({ path: ':contractId/verifications', answers: ContractView, description: "This node's side verified; Verified once both sides have" })
  @ApiProblems(IllegalTransition, SideAlreadyVerified, ForbiddenForSide)
  verify(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: VerifyContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.verifyContract.execute(contractId, command, officer);
  }

  @Access('contract.decide', { resource: 'contract' })
  @IdempotentPost({ path: ':contractId/rejections', answers: ContractView, description: 'Rejected with reason: back to Draft, to be signed again' })
  @ApiProblems(IllegalTransition, ForbiddenForSide)
  reject(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: RejectContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.rejectContract.execute(contractId, command, officer);
  }

  @Access('contract.amend', { resource: 'contract' })
  @IdempotentPost({ path: ':contractId/amendments', answers: ContractView, description: 'A new version in Draft; worse terms than the verified version raise a substitution flag' })
  @ApiProblems(IllegalTransition, NothingAmended, DeductionsExceedWage, ForbiddenForSide)
  amend(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: AmendContractCommand, @CurrentOfficer() officer: Officer): Promise<ContractView> {
    return this.amendContract.execute(contractId, command, officer);
  }

  @Access('contract.register-at-destination', { resource: 'contract' })
  @IdempotentPost({
    path: ':contractId/registrations-at-destination',
    answers: RegistrationView,
    description: 'Registered at destination and compared with the verified contract; substitution is flagged on both sides',
  })
  @ApiProblems(InvalidCalendarDate, DateInTheFuture, IllegalTransition, ForbiddenForSide)
  register(@Param('contractId', new ParseUUIDPipe()) contractId: string, @Body() command: RegisterAtDestinationCommand, @CurrentOfficer() officer: Officer): Promise<RegistrationView> {
    return this.registerAtDestination.execute(contractId, command, officer);
  }

  @Access('contract.resolve-flag', { resource: 'contract', param: 'contractId' })
  @IdempotentPost({ path: ':contractId/substitution-flags/:flagId/resolution', answers: FlagView, description: 'The flag is resolved with a decision and reason', notFound: 'No such flag on this contract' })
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
