import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { GrievancesModule } from './grievances/grievances.module';
import { RemittancesModule } from './remittances/remittances.module';
import { WelfareModule } from './welfare/welfare.module';
import { WorkerReportsModule } from './worker-reports/worker-reports.module';

/** The social-protection topic of each corridor this node is an end of: it publishes there and keeps the other end's records from there. */
export function socialProtectionTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'social-protection'));
}

/** What it reads: its own stage's topics, and the deployment stage's for arrivals (the uninsured check counts from them). */
export function socialProtectionSubscriptions(config: NodeConfig): string[] {
  return [...socialProtectionTopics(config), ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'deployment'))];
}

/** The social protection stage of one country node. */
@Module({})
export class SocialProtectionServiceModule {}

export const SocialProtectionService = defineService({
  name: 'social-protection',
  module: SocialProtectionServiceModule,
  title: 'Corridor social protection',
  description:
    'The social protection of workers abroad: enrolment in the destination schemes, grievances filed at either end and handled in the destination queue, welfare and health cases, remittances. Both ends of the corridor hold every record.',
  features: [EnrolmentsModule, GrievancesModule, WelfareModule, RemittancesModule, WorkerReportsModule],
  publishesTo: socialProtectionTopics,
  consumes: socialProtectionSubscriptions,
});

/** The social-protection service of one country node, ready to listen or to test in-process. */
export function createSocialProtectionApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(SocialProtectionService, config, runtime);
}
