import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  partitions?: number;
  replicationFactor?: number;
}

/**
 * Creates the topics a service publishes to or subscribes to before it starts: kafkajs only
 * subscribes to topics that exist, and auto-creation would pick arbitrary settings.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], spec: TopicSpec = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: spec.partitions ?? Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
        replicationFactor: spec.replicationFactor ?? Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
