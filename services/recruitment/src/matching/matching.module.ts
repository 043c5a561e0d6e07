import { Module } from '@nestjs/common';
import { WorkerPersonData } from '../workers/worker-person-data';
import { MatchWorkerUseCase } from './match-worker.usecase';
import { MatchingController } from './matching.controller';
import { ReadMatchesUseCase } from './read-matches.usecase';

@Module({ controllers: [MatchingController], providers: [MatchWorkerUseCase, ReadMatchesUseCase, WorkerPersonData] })
export class MatchingModule {}
