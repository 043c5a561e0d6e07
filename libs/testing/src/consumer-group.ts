import type { EachMessagePayload } from 'kafkajs';
import { decodeEnvelope, deadLetterTopic } from '@corridor/events';
import { ensureTopics, type CorridorEventServer } from '@corridor/messaging';
import { eventually } from './test-node';
import { testKafka } from './test-kafka';

/**
 * Moves a consumer group to the current end of its topics before the app under test joins it:
 * the shared topics hold the records of every earlier run and suite, and replaying them would
 * make per-record counts meaningless.
 */
export async function startConsumerGroupAtEnd(brokers: string[], groupId: string, topics: string[]): Promise<void> {
  const kafka = testKafka('test-group-mover', brokers);
  await ensureTopics(kafka, [...topics, ...topics.map(deadLetterTopic)]);
  const admin = kafka.admin();
  await admin.connect();
  // Right after creation a fresh broker may still answer "not the leader" for a moment: retry.
  const ends = await eventually(
    () => Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))),
    20_000,
    'end offsets of the topics',
  ).finally(() => admin.disconnect());
  // Join once as the only member and commit the end offsets (admin.setOffsets would join once
  // per topic and wait for a fetch each time: seconds per topic).
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    consumer.pause(topics.map((topic) => ({ topic })));
    await joined;
    await consumer.commitOffsets(ends.flatMap(({ topic, offsets }) => offsets.map((o) => ({ topic, partition: o.partition, offset: o.high }))));
  } finally {
    await consumer.disconnect();
  }
  const check = kafka.admin();
  await check.connect();
  try {
    for (const { topic, offsets } of ends) {
      const [committed] = await check.fetchOffsets({ groupId, topics: [topic] });
      const behind = offsets.filter((o) => committed.partitions.find((p) => p.partition === o.partition)?.offset !== o.high);
      if (behind.length) throw new Error(`group ${groupId} did not move to the end of ${topic}`);
    }
  } finally {
    await check.disconnect();
  }
}

export type RecordOutcome = Awaited<ReturnType<CorridorEventServer['processRecord']>>;

export interface ObservedRecord {
  key: string | undefined;
  eventId: string | undefined;
  outcome: RecordOutcome;
}

/** Records the outcome of every record the app's consumer processes; the real method still runs. */
export function observeOutcomes(server: CorridorEventServer): ObservedRecord[] {
  const seen: ObservedRecord[] = [];
  const original = server.processRecord.bind(server);
  server.processRecord = async (payload: EachMessagePayload) => {
    const outcome = await original(payload);
    let eventId: string | undefined;
    try {
      eventId = decodeEnvelope(payload.message.value).eventId;
    } catch {
      eventId = undefined;
    }
    seen.push({ key: payload.message.key?.toString(), eventId, outcome });
    return outcome;
  };
  return seen;
}

/**
 * Waits until `groupId` has committed, on every partition of `topics`, the end offset as of the
 * call: everything published so far has been processed. Lets a test assert "and nothing more
 * happened" on a condition instead of after a fixed sleep.
 */
export async function waitUntilConsumedToEnd(brokers: string[], groupId: string, topics: string[], timeoutMs = 30_000): Promise<void> {
  const admin = testKafka('test-consumed-to-end', brokers).admin();
  await admin.connect();
  try {
    const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
    await eventually(
      async () => {
        const committed = await admin.fetchOffsets({ groupId, topics });
        const behind = ends.flatMap(({ topic, offsets }) =>
          offsets.filter((end) => {
            const at = committed.find((t) => t.topic === topic)?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            return Number(end.high) > 0 && Number(at) < Number(end.high);
          }),
        );
        return behind.length === 0 ? true : undefined;
      },
      timeoutMs,
      `consumer group ${groupId} at the end of ${topics.join(', ')}`,
    );
  } finally {
    await admin.disconnect();
  }
}
