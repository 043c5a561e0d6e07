import { consumerGroupId, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import type { RetryPolicy } from '@corridor/messaging';
import { createServiceApp, type ServiceApp } from '@corridor/service-runtime';
import { JourneyModule, SERVICE_NAME, journeyTopics } from './journey.module';

export interface JourneyRuntime {
  database?: string;
  groupId?: string;
  retry?: RetryPolicy;
}

/** The journey read model of one country node, consuming every stage's events. */
export function createJourneyApp(config: NodeConfig, runtime: JourneyRuntime = {}): Promise<ServiceApp> {
  const database = runtime.database ?? serviceDatabaseName(config.country, SERVICE_NAME);
  return createServiceApp({
    config,
    database,
    rootModule: JourneyModule.forNode(config, database),
    http: {
      title: `Corridor journeys (${config.country})`,
      description: 'The read model across all stages and both countries of a corridor: journey timelines.',
    },
    subscription: {
      groupId: runtime.groupId ?? consumerGroupId(config.country, SERVICE_NAME),
      topics: journeyTopics(config),
      retry: runtime.retry,
    },
  });
}
