import type { KafkaMessage } from 'kafkajs';
import { testKafka } from './test-kafka';
import { uniqueName } from './test-node';

export interface ReadRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic from the beginning with a plain kafkajs consumer, as any party on the shared
 * cluster could if the ACLs let it (this one reads as the admin principal), until `enough` says
 * stop or the timeout passes.
 */
export async function readTopic(
  brokers: string[],
  topics: string[],
  enough: (records: ReadRecord[]) => boolean,
  timeoutMs = 15_000,
): Promise<ReadRecord[]> {
  const kafka = testKafka('test-reader', brokers);
  const consumer = kafka.consumer({ groupId: uniqueName('test-reader'), maxWaitTimeInMs: 200 });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          records.push({ topic, partition, message });
          if (enough(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** A record header as text (kafkajs gives Buffers, or arrays of them). */
export function headerOf(record: ReadRecord, name: string): string | undefined {
  const value = record.message.headers?.[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value[0] : value)?.toString();
}

/**
 * Reads topics up to their end offsets as of now, every partition, so that records can be
 * counted exactly and the absence of one asserted. Throws if the end is not reached in time.
 */
export async function readTopicToEnd(brokers: string[], topics: string[], timeoutMs = 60_000): Promise<ReadRecord[]> {
  const admin = testKafka('test-reader-ends', brokers).admin();
  await admin.connect();
  const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))).finally(() => admin.disconnect());
  const last = ends.flatMap(({ topic, offsets }) =>
    offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => ({ topic, partition: o.partition, offset: Number(o.high) - 1 })),
  );
  if (last.length === 0) return [];
  const reached = (records: ReadRecord[], end: (typeof last)[number]) =>
    records.some((r) => r.topic === end.topic && r.partition === end.partition && Number(r.message.offset) >= end.offset);
  const records = await readTopic(brokers, topics, (read) => last.every((end) => reached(read, end)), timeoutMs);
  const missing = last.filter((end) => !reached(records, end));
  if (missing.length) throw new Error(`did not read to the end of ${missing.map((m) => `${m.topic}[${m.partition}]`).join(', ')} within ${timeoutMs} ms`);
  return records;
}
