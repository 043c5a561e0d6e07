import { ApiHeader } from '@nestjs/swagger';

/** The request header a client sets to make a POST, PUT or PATCH safe to retry (lower case, as Node gives it). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Set on an answer that is the stored answer of an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** A UUID fits, and so does any other opaque token a client generates; no spaces or commas. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,255}$/;

/** The methods the key applies to: those that change state and that clients retry. */
export const IDEMPOTENT_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH'];

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value);
}

/** Documents the optional Idempotency-Key header on an operation in OpenAPI. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: a repeat with the same key (same body) within 24 h gets the first answer, with ' +
      '"Idempotent-Replayed: true", and changes nothing. The same key with another body: 422; while the first ' +
      'is still running: 409. Keys are per officer.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, minLength: 1, maxLength: 255 },
  });
