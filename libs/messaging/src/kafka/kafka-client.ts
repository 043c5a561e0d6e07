import { Logger } from '@nestjs/common';
import { Kafka, Partitioners, logLevel, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import type { KafkaSasl } from '@corridor/config';

/**
 * kafkajs logs every retried protocol error (leader moved, broker restarting) at ERROR level
 * although it recovers by itself; those go to debug, the rest to Nest's logger.
 */
function nestLogCreator() {
  const logger = new Logger('kafkajs');
  return ({ namespace, level, log }: LogEntry) => {
    const { message, error } = log as { message: string; error?: string };
    const text = error ? `${message}: ${error}` : message;
    if (level <= logLevel.ERROR && namespace !== 'Connection') logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else logger.debug?.(text);
  };
}

/** Where a client connects and as whom (NodeConfig's kafkaBrokers and kafkaSasl). */
export interface KafkaConnection {
  brokers: string[];
  /** SASL/SCRAM-SHA-512 credentials of the principal; the shared cluster refuses clients without them (ADR 0007). */
  sasl?: KafkaSasl;
}

/** One place for the client settings every service shares: authenticated, quiet logs, patient reconnects. */
export function createKafka(clientId: string, connection: KafkaConnection, overrides: Partial<KafkaConfig> = {}): Kafka {
  if (!connection.sasl) {
    new Logger('kafkajs').warn(`${clientId}: no Kafka credentials (KAFKA_SASL_USERNAME/PASSWORD or the credentials file of infra/kafka/broker.sh); connecting without SASL`);
  }
  return new Kafka({
    clientId,
    brokers: connection.brokers,
    ...(connection.sasl ? { sasl: { ...connection.sasl } } : {}),
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    // A broker restart must not kill the service: keep retrying with back-off up to ~30 s per call.
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 10 },
    ...overrides,
  });
}

/**
 * An idempotent producer with acks=all: the broker de-duplicates the producer's own retries,
 * so a retried send never writes a record twice. One request in flight keeps per-key order.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  // The Java-compatible murmur2 partitioner: a journey lands on the same partition whichever
  // client (or country's tooling) produces it.
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
}
