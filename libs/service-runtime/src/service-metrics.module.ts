import { Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { Kafka } from 'kafkajs';
import { auditMergeDelaySeconds } from '@corridor/audit';
import { ConsumerLagProbe, readOutboxBacklog } from '@corridor/messaging';
import { ServiceMetrics } from '@corridor/metrics';

/** Points the scrape-time gauges at the service's database; closes the Kafka probe at shutdown. */
@Injectable()
class MetricProbesLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private lagProbe: ConsumerLagProbe | undefined;

  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.useProbes({
      outbox: () => readOutboxBacklog(this.dataSource),
      auditMergeDelay: () => auditMergeDelaySeconds(this.dataSource),
    });
  }

  watchConsumer(kafka: Kafka, groupId: string, topics: string[]): void {
    this.lagProbe = new ConsumerLagProbe(kafka, groupId, topics);
    const probe = this.lagProbe;
    this.metrics.useProbes({ consumption: () => probe.read() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.lagProbe?.close();
  }
}

/**
 * The service's Prometheus series (libs/metrics), one registry per app: injected as ServiceMetrics
 * wherever work is counted (a scheduler: `metrics.timeScheduledCheck('…', run)`).
 */
@Module({})
export class ServiceMetricsModule {
  static forService(metrics: ServiceMetrics): DynamicModule {
    return {
      module: ServiceMetricsModule,
      global: true,
      providers: [{ provide: ServiceMetrics, useValue: metrics }, MetricProbesLifecycle],
      exports: [ServiceMetrics, MetricProbesLifecycle],
    };
  }
}

/**
 * GET /metrics (Prometheus text exposition, outside the OpenAPI document and the access model: it
 * holds counts, never person data; keep it to the cluster with a NetworkPolicy, infra/k8s), and
 * every answered request counted by its route template (`/api/v1/workers/:id`, never the id) and
 * status. Requests no route matched count under `unmatched`.
 */
export function exposeMetrics(app: INestApplication): ServiceMetrics {
  const metrics = app.get(ServiceMetrics);
  const express = (app as NestExpressApplication).getHttpAdapter().getInstance();
  express.use((request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      if (route === '/metrics') return;
      metrics.httpRequestAnswered(request.method, route, response.statusCode, (performance.now() - started) / 1000);
    });
    next();
  });
  express.get('/metrics', (_request: Request, response: Response) => {
    metrics.exposition().then(
      (text) => response.type(metrics.contentType).send(text),
      (error: Error) => response.status(500).type('text/plain').send(error.message),
    );
  });
  return metrics;
}

/** Lag and dead letters of the service's consumer group, read at scrape time. */
export function watchConsumerLag(app: INestApplication, kafka: Kafka, groupId: string, topics: string[]): void {
  app.get(MetricProbesLifecycle).watchConsumer(kafka, groupId, topics);
}
