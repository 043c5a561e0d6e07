import { type DynamicModule, type LogLevel, type Type } from '@nestjs/common';
import { consumerGroupId, loadNodeConfig, serviceDatabaseName, servicePort, type NodeConfig } from '@corridor/config';
import type { OutboxRelayOptions, RetryPolicy } from '@corridor/messaging';
import { assertDistinctTimestamps, collectFeatureTables } from './corridor-feature';
import { CorridorServiceModule } from './corridor-service.module';
import { createServiceApp, type ServiceApp } from './create-service-app';
import { serveUntilStopped } from './serve-until-stopped';

/**
 * Everything that makes one stage service what it is, in one object: its name (which is also its
 * database, its consumer group and its place in the platform layout), what its OpenAPI document
 * says, its feature modules (which bring their own entities and migrations), and its topics.
 */
export interface ServiceDefinition {
  /** e.g. 'recruitment'; the key of the platform layout (libs/config/src/platform-layout.ts). */
  name: string;
  /** The root module class, named <Name>ServiceModule; it needs no body of its own. */
  module: Type;
  title: string;
  description: string;
  /** Feature modules (@CorridorFeature); their entities and migrations are collected from them. */
  features: Type[];
  /** Topics the service's outbox publishes to (created and checked at start). */
  publishesTo(config: NodeConfig): string[];
  /** Topics it consumes; a service without it runs no consumer. */
  consumes?(config: NodeConfig): string[];
}

/** How a service is run: the same options for every service, in production, `npm start` and tests. */
export interface ServiceRuntime {
  /** Another database than corridor_<cc>_<service> (tests: a throw-away one). */
  database?: string;
  /** Another consumer group than the rule of serviceConsumerGroup. */
  groupId?: string;
  retry?: RetryPolicy;
  relay?: OutboxRelayOptions;
  startRelay?: boolean;
  logLevels?: LogLevel[];
}

/** Returns the definition as given; a place for the type checker to hold a service to the shape. */
export function defineService(definition: ServiceDefinition): ServiceDefinition {
  return definition;
}

/**
 * The consumer group of a service of a node: "<cc>.<service>" on its standard database, and
 * "<cc>.<service>.<database>" on any other. Replicas and inbox live in the database, so a second
 * database (a test's, a restored copy) must never share the group, or it would miss the records
 * the other one consumed. Every group starts with the node's prefix, which its Kafka principal may read (ADR 0007).
 */
export function serviceConsumerGroup(config: Pick<NodeConfig, 'country'>, service: string, database = serviceDatabaseName(config.country, service)): string {
  const standard = serviceDatabaseName(config.country, service);
  return consumerGroupId(config.country, database === standard ? service : `${service}.${database}`);
}

/** The root module of a service of one node: the shared runtime, then the service's features. */
export function serviceRootModule(definition: ServiceDefinition, config: NodeConfig, runtime: ServiceRuntime = {}): DynamicModule {
  const { entities, migrations } = collectFeatureTables(definition.features);
  assertDistinctTimestamps(migrations);
  return {
    module: definition.module,
    imports: [
      CorridorServiceModule.forRoot({
        service: definition.name,
        config,
        database: runtime.database ?? serviceDatabaseName(config.country, definition.name),
        entities,
        migrations,
        publishesTo: definition.publishesTo(config),
        relay: runtime.relay,
        startRelay: runtime.startRelay,
      }),
      ...definition.features,
    ],
  };
}

/** One service of one node, ready to listen (runService) or to drive in-process (tests). */
export function createStageServiceApp(definition: ServiceDefinition, config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  const database = runtime.database ?? serviceDatabaseName(config.country, definition.name);
  const topics = definition.consumes?.(config);
  return createServiceApp({
    service: definition.name,
    config,
    database,
    rootModule: serviceRootModule(definition, config, { ...runtime, database }),
    http: { title: `${definition.title} (${config.country})`, description: definition.description },
    subscription: topics && {
      groupId: runtime.groupId ?? serviceConsumerGroup(config, definition.name, database),
      topics,
      retry: runtime.retry,
    },
    logLevels: runtime.logLevels,
  });
}

/**
 * A service's main.ts: the node from the environment (COUNTRY, CORRIDORS, …), optionally
 * DATABASE_NAME and CONSUMER_GROUP, the port from the platform layout (or PORT); serves until stopped.
 */
export function runService(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): void {
  const start = async () => {
    const config = loadNodeConfig(env);
    const { app } = await createStageServiceApp(definition, config, { database: env.DATABASE_NAME || undefined, groupId: env.CONSUMER_GROUP || undefined });
    await serveUntilStopped(app, servicePort(config.country, definition.name, env), `${config.country} ${definition.name}`);
  };
  start().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
