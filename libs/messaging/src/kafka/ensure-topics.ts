import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  partitions?: number;
  replicationFactor?: number;
  /** How long to keep trying while a fresh broker is still electing leaders. */
  timeoutMs?: number;
}

/**
 * Creates the topics a service publishes to or subscribes to before it starts: kafkajs only
 * subscribes to topics that exist, and auto-creation would pick arbitrary settings. Several
 * services start at once against a fresh broker, so creation races and "unknown topic" or
 * "not the leader" answers are expected for a few seconds: retry until every topic answers.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], spec: TopicSpec = {}): Promise<void> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return;
  const deadline = Date.now() + (spec.timeoutMs ?? 60_000);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: spec.partitions ?? Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
              replicationFactor: spec.replicationFactor ?? Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
            })),
          });
        }
        // Every partition has a leader: producers and consumers can use the topics now.
        const metadata = await admin.fetchTopicMetadata({ topics: wanted });
        if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
        throw new Error('some partitions have no leader yet');
      } catch (error) {
        if (Date.now() > deadline) throw error;
        if (attempt === 3) new Logger('ensureTopics').warn(`topics not ready yet, still trying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * attempt)));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
