import { CorridorFeature } from '@corridor/service-runtime';
import { CreateWorker1763900000100 } from '../migrations/1763900000100-create-worker';
import { WorkerPersonDetails1763900000120 } from '../migrations/1763900000120-worker-person-details';
import { NominateWorkerUseCase } from './nominate-worker.usecase';
import { ReadWorkersUseCase } from './read-worker.usecase';
import { RegisterWorkerUseCase } from './register-worker.usecase';
import { WithdrawConsentUseCase } from './withdraw-consent.usecase';
import { WorkerPersonData } from './worker-person-data';
import { Worker } from './worker.entity';
import { WorkersController } from './workers.controller';

@CorridorFeature({
  entities: [Worker],
  migrations: [CreateWorker1763900000100, WorkerPersonDetails1763900000120],
  controllers: [WorkersController],
  providers: [RegisterWorkerUseCase, NominateWorkerUseCase, WithdrawConsentUseCase, ReadWorkersUseCase, WorkerPersonData],
})
export class WorkersModule {}
