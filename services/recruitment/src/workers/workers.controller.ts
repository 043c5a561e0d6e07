import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, ApiProblems, CorridorNotOpen, GetView, IdempotentPost } from '@corridor/http';
import { NominateWorkerUseCase } from './nominate-worker.usecase';
import { ReadWorkersUseCase } from './read-worker.usecase';
import { RegisterWorkerUseCase } from './register-worker.usecase';
import { WithdrawConsentUseCase } from './withdraw-consent.usecase';
import { NominateWorkerCommand, ReadPurposeQuery, RegisterWorkerCommand, SearchWorkersQuery, WithdrawConsentCommand } from './worker.commands';
import { ConsentWithdrawalView, NominationView, RegisteredWorkerView, WorkerView } from './worker.views';
import { AgencyLicenceNotValid } from '../agencies/agencies.errors';
import { ConsentAlreadyWithdrawn, InvalidRegistration, WorkerAlreadyNominated, WorkerAlreadyRegistered } from './workers.errors';

/** Workers at origin: only this node's ministry officers and its licensed agencies (their own workers). */
@ApiController('api/v1/workers', { tag: 'workers', forbidden: 'The caller lacks the role' })
export class WorkersController {
  constructor(
    private readonly registerWorker: RegisterWorkerUseCase,
    private readonly nominateWorker: NominateWorkerUseCase,
    private readonly withdrawConsent: WithdrawConsentUseCase,
    private readonly readWorkers: ReadWorkersUseCase,
  ) {}

  @Access('worker.register')
  @IdempotentPost({
    answers: RegisteredWorkerView,
    description: 'The worker is registered and their journey opened. `warnings` names likely duplicates: other workers with the same name and birth date but another document',
  })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown properties (problem+json)' })
  @ApiProblems(WorkerAlreadyRegistered, InvalidRegistration, AgencyLicenceNotValid)
  register(@Body() command: RegisterWorkerCommand, @CurrentOfficer() officer: Officer): Promise<RegisteredWorkerView> {
    return this.registerWorker.execute(command, officer);
  }

  @Access('worker.search')
  @GetView({ answers: WorkerView, isArray: true, description: 'Workers whose name matches in either script (each read is audited)' })
  search(@Query() query: SearchWorkersQuery, @CurrentOfficer() officer: Officer): Promise<WorkerView[]> {
    return this.readWorkers.searchByName(query.name, officer, query.purpose, query.limit ?? 20);
  }

  @Access('worker.read', { resource: 'worker' })
  @GetView({
    path: ':workerId',
    answers: WorkerView,
    description: 'The worker with person data (names, birth date, document number, phone, home address) decrypted (the read is audited)',
    notFound: 'No such worker, or not visible to the caller',
  })
  one(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Query() query: ReadPurposeQuery, @CurrentOfficer() officer: Officer): Promise<WorkerView> {
    return this.readWorkers.one(workerId, officer, query.purpose);
  }

  @Access('worker.nominate', { resource: 'worker' })
  @IdempotentPost({ path: ':workerId/nominations', answers: NominationView, description: "The worker is on the destination's name list; the journey crosses the corridor" })
  @ApiProblems(CorridorNotOpen, WorkerAlreadyNominated)
  nominate(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Body() command: NominateWorkerCommand, @CurrentOfficer() officer: Officer): Promise<NominationView> {
    return this.nominateWorker.execute(workerId, command.destination, officer);
  }

  @Access('worker.withdraw-consent', { resource: 'worker' })
  @IdempotentPost({ path: ':workerId/consent-withdrawals', answers: ConsentWithdrawalView, description: 'Consent to share is withdrawn; later cross-border events carry no person data' })
  @ApiProblems(ConsentAlreadyWithdrawn)
  withdraw(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Body() command: WithdrawConsentCommand, @CurrentOfficer() officer: Officer): Promise<ConsentWithdrawalView> {
    return this.withdrawConsent.execute(workerId, command.howGiven, officer);
  }
}
