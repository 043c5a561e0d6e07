import { Module, type DynamicModule } from '@nestjs/common';
import { corridorsOf, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { STAGES, corridorTopic, countryTopic } from '@corridor/events';
import { CorridorServiceModule } from '@corridor/service-runtime';
import { CreateTimeline1763900000200 } from './migrations/1763900000200-create-timeline';
import { CreateJourneyFlag1763900000210 } from './migrations/1763900000210-create-journey-flag';
import { JourneyFlag } from './timeline/journey-flag.entity';
import { Journey } from './timeline/journey.entity';
import { TimelineEntry } from './timeline/timeline-entry.entity';
import { TimelineModule } from './timeline/timeline.module';

export const SERVICE_NAME = 'journey';

/** Every topic whose events belong on this node's journeys: its own country's, and its corridors'. */
export function journeyTopics(config: NodeConfig): string[] {
  return STAGES.flatMap((stage) => [
    countryTopic(config.country, stage),
    ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, stage)),
  ]);
}

/** The read model of one country node: journeys and their timelines across all stages. */
@Module({})
export class JourneyModule {
  static forNode(config: NodeConfig, database = serviceDatabaseName(config.country, SERVICE_NAME)): DynamicModule {
    return {
      module: JourneyModule,
      imports: [
        CorridorServiceModule.forRoot({
          service: SERVICE_NAME,
          config,
          database,
          entities: [Journey, TimelineEntry, JourneyFlag],
          migrations: [CreateTimeline1763900000200, CreateJourneyFlag1763900000210],
          publishesTo: [],
        }),
        TimelineModule,
      ],
    };
  }
}
