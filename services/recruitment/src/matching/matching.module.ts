import { CorridorFeature } from '@corridor/service-runtime';
import { CreateRecruitmentStage1763900000110 } from '../migrations/1763900000110-create-recruitment-stage';
import { WorkerPersonData } from '../workers/worker-person-data';
import { MatchWorkerUseCase } from './match-worker.usecase';
import { MatchingController } from './matching.controller';
import { ReadMatchesUseCase } from './read-matches.usecase';
import { WorkerMatch } from './worker-match.entity';

@CorridorFeature({
  entities: [WorkerMatch],
  migrations: [CreateRecruitmentStage1763900000110],
  controllers: [MatchingController],
  providers: [MatchWorkerUseCase, ReadMatchesUseCase, WorkerPersonData],
})
export class MatchingModule {}
