import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { KafkaSasl } from '@corridor/config';
import { DataSource } from 'typeorm';
import type { ServiceMetrics } from '@corridor/metrics';
import { createIdempotentProducer, createKafka } from './kafka/kafka-client';
import { KafkaHealth } from './kafka/kafka-health';
import { ensureTopics } from './kafka/ensure-topics';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { Outbox } from './outbox/outbox.service';

export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  clientId: string;
  brokers: string[];
  /** The node's Kafka principal (NodeConfig.kafkaSasl). */
  sasl?: KafkaSasl;
  /** Topics this service publishes to; created at start so the first publish does not wait. */
  publishesTo: string[];
  relay?: OutboxRelayOptions;
  /** Tests of crash recovery start the relay themselves. */
  startRelay?: boolean;
  /** The service's metrics (events published); none in tools that only publish. */
  metrics?: ServiceMetrics;
}

/** Connects the producer and starts the relay at boot; flushes and disconnects at shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
    private readonly health: KafkaHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, this.options.publishesTo);
    await this.producer.connect();
    if (this.options.startRelay !== false) this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    if (this.options.startRelay !== false) await this.relay.flush().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.health.close();
  }
}

@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options.clientId, { brokers: options.brokers, sasl: options.sasl }) },
        { provide: KAFKA_PRODUCER, inject: [KAFKA], useFactory: (kafka: Kafka) => createIdempotentProducer(kafka) },
        { provide: KafkaHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaHealth(kafka) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KAFKA_PRODUCER],
          useFactory: (dataSource: DataSource, producer: Producer) => new OutboxRelay(dataSource, producer, options.relay, options.metrics),
        },
        {
          provide: Outbox,
          inject: [DataSource, OutboxRelay],
          useFactory: (dataSource: DataSource, relay: OutboxRelay) => new Outbox(dataSource, relay),
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, KAFKA_PRODUCER, KafkaHealth, OutboxRelay, Outbox],
    };
  }
}
