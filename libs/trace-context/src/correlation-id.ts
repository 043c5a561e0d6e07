import { v7 as uuidv7 } from 'uuid';

/** Letters, digits and `. _ : -`, 1 to 128 of them: enough for UUIDs, ULIDs and most gateways' request ids. */
export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A correlation id as received (an `X-Correlation-Id` header, an envelope from another node) if it
 * is one: anything else (too long, empty, spaces, control characters, markup) is dropped, never
 * logged or passed on, and the caller mints a new one.
 */
export function acceptCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && CORRELATION_ID.test(value) ? value : undefined;
}

/** A new correlation id: a UUIDv7, like every id the platform mints. */
export function newCorrelationId(): string {
  return uuidv7();
}
