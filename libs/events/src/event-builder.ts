import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { currentTraceContext, newTraceContext, traceparentOf } from '@corridor/trace-context';
import { encodeEvent, type EncodedEvent, type EventCorridor } from './envelope-codec';
import { corridorTopic, countryTopic, type Stage } from './topics';

/**
 * Who records an event: an officer (its token's subject, country and agency) or the node itself
 * (`systemActor`). An `Officer` from libs/auth is one as it is.
 */
export interface EventRecorder {
  subject: string;
  country: string;
  agencyId?: string;
}

/** The node acting on its own (a replica, a fee-cap check): `system:<name>` in the envelope and the audit log. */
export function systemActor(country: string, name: string): EventRecorder {
  return { subject: `system:${name}`, country };
}

export interface EventToBuild<Desc extends DescMessage> {
  /** The stage whose topic carries it. */
  stage: Stage;
  by: EventRecorder;
  /** The record key: the worker's journey, or the object's id for job orders, agencies and sessions. */
  journeyId: string;
  /** With a destination, the event crosses on the corridor topic; without, it stays in the origin country. */
  corridor: EventCorridor;
  schema: Desc;
  payload: MessageShape<Desc>;
  occurredAt?: Date;
  /** The destination key the payload's person data is sealed with. */
  encryptionKeyId?: string;
  /**
   * The event of the same change this one follows from (FeePaid -> FeeBreachFlagged): its id
   * becomes this one's causation_id. Without it, the event being handled, if any, is the cause.
   */
  causedBy?: Pick<EncodedEvent, 'eventId'>;
}

/** An event and the topic it goes to: what `publish(topic, event)` of an outbox transaction takes. */
export interface OutboxEvent {
  topic: string;
  event: EncodedEvent;
}

/**
 * The one way a service builds an event: the envelope's recorder from the officer (or system
 * actor), the topic from the corridor (corridor topic once there is a destination, the country's
 * internal topic before), the payload as given. Correlation id, causation id and traceparent come
 * from the trace context of the work in progress (libs/trace-context: the HTTP request, or the
 * consumed event this one reacts to); outside any, the event starts a correlation and a trace.
 */
export function buildEvent<Desc extends DescMessage>(e: EventToBuild<Desc>): OutboxEvent {
  const { origin, destination } = e.corridor;
  const ambient = currentTraceContext();
  // Outside a request or a handled event (a tool, a timer), the event is the start of its own chain.
  const context = ambient ?? newTraceContext();
  return {
    topic: destination ? corridorTopic(origin, destination, e.stage) : countryTopic(origin, e.stage),
    event: encodeEvent({
      schema: e.schema,
      payload: e.payload,
      journeyId: e.journeyId,
      corridor: { origin, destination: destination || undefined },
      recordedBy: { country: e.by.country, agencyId: e.by.agencyId, officerId: e.by.subject },
      occurredAt: e.occurredAt,
      encryptionKeyId: e.encryptionKeyId,
      correlationId: ambient?.correlationId,
      causationId: e.causedBy?.eventId ?? context.causationId,
      traceparent: traceparentOf(context),
    }),
  };
}
