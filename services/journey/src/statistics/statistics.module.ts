import { CorridorFeature } from '@corridor/service-runtime';
import { CreateJobOrderFact1796304634500 } from '../migrations/1796304634500-create-job-order-fact';
import { JobOrderFactRow } from './job-order-fact.entity';
import { JobOrderFactsProjector } from './job-order-facts.projector';
import { ReadStatisticsUseCase } from './read-statistics.usecase';
import { StatisticsController } from './statistics.controller';

/** Labour-migration statistics from the events this node received. */
@CorridorFeature({
  entities: [JobOrderFactRow],
  migrations: [CreateJobOrderFact1796304634500],
  controllers: [StatisticsController, JobOrderFactsProjector],
  providers: [ReadStatisticsUseCase],
  exports: [ReadStatisticsUseCase],
})
export class StatisticsModule {}
