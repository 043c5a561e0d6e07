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
import { ApiIdempotencyKey, ApiProblems, CorridorNotOpen } from '@corridor/http';
import { NominateWorkerUseCase, type Nomination } from './nominate-worker.usecase';
import { ReadWorkersUseCase, type WorkerView } from './read-worker.usecase';
import { RegisterWorkerUseCase, type RegisteredWorker } from './register-worker.usecase';
import { WithdrawConsentUseCase } from './withdraw-consent.usecase';
import { NominateWorkerCommand, ReadPurposeQuery, RegisterWorkerCommand, SearchWorkersQuery, WithdrawConsentCommand } from './worker.commands';
import { AgencyLicenceNotValid } from '../agencies/agencies.errors';
import { ConsentAlreadyWithdrawn, InvalidRegistration, WorkerAlreadyNominated, WorkerAlreadyRegistered } from './workers.errors';

/** Workers at origin: only this node's ministry officers and its licensed agencies (their own workers). */
@ApiTags('workers')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller lacks the role (problem+json)' })
@Controller('api/v1/workers')
export class WorkersController {
  constructor(
    private readonly registerWorker: RegisterWorkerUseCase,
    private readonly nominateWorker: NominateWorkerUseCase,
    private readonly withdrawConsent: WithdrawConsentUseCase,
    private readonly readWorkers: ReadWorkersUseCase,
  ) {}

  @Access('worker.register')
  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    description: 'The worker is registered and their journey opened. `warnings` names likely duplicates: other workers with the same name and birth date but another document',
    schema: {
      example: {
        workerId: '0193…',
        journeyId: '0193…',
        registeredAt: '2026-11-23T10:00:00.000Z',
        warnings: [{ code: 'likely-duplicate', detail: 'registered, but this may be the same person: same name and birth date as worker 0192…, with another identity document', existingWorkerId: '0192…' }],
      },
    },
  })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown properties (problem+json)' })
  @ApiProblems(WorkerAlreadyRegistered, InvalidRegistration, AgencyLicenceNotValid)
  register(@Body() command: RegisterWorkerCommand, @CurrentOfficer() officer: Officer): Promise<RegisteredWorker> {
    return this.registerWorker.execute(command, officer);
  }

  @Access('worker.search')
  @Get()
  @ApiOkResponse({ description: 'Workers whose name matches in either script (each read is audited)' })
  search(@Query() query: SearchWorkersQuery, @CurrentOfficer() officer: Officer): Promise<WorkerView[]> {
    return this.readWorkers.searchByName(query.name, officer, query.purpose, query.limit ?? 20);
  }

  @Access('worker.read', { resource: 'worker' })
  @Get(':workerId')
  @ApiOkResponse({
    description: 'The worker with person data (names, birth date, document number, phone, home address) decrypted (the read is audited)',
    schema: {
      example: {
        workerId: '0193…',
        fullName: 'សុខ ដារ៉ា',
        fullNameLatin: 'Sok Dara',
        phone: '+855 12 345 678',
        homeAddress: { province: 'Battambang', district: 'Sangkae' },
        skills: ['rice farming'],
        education: 'lower-secondary',
        consent: { toProcess: true, toShare: true, givenHow: 'signed-form', givenOn: '2026-11-20', toShareWithdrawnOn: null },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'No such worker, or not visible to the caller (problem+json)' })
  one(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Query() query: ReadPurposeQuery, @CurrentOfficer() officer: Officer): Promise<WorkerView> {
    return this.readWorkers.one(workerId, officer, query.purpose);
  }

  @Access('worker.nominate', { resource: 'worker' })
  @Post(':workerId/nominations')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: "The worker is on the destination's name list; the journey crosses the corridor" })
  @ApiProblems(CorridorNotOpen, WorkerAlreadyNominated)
  nominate(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Body() command: NominateWorkerCommand, @CurrentOfficer() officer: Officer): Promise<Nomination> {
    return this.nominateWorker.execute(workerId, command.destination, officer);
  }

  @Access('worker.withdraw-consent', { resource: 'worker' })
  @Post(':workerId/consent-withdrawals')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ description: 'Consent to share is withdrawn; later cross-border events carry no person data' })
  @ApiProblems(ConsentAlreadyWithdrawn)
  withdraw(@Param('workerId', new ParseUUIDPipe()) workerId: string, @Body() command: WithdrawConsentCommand, @CurrentOfficer() officer: Officer) {
    return this.withdrawConsent.execute(workerId, command.howGiven, officer);
  }
}
