import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic, countryTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { DeploymentsModule } from './deployments/deployments.module';
import { ReadinessModule } from './readiness/readiness.module';

/** The deployment topic of each corridor this node is an end of: both ends record steps on it and keep replicas from it. */
export function deploymentTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'deployment'));
}

/** The deployment stage of one country node. */
@Module({})
export class DeploymentServiceModule {}

export const DeploymentService = defineService({
  name: 'deployment',
  module: DeploymentServiceModule,
  title: 'Corridor deployment',
  description:
    'The deployment stage of every journey: exit clearance (a signed document anyone can verify), departure, border crossing, arrival confirmation (also by name list), work permits, employer changes, closure when the worker has returned, and the scheduled missing-arrival and permit-expiry checks (which leave a returned worker alone).',
  features: [ReadinessModule, DeploymentsModule],
  publishesTo: deploymentTopics,
  /**
   * Its deployment topics, and what exit clearance needs from the earlier stages: recruitment
   * (orientation, fee breaches, matches: on the country topic until the worker is matched, the
   * corridor topic after) and contracts (verification, substitution flags); and the corridors'
   * reintegration topics, where a happened return closes the deployment at both ends. The
   * country's reintegration topic is not read: a returnee recorded there never went abroad along a
   * corridor, so has no deployment.
   */
  consumes: (config) => [
    countryTopic(config.country, 'recruitment'),
    ...corridorsOf(config).flatMap((c) => [
      corridorTopic(c.origin, c.destination, 'recruitment'),
      corridorTopic(c.origin, c.destination, 'contracts'),
      corridorTopic(c.origin, c.destination, 'reintegration'),
    ]),
    ...deploymentTopics(config),
  ],
});

/** The deployment service of one country node, ready to listen or to test in-process. */
export function createDeploymentApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(DeploymentService, config, runtime);
}
