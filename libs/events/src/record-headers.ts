/**
 * Kafka record headers of the contracts (docs/asyncapi.yaml). Every event record repeats a few
 * envelope fields as headers so that tools can route and trace without decoding the value; the
 * envelope stays the authority when they differ.
 */
export const RECORD_HEADERS = {
  eventType: 'event-type',
  eventId: 'event-id',
  correlationId: 'correlation-id',
} as const;

/** What each record header holds, for the AsyncAPI document. */
export const RECORD_HEADER_DESCRIPTIONS: Record<(typeof RECORD_HEADERS)[keyof typeof RECORD_HEADERS], string> = {
  'event-type': "The envelope's event_type: the fully qualified name of the payload message.",
  'event-id': "The envelope's event_id (UUIDv7): consumers drop a second record with the same id.",
  'correlation-id': "The envelope's correlation_id: the id shared by every event one request caused.",
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
