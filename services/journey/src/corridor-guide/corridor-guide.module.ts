import { CorridorFeature } from '@corridor/service-runtime';
import { StatisticsModule } from '../statistics/statistics.module';
import { CorridorGuideController } from './corridor-guide.controller';
import { ReadCorridorGuideUseCase } from './read-corridor-guide.usecase';

/** Each corridor's rules for the public portal (ADR 0028). */
@CorridorFeature({
  controllers: [CorridorGuideController],
  imports: [StatisticsModule],
  providers: [ReadCorridorGuideUseCase],
})
export class CorridorGuideModule {}
