import { randomBytes } from 'node:crypto';

/** The fields of a W3C Trace Context `traceparent` header (https://www.w3.org/TR/trace-context/). */
export interface Traceparent {
  /** 32 lower-case hex digits, not all zero. */
  traceId: string;
  /** The sender's span: 16 lower-case hex digits, not all zero. */
  parentId: string;
  /** 2 hex digits; bit 0 = sampled. */
  traceFlags: string;
}

/** What this platform writes (version 00); parseTraceparent also reads later versions. */
export const TRACEPARENT_V00 = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const HEX2 = /^[0-9a-f]{2}$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * Parses a `traceparent` value as the W3C rules say a receiver must: version 00 is exactly
 * `00-<trace-id>-<parent-id>-<flags>` in lower-case hex with neither id all zeros; version ff is
 * invalid; a higher version is read for its first four fields when they are followed by nothing or
 * by `-`. Anything else is undefined: the caller starts a new trace instead.
 */
export function parseTraceparent(value: string | undefined | null): Traceparent | undefined {
  if (typeof value !== 'string') return undefined;
  const header = value.trim();
  const version = header.slice(0, 2);
  if (!HEX2.test(version) || version === 'ff') return undefined;
  if (version === '00' ? header.length !== 55 : header.length < 55 || (header.length > 55 && header[55] !== '-')) return undefined;
  if (header[2] !== '-' || header[35] !== '-' || header[52] !== '-') return undefined;
  const traceId = header.slice(3, 35);
  const parentId = header.slice(36, 52);
  const traceFlags = header.slice(53, 55);
  if (!TRACE_ID.test(traceId) || traceId === ZERO_TRACE) return undefined;
  if (!SPAN_ID.test(parentId) || parentId === ZERO_SPAN) return undefined;
  if (!HEX2.test(traceFlags)) return undefined;
  // A version we do not know may use flag bits we do not: keep only "sampled".
  return { traceId, parentId, traceFlags: version === '00' ? traceFlags : (parseInt(traceFlags, 16) & 1).toString(16).padStart(2, '0') };
}

/** The `traceparent` this service sends: version 00, its trace, its own span as the parent of the receiver's. */
export function formatTraceparent(traceId: string, spanId: string, traceFlags: string): string {
  return `00-${traceId}-${spanId}-${traceFlags}`;
}

/** A random trace id (16 bytes), never all zeros. */
export function newTraceId(): string {
  return nonZeroHex(16);
}

/** A random span id (8 bytes), never all zeros. */
export function newSpanId(): string {
  return nonZeroHex(8);
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (/[^0]/.test(hex)) return hex;
  }
}
