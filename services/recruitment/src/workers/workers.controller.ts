import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiBadRequestResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentOfficer, RequireRoles, type Officer } from '@corridor/auth';
import { RegisterWorkerCommand } from './register-worker.command';
import { RegisterWorkerUseCase, type RegisteredWorker } from './register-worker.usecase';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/v1/workers')
export class WorkersController {
  constructor(private readonly registerWorker: RegisterWorkerUseCase) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('ministry-officer', 'agency-staff')
  @ApiCreatedResponse({ description: 'The worker is registered and their journey opened', schema: { example: { workerId: '0193…', journeyId: '0193…', registeredAt: '2026-11-23T10:00:00.000Z' } } })
  @ApiBadRequestResponse({ description: 'Missing or malformed fields, unknown properties (problem+json)' })
  @ApiConflictResponse({ description: 'A worker with this identity document is already registered (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'A registration rule is broken, e.g. another nationality than the node (problem+json)' })
  register(@Body() command: RegisterWorkerCommand, @CurrentOfficer() officer: Officer): Promise<RegisteredWorker> {
    return this.registerWorker.execute(command, officer);
  }
}
