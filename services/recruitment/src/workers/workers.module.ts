import { Module } from '@nestjs/common';
import { NominateWorkerUseCase } from './nominate-worker.usecase';
import { ReadWorkersUseCase } from './read-worker.usecase';
import { RegisterWorkerUseCase } from './register-worker.usecase';
import { WithdrawConsentUseCase } from './withdraw-consent.usecase';
import { WorkerPersonData } from './worker-person-data';
import { WorkersController } from './workers.controller';

@Module({
  controllers: [WorkersController],
  providers: [RegisterWorkerUseCase, NominateWorkerUseCase, WithdrawConsentUseCase, ReadWorkersUseCase, WorkerPersonData],
})
export class WorkersModule {}
