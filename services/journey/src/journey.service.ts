import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { STAGES, corridorTopic, countryTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { AgencyRegisterModule } from './agency-register/agency-register.module';
import { CorridorGuideModule } from './corridor-guide/corridor-guide.module';
import { StatisticsModule } from './statistics/statistics.module';
import { TimelineModule } from './timeline/timeline.module';

/** Every topic whose events belong on this node's journeys: its own country's, and its corridors'. */
export function journeyTopics(config: NodeConfig): string[] {
  return STAGES.flatMap((stage) => [
    countryTopic(config.country, stage),
    ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, stage)),
  ]);
}

/** The read model of one country node: journeys and their timelines across all stages. */
@Module({})
export class JourneyServiceModule {}

export const JourneyService = defineService({
  name: 'journey',
  module: JourneyServiceModule,
  title: 'Corridor journeys',
  description:
    'The read model across all stages and both countries of a corridor: journey timelines, and the labour-migration statistics of the node computed from the events (ILO 20th ICLS 2018 concepts, SDG 10.7.1 and 10.c.1, every table by sex, JSON and CSV).',
  features: [TimelineModule, StatisticsModule, AgencyRegisterModule, CorridorGuideModule],
  publishesTo: () => [],
  consumes: journeyTopics,
});

/** The journey read model of one country node, consuming every stage's events. */
export function createJourneyApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(JourneyService, config, runtime);
}
