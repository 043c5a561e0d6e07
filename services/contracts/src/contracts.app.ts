import { consumerGroupId, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { createServiceApp, type ServiceApp } from '@corridor/service-runtime';
import { ContractsServiceModule, SERVICE_NAME, contractsSubscription, type ContractsRuntime } from './contracts-service.module';

/** The contracts service of one country node, ready to listen or to test in-process. */
export function createContractsApp(config: NodeConfig, runtime: ContractsRuntime = {}): Promise<ServiceApp> {
  const standard = serviceDatabaseName(config.country, SERVICE_NAME);
  const database = runtime.database ?? standard;
  // The replicas live in the database, so a separate database (e.g. a test's) needs its own group.
  const groupId = runtime.groupId ?? consumerGroupId(config.country, database === standard ? SERVICE_NAME : `${SERVICE_NAME}.${database}`);
  return createServiceApp({
    config,
    database,
    rootModule: ContractsServiceModule.forNode(config, { ...runtime, database }),
    http: {
      title: `Corridor contracts (${config.country})`,
      description: 'Employment contracts on the regional standard template: drafting, signatures, verification by both sides, amendments, substitution detection.',
    },
    subscription: {
      groupId,
      topics: contractsSubscription(config),
      retry: runtime.retry,
    },
  });
}
