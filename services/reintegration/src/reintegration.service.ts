import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic, countryTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { ReintegrationCasesModule } from './cases/reintegration-cases.module';
import { MAX_MASS_RETURN_BYTES } from './returns/mass-return.rules';
import { ReturnsModule } from './returns/returns.module';

/** Where it publishes: its country topic (cases, irregular returnees) and each corridor's (returns of journeys that went abroad). */
export function reintegrationTopics(config: NodeConfig): string[] {
  return [countryTopic(config.country, 'reintegration'), ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'reintegration'))];
}

/**
 * What it reads: the journeys it may record returns for (WorkerRegistered on the country topic,
 * name-list events on the corridors' recruitment topics) and the other end's returns.
 */
export function reintegrationConsumes(config: NodeConfig): string[] {
  return [
    countryTopic(config.country, 'recruitment'),
    ...corridorsOf(config).flatMap((c) => [corridorTopic(c.origin, c.destination, 'recruitment'), corridorTopic(c.origin, c.destination, 'reintegration')]),
  ];
}

/** The reintegration stage of one country node. */
@Module({})
export class ReintegrationServiceModule {}

export const ReintegrationService = defineService({
  name: 'reintegration',
  module: ReintegrationServiceModule,
  title: 'Corridor return and reintegration',
  description:
    'Returns recorded by either end (and mass-return lists of up to 5,000 at a checkpoint), and at origin the reintegration case of each returnee: needs assessment, plan, referrals to service providers, services, follow-ups, sustainability score, closure.',
  features: [ReturnsModule, ReintegrationCasesModule],
  publishesTo: reintegrationTopics,
  consumes: reintegrationConsumes,
  bulkUploads: [{ method: 'POST', path: '/api/v1/mass-returns', maxBytes: MAX_MASS_RETURN_BYTES }],
});

/** The reintegration service of one country node, ready to listen or to test in-process. */
export function createReintegrationApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(ReintegrationService, config, runtime);
}
