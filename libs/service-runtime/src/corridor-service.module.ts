import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import { AccessRefusalsMigration, AuditEntry, AuditLogMigration, AuditModule, AuditSealingMigration, PartnerAuditHead, PartnerAuditHeadsMigration } from '@corridor/audit';
import { AuthModule } from '@corridor/auth';
import { NodeConfigModule, type NodeConfig } from '@corridor/config';
import { HealthModule, IDEMPOTENCY_ANSWER_CIPHER, IdempotencyKeysMigration, IdempotencyModule } from '@corridor/http';
import { InboxRecord, KafkaHealth, MessagingModule, MessagingTables1763900000000, OutboxMessage, OutboxTraceContext1796294118448, type OutboxRelayOptions } from '@corridor/messaging';
import { PostgresHealth, serviceDataSourceOptions } from '@corridor/persistence';
import type { CountryKeyring } from '@corridor/crypto';
import { ServiceMetrics } from '@corridor/metrics';
import { ServiceMetricsModule } from './service-metrics.module';
import { PERSON_DATA_KEYS, PersonDataKeysModule } from './person-data-keys.module';
import { AuditHeadsModule } from './audit-heads.module';
import { STAGES, type Stage } from '@corridor/events';

export interface CorridorServiceOptions {
  service: string;
  config: NodeConfig;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: Type<MigrationInterface>[];
  publishesTo: string[];
  relay?: OutboxRelayOptions;
  startRelay?: boolean;
}

/**
 * The infrastructure every stage service of a country node stands on: its own database through
 * TypeORM (outbox, inbox, audit log, idempotency keys included), Kafka messaging, officer
 * tokens, person-data keys, /health, /metrics, node config.
 */
@Module({})
export class CorridorServiceModule {
  static forRoot(options: CorridorServiceOptions): DynamicModule {
    // Process series (CPU, memory, event loop) only where one process is one service: not in the suites.
    const metrics = new ServiceMetrics({ service: options.service, country: options.config.country }, { processMetrics: process.env.NODE_ENV !== 'test' });
    return {
      module: CorridorServiceModule,
      // Global so that /health and feature modules reach PostgresHealth and the node config.
      global: true,
      imports: [
        NodeConfigModule.forRoot(options.config),
        PersonDataKeysModule.forCountry(options.config.country),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            server: options.config.postgres,
            database: options.database,
            entities: [...options.entities, OutboxMessage, InboxRecord, AuditEntry, PartnerAuditHead],
            migrations: [
              MessagingTables1763900000000,
              OutboxTraceContext1796294118448,
              AuditLogMigration,
              AccessRefusalsMigration,
              IdempotencyKeysMigration,
              AuditSealingMigration,
              PartnerAuditHeadsMigration,
              ...options.migrations,
            ],
          }),
        ),
        MessagingModule.forService({
          clientId: `${options.service}-${options.config.country.toLowerCase()}`,
          brokers: options.config.kafkaBrokers,
          sasl: options.config.kafkaSasl,
          publishesTo: options.publishesTo,
          relay: options.relay,
          startRelay: options.startRelay,
          metrics,
        }),
        ServiceMetricsModule.forService(metrics),
        AuthModule.forRoot({
          ...(options.config.oidc ? { jwks: options.config.oidc } : { secret: options.config.jwtSecret }),
          nodeCountry: options.config.country,
        }),
        HealthModule.forChecks([PostgresHealth, KafkaHealth]),
        // Every service keeps its own hash-chained audit log and honours Idempotency-Key on writes.
        AuditModule,
        // A stage service vouches for its audit chain to its corridor partners and keeps theirs (ADR 0020).
        AuditHeadsModule.forService(options.service, (STAGES as readonly string[]).includes(options.service) ? (options.service as Stage) : undefined),
        IdempotencyModule,
      ],
      providers: [
        PostgresHealth,
        // Stored idempotent answers are sealed with the person-data key, like the columns they may repeat.
        { provide: IDEMPOTENCY_ANSWER_CIPHER, useFactory: (keys: CountryKeyring) => keys.fieldCipher, inject: [PERSON_DATA_KEYS] },
      ],
      exports: [PostgresHealth, IDEMPOTENCY_ANSWER_CIPHER],
    };
  }
}
