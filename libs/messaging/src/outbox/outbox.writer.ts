import type { EntityManager } from 'typeorm';
import { assertTopicCarries, type EncodedEvent } from '@corridor/events';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Appends events to the outbox through the caller's transaction manager: the change and its
 * event commit together or not at all.
 */
export async function appendToOutbox(manager: EntityManager, topic: string, ...events: EncodedEvent[]): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  // Only what the contracts document may be published (proto options -> docs/asyncapi.yaml).
  for (const event of events) assertTopicCarries(topic, event.eventType);
  await manager.insert(
    OutboxMessage,
    events.map((event) => ({
      eventId: event.eventId,
      eventType: event.eventType,
      topic,
      recordKey: event.journeyId,
      correlationId: event.correlationId,
      causationId: event.causationId,
      traceparent: event.traceparent,
      payload: Buffer.from(event.bytes),
    })),
  );
}
