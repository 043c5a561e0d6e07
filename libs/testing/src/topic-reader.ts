import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { uniqueName } from './test-node';

export interface ReadRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic from the beginning with a plain kafkajs consumer, as any party on the shared
 * cluster could, until `enough` says stop or the timeout passes.
 */
export async function readTopic(
  brokers: string[],
  topics: string[],
  enough: (records: ReadRecord[]) => boolean,
  timeoutMs = 15_000,
): Promise<ReadRecord[]> {
  const kafka = new Kafka({ clientId: 'test-reader', brokers, logLevel: logLevel.NOTHING });
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
