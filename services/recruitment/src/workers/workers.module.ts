import { Module } from '@nestjs/common';
import { WorkersController } from './workers.controller';
import { RegisterWorkerUseCase } from './register-worker.usecase';

@Module({ controllers: [WorkersController], providers: [RegisterWorkerUseCase] })
export class WorkersModule {}
