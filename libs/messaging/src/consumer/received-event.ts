import { EventPattern } from '@nestjs/microservices';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import type { EncodedEvent, EventEnvelope } from '@corridor/events';

/** What a handler receives: the envelope, its decoded payload, and the transaction to apply it in. */
export interface ReceivedEvent<T = unknown> {
  envelope: EventEnvelope;
  payload: T;
  /** The payload's protobuf schema, for generic projections (toJson). */
  schema: DescMessage;
  /** The transaction in which the inbox entry is recorded: write the effect through it. */
  manager: EntityManager;
  topic: string;
  /**
   * Publishes an event in reaction, through the outbox in the same transaction: it commits with
   * the inbox entry or not at all. Built with buildEvent while handling, it names this event as
   * its causation_id and keeps its correlation id and trace.
   */
  publish(topic: string, event: EncodedEvent): Promise<void>;
}

export type ReceivedEventOf<Desc extends DescMessage> = ReceivedEvent<MessageShape<Desc>>;

/**
 * Routes events of the given protobuf message types to the decorated method: one type for a
 * handler that reads its payload, several for one that treats them alike (a timeline entry each).
 */
export function HandlesEvent(...schemas: [DescMessage, ...DescMessage[]]): MethodDecorator {
  return EventPattern(schemas.map((schema) => schema.typeName));
}
