import { create, fromBinary, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { v7 as uuidv7 } from 'uuid';
import { EventEnvelopeSchema, type EventEnvelope } from './generated/corridor/v1/common_pb';
import { findEventSchema } from './event-registry';

export interface EventActor {
  country: string;
  agencyId?: string;
  officerId?: string;
}

export interface EventCorridor {
  origin: string;
  /** Empty for a country-internal event. */
  destination?: string;
}

export interface NewEvent<Desc extends DescMessage> {
  schema: Desc;
  payload: MessageShape<Desc>;
  journeyId: string;
  corridor: EventCorridor;
  recordedBy: EventActor;
  /** Default: the event's own id (it starts its own chain). */
  correlationId?: string;
  causationId?: string;
  /** W3C traceparent of the span publishing it; default none (buildEvent always sets one). */
  traceparent?: string;
  occurredAt?: Date;
  encryptionKeyId?: string;
}

/** An event ready for the outbox: the encoded envelope plus what Kafka needs to route it. */
export interface EncodedEvent {
  eventId: string;
  eventType: string;
  journeyId: string;
  correlationId: string;
  /** Empty when nothing but a request or the node caused it. */
  causationId: string;
  /** Empty only for events encoded outside buildEvent (fixtures). */
  traceparent: string;
  bytes: Uint8Array;
}

export function encodeEvent<Desc extends DescMessage>(event: NewEvent<Desc>): EncodedEvent {
  const eventId = uuidv7();
  const correlationId = event.correlationId ?? eventId;
  const envelope = create(EventEnvelopeSchema, {
    eventId,
    eventType: event.schema.typeName,
    journeyId: event.journeyId,
    corridor: { origin: event.corridor.origin, destination: event.corridor.destination ?? '' },
    occurredAt: timestampFromDate(event.occurredAt ?? new Date()),
    recordedBy: {
      country: event.recordedBy.country,
      agencyId: event.recordedBy.agencyId ?? '',
      officerId: event.recordedBy.officerId ?? '',
    },
    correlationId,
    causationId: event.causationId ?? '',
    payload: toBinary(event.schema, event.payload),
    encryptionKeyId: event.encryptionKeyId ?? '',
    traceparent: event.traceparent ?? '',
  });
  return {
    eventId,
    eventType: envelope.eventType,
    journeyId: event.journeyId,
    correlationId,
    causationId: envelope.causationId,
    traceparent: envelope.traceparent,
    bytes: toBinary(EventEnvelopeSchema, envelope),
  };
}

/** Thrown when bytes are not an event envelope: such a record can never succeed, retrying is pointless. */
export class UndecodableEventError extends Error {
  constructor(reason: string) {
    super(`record is not a corridor.v1.EventEnvelope: ${reason}`);
    this.name = 'UndecodableEventError';
  }
}

export function decodeEnvelope(bytes: Uint8Array | null | undefined): EventEnvelope {
  if (!bytes || bytes.length === 0) throw new UndecodableEventError('empty value');
  let envelope: EventEnvelope;
  try {
    envelope = fromBinary(EventEnvelopeSchema, bytes);
  } catch (error) {
    throw new UndecodableEventError((error as Error).message);
  }
  if (!envelope.eventId || !envelope.eventType || !envelope.journeyId) {
    throw new UndecodableEventError('event_id, event_type and journey_id are required');
  }
  return envelope;
}

/** Decodes the stage payload; undefined when this build does not know the type (a newer node sent it). */
export function decodePayload(envelope: EventEnvelope): { schema: DescMessage; message: unknown } | undefined {
  const schema = findEventSchema(envelope.eventType);
  if (!schema) return undefined;
  try {
    return { schema, message: fromBinary(schema, envelope.payload) };
  } catch (error) {
    throw new UndecodableEventError(`payload of ${envelope.eventType}: ${(error as Error).message}`);
  }
}

export function occurredAt(envelope: EventEnvelope): Date {
  return envelope.occurredAt ? timestampDate(envelope.occurredAt) : new Date(0);
}
