import { Kafka, logLevel, type KafkaConfig, type Producer } from 'kafkajs';

/** One place for the client settings every service shares: quiet logs, patient reconnects. */
export function createKafka(clientId: string, brokers: string[], overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.ERROR,
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
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}
