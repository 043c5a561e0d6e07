import type { Kafka } from 'kafkajs';
import type { NodeConfig } from '@corridor/config';
import { KAFKA } from '@corridor/messaging';
import { serviceConsumerGroup, type ServiceRuntime } from '@corridor/service-runtime';
import { DataSource } from 'typeorm';
import { createJourneyApp, journeyTopics } from './journey.service';

export interface RebuildReport {
  database: string;
  groupId: string;
  /** Records on the topics when the rebuild started: what it had to catch up with. */
  records: number;
  events: number;
  millis: number;
}

/**
 * Replays every topic of the node's journeys from the beginning into a fresh read model: a new
 * database (migrated empty) and a consumer group of its own (`<cc>.journey.<database>`, which
 * starts at the earliest offset), consumed until the group has reached the end every topic had
 * when the rebuild started. The inbox makes the replay exact: each event lands once. The old
 * database is left as it is; the operator points the service at the new one (DATABASE_NAME).
 */
export async function rebuildJourneyReadModel(config: NodeConfig, runtime: ServiceRuntime & { database: string }, timeoutMs = 600_000): Promise<RebuildReport> {
  const started = Date.now();
  const { app } = await createJourneyApp(config, runtime);
  try {
    const kafka = app.get<Kafka>(KAFKA);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const groupId = runtime.groupId ?? serviceConsumerGroup(config, 'journey', runtime.database);
      const topics = journeyTopics(config);
      const ends = new Map<string, number>();
      for (const topic of topics) {
        for (const p of await admin.fetchTopicOffsets(topic).catch(() => [])) ends.set(`${topic}:${p.partition}`, Number(p.high));
      }
      const records = [...ends.values()].reduce((a, b) => a + b, 0);
      for (;;) {
        const committed = await admin.fetchOffsets({ groupId, topics });
        // An empty partition has nothing to catch up with: its offset stays -1 (never committed), which is not "behind".
        const behind = committed.flatMap((t) => t.partitions.filter((p) => Number(p.offset) < (ends.get(`${t.topic}:${p.partition}`) ?? 0) && (ends.get(`${t.topic}:${p.partition}`) ?? 0) > 0));
        const missing = [...ends].filter(([key, end]) => end > 0 && !committed.some((t) => t.partitions.some((p) => `${t.topic}:${p.partition}` === key)));
        if (behind.length === 0 && missing.length === 0) break;
        if (Date.now() - started > timeoutMs) throw new Error(`rebuild of ${runtime.database} did not catch up within ${timeoutMs} ms (${behind.length} partitions behind)`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const [{ n }] = await app.get(DataSource).query('SELECT count(*)::int AS n FROM timeline_entry');
      return { database: runtime.database, groupId, records, events: n, millis: Date.now() - started };
    } finally {
      await admin.disconnect();
    }
  } finally {
    await app.close();
  }
}
