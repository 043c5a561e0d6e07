import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, RECORD_HEADERS, deadLetterTopic } from '@corridor/events';
import { createIdempotentProducer } from '../kafka/kafka-client';

/** One record parked in <topic>.dlq, as an operator sees it. */
export interface DeadLetter {
  /** Partition and offset in the dead-letter topic: what `replay` is given. */
  partition: number;
  offset: string;
  eventType?: string;
  eventId?: string;
  error?: string;
  errorType?: string;
  consumerGroup?: string;
  attempts?: number;
  failedAt?: string;
  original: { topic?: string; partition?: number; offset?: string };
  message: KafkaMessage;
}

/** Header `dlq-replayed-from` on a replayed record: `<dlq topic>/<partition>@<offset>`, so a replay is traceable. */
export const REPLAYED_FROM_HEADER = 'dlq-replayed-from';

function text(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function toDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const h = message.headers;
  const attempts = text(h, DEAD_LETTER_HEADERS.attempts);
  const originalPartition = text(h, DEAD_LETTER_HEADERS.partition);
  return {
    partition,
    offset: message.offset,
    eventType: text(h, RECORD_HEADERS.eventType),
    eventId: text(h, RECORD_HEADERS.eventId),
    error: text(h, DEAD_LETTER_HEADERS.error),
    errorType: text(h, DEAD_LETTER_HEADERS.errorType),
    consumerGroup: text(h, DEAD_LETTER_HEADERS.group),
    attempts: attempts === undefined ? undefined : Number(attempts),
    failedAt: text(h, DEAD_LETTER_HEADERS.failedAt),
    original: { topic: text(h, DEAD_LETTER_HEADERS.topic), partition: originalPartition === undefined ? undefined : Number(originalPartition), offset: text(h, DEAD_LETTER_HEADERS.offset) },
    message,
  };
}

/**
 * Every record of `<topic>.dlq` up to its end as of now, oldest first per partition. Reads with a
 * throw-away group of the node (`groupId`, under the node's prefix so its principal may use it)
 * that commits nothing.
 */
export async function listDeadLetters(kafka: Kafka, topic: string, groupId: string, timeoutMs = 30_000): Promise<DeadLetter[]> {
  const dlq = deadLetterTopic(topic);
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(dlq).finally(() => admin.disconnect());
  const pending = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high) - 1]));
  if (pending.size === 0) return [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
  const letters: DeadLetter[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not read ${dlq} to its end within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const last = pending.get(partition);
          if (last === undefined || Number(message.offset) > last) return;
          letters.push(toDeadLetter(partition, message));
          if (Number(message.offset) >= last) pending.delete(partition);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/**
 * Produces the chosen dead letters back to their original topic: the key, value and original
 * headers as they were (the dlq-* headers dropped, `dlq-replayed-from` added). The consumer's
 * inbox makes it apply once, however often it is replayed (ADR 0003): an event already applied
 * is a duplicate. Returns what was replayed.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, letters: DeadLetter[]): Promise<DeadLetter[]> {
  const dlq = deadLetterTopic(topic);
  const dlqHeaderNames = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    for (const letter of letters) {
      if (letter.original.topic && letter.original.topic !== topic) throw new Error(`dead letter ${dlq}/${letter.partition}@${letter.offset} came from ${letter.original.topic}, not ${topic}`);
      const headers: IHeaders = Object.fromEntries(Object.entries(letter.message.headers ?? {}).filter(([name]) => !dlqHeaderNames.has(name)));
      headers[REPLAYED_FROM_HEADER] = `${dlq}/${letter.partition}@${letter.offset}`;
      await producer.send({ topic, acks: -1, messages: [{ key: letter.message.key, value: letter.message.value, headers }] });
    }
  } finally {
    await producer.disconnect();
  }
  return letters;
}

/** `p@o` or `o` (partition 0) as given on the command line, e.g. `0@12,1@3`. */
export function parseDeadLetterPositions(spec: string): { partition: number; offset: string }[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(?:(\d+)@)?(\d+)$/.exec(part);
      if (!match) throw new Error(`"${part}" is not a dead letter position: <partition>@<offset> or <offset>`);
      return { partition: Number(match[1] ?? 0), offset: match[2] };
    });
}
