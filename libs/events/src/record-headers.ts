/**
 * Kafka record headers of the contracts (docs/asyncapi.yaml). Every event record repeats a few
 * envelope fields as headers so that tools can route and trace without decoding the value; the
 * envelope stays the authority when they differ.
 */
export const RECORD_HEADERS = {
  eventType: 'event-type',
  eventId: 'event-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;

export type RecordHeader = (typeof RECORD_HEADERS)[keyof typeof RECORD_HEADERS];

/** On a record only when the envelope's field is set: an event nothing but a request caused has no cause. */
export const OPTIONAL_RECORD_HEADERS: readonly RecordHeader[] = [RECORD_HEADERS.causationId];

/** On every event record. */
export const REQUIRED_RECORD_HEADERS: readonly RecordHeader[] = Object.values(RECORD_HEADERS).filter((name) => !OPTIONAL_RECORD_HEADERS.includes(name));

/** What each record header holds, for the AsyncAPI document. */
export const RECORD_HEADER_DESCRIPTIONS: Record<RecordHeader, string> = {
  'event-type': "The envelope's event_type: the fully qualified name of the payload message.",
  'event-id': "The envelope's event_id (UUIDv7): consumers drop a second record with the same id.",
  'correlation-id': "The envelope's correlation_id: the id shared by every event one request caused, in every service and country (the request's X-Correlation-Id, or minted for it).",
  'causation-id': "The envelope's causation_id, present only when set: the event_id of the event this one was caused by.",
  traceparent:
    "The envelope's traceparent: W3C Trace Context version 00 (00-<trace-id>-<parent-id>-<flags>) of the span that published the event. A consumer continues the trace in a span of its own whose parent is this parent-id, and names it in the events it publishes in reaction.",
};

/**
 * Headers a consumer adds when it parks a record in <topic>.dlq after bounded retries. The key,
 * value and original headers are copied untouched.
 */
export const DEAD_LETTER_HEADERS = {
  error: 'dlq-error',
  errorType: 'dlq-error-type',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export const DEAD_LETTER_HEADER_DESCRIPTIONS: Record<(typeof DEAD_LETTER_HEADERS)[keyof typeof DEAD_LETTER_HEADERS], string> = {
  'dlq-error': 'Why the last attempt failed (the error message, at most 2000 characters).',
  'dlq-error-type': 'The error class, e.g. UndecodableEventError (never retried) or a handler error.',
  'dlq-original-topic': 'The topic the record was read from.',
  'dlq-original-partition': 'Its partition there (decimal).',
  'dlq-original-offset': 'Its offset there (decimal).',
  'dlq-consumer-group': 'The consumer group that gave up on it.',
  'dlq-attempts': 'How many times it was tried (decimal).',
  'dlq-failed-at': 'When it was parked (ISO 8601, UTC).',
};
