import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic, countryTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { AgenciesModule } from './agencies/agencies.module';
import { RecruitmentAccessModule } from './common/recruitment-access.module';
import { FeesModule } from './fees/fees.module';
import { JobOrdersModule } from './job-orders/job-orders.module';
import { MatchingModule } from './matching/matching.module';
import { OrientationModule } from './orientation/orientation.module';
import { WorkersModule } from './workers/workers.module';

/**
 * The corridor topics of every corridor this node is part of: it publishes job orders on them as
 * destination, worker journeys as origin, and consumes them to keep replicas of the job orders
 * the other end recorded.
 */
export function recruitmentCorridorTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'recruitment'));
}

/** The recruitment stage of one country node: workers, agencies, job orders, matching, orientation, fees. */
@Module({})
export class RecruitmentServiceModule {}

export const RecruitmentService = defineService({
  name: 'recruitment',
  module: RecruitmentServiceModule,
  title: 'Corridor recruitment',
  description:
    'Workers, consent and registration, licensed agencies, job orders (demand letters), matching, pre-departure orientation and fees; publishes the recruitment stage of every journey.',
  features: [RecruitmentAccessModule, WorkersModule, AgenciesModule, JobOrdersModule, MatchingModule, OrientationModule, FeesModule],
  publishesTo: (config) => [countryTopic(config.country, 'recruitment'), ...recruitmentCorridorTopics(config)],
  consumes: recruitmentCorridorTopics,
});

/** The recruitment service of one country node, ready to listen or to test in-process. */
export function createRecruitmentApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(RecruitmentService, config, runtime);
}
