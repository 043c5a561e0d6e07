import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic } from '@corridor/events';

export interface DeadLetterReason {
  error: Error;
  attempts: number;
  consumerGroup: string;
}

/** Header names on a dead-lettered record; `corridor dlq` tooling reads them. Part of the contracts (docs/asyncapi.yaml). */
export const DLQ_HEADERS = DEAD_LETTER_HEADERS;

/** Copies the record, untouched, to <topic>.dlq with why it failed in the headers. */
export async function sendToDeadLetter(
  producer: Producer,
  topic: string,
  partition: number,
  message: KafkaMessage,
  reason: DeadLetterReason,
): Promise<void> {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [DLQ_HEADERS.error]: reason.error.message.slice(0, 2000),
    [DLQ_HEADERS.errorType]: reason.error.name,
    [DLQ_HEADERS.topic]: topic,
    [DLQ_HEADERS.partition]: String(partition),
    [DLQ_HEADERS.offset]: message.offset,
    [DLQ_HEADERS.group]: reason.consumerGroup,
    [DLQ_HEADERS.attempts]: String(reason.attempts),
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: deadLetterTopic(topic),
    acks: -1,
    messages: [{ key: message.key, value: message.value, headers }],
  });
}
