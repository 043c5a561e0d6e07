import { Logger, type DynamicModule, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestMicroservice } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ConfigurationError, consumerGroupPrefix, type NodeConfig } from '@corridor/config';
import { assertDocumentedTopic } from '@corridor/events';
import { configureHttp, type HttpOptions } from '@corridor/http';
import { CorridorEventServer, KAFKA, OutboxRelay, PassThroughRpcErrorsFilter, type RetryPolicy } from '@corridor/messaging';
import { ensureDatabase, runMigrations } from '@corridor/persistence';
import { createServiceLogger } from './service-logger';
import { exposeMetrics, watchConsumerLag } from './service-metrics.module';

export interface EventSubscription {
  groupId: string;
  topics: string[];
  retry?: RetryPolicy;
}

export interface ServiceAppOptions {
  /** The service's name, on every log line. */
  service?: string;
  config: NodeConfig;
  database: string;
  rootModule: DynamicModule;
  http: HttpOptions;
  /** The Kafka topics this service consumes, if any. */
  subscription?: EventSubscription;
  /** Default: LOG_LEVEL and above (warn in the test suites, see service-logger.ts). */
  logLevels?: LogLevel[];
}

export interface ServiceApp {
  app: INestApplication;
  /** Present when the service consumes events. */
  events?: CorridorEventServer;
}

/**
 * Builds one country-node service: makes sure its database exists, migrates it under a lock,
 * then wires HTTP and the event consumer. The caller decides whether to listen on a port
 * (main.ts) or to drive it in-process (tests with supertest).
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  // A node's principal may only read consumer groups under its own prefix (ADR 0007): fail here,
  // not with GROUP_AUTHORIZATION_FAILED from a consumer that keeps restarting.
  const groupPrefix = consumerGroupPrefix(options.config.country);
  if (options.subscription && !options.subscription.groupId.startsWith(groupPrefix)) {
    throw new ConfigurationError(`consumer group "${options.subscription.groupId}" of a ${options.config.country} service must start with "${groupPrefix}" (use consumerGroupId())`);
  }
  // Subscribing to a topic docs/asyncapi.yaml does not describe is a contract gap: fail at start.
  options.subscription?.topics.forEach(assertDocumentedTopic);
  await ensureDatabase(options.config.postgres, options.database);
  const app = await NestFactory.create(options.rootModule, {
    logger: createServiceLogger(process.env, options.logLevels, { service: options.service, country: options.config.country }),
    bufferLogs: false,
  });
  const applied = await runMigrations(app.get(DataSource));
  if (applied.length) new Logger('Migrations').log(`${options.database}: applied ${applied.join(', ')}`);
  // Before the routes and the other middleware, so that every answer is counted, refusals included.
  const metrics = exposeMetrics(app);
  configureHttp(app, options.http);
  let events: CorridorEventServer | undefined;
  if (options.subscription) {
    events = new CorridorEventServer({
      kafka: app.get(KAFKA),
      dataSource: app.get(DataSource),
      groupId: options.subscription.groupId,
      topics: options.subscription.topics,
      retry: options.subscription.retry,
      relay: app.get(OutboxRelay),
      metrics,
    });
    watchConsumerLag(app, app.get(KAFKA), options.subscription.groupId, options.subscription.topics);
    // Filters must be registered before the microservice initialises its handlers, hence the
    // deferred initialisation; the app's own init then must not run the hooks a second time.
    const microservice = app.connectMicroservice({ strategy: events }, { inheritAppConfig: false, deferInitialization: true });
    microservice.useGlobalFilters(new PassThroughRpcErrorsFilter());
    (microservice as unknown as NestMicroservice).setIsInitHookCalled(true);
  }
  await app.init();
  if (events) await app.startAllMicroservices();
  return { app, events };
}
