import { myanmarToUnicode } from '@corridor/reference-data';
import { ProblemError } from './problem';

/**
 * The one input policy of every Corridor API (docs/input.md). The pure part lives here: limits,
 * media types, the structural scan of the raw bytes and the walk over the parsed value. The
 * middleware in json-body.ts applies it to each request before Nest routes it.
 */
export const INPUT_LIMITS = {
  /** Largest body, in bytes. */
  maxBytes: 100 * 1024,
  /** Deepest nesting of objects and arrays; the deepest DTO of the platform needs 4. */
  maxDepth: 32,
} as const;

export interface FieldError {
  field: string;
  messages: string[];
}

abstract class InputProblem extends ProblemError {
  readonly title = 'The request does not follow the input policy';
}

/** 415: a body that is not JSON, or JSON in another charset than UTF-8. */
export class UnsupportedMediaTypeProblem extends InputProblem {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  constructor(got: string | undefined, alsoAccepted: string[] = []) {
    super(`${got ? `Content-Type ${JSON.stringify(got)} is` : 'a body without Content-Type is'} not accepted: send JSON with Content-Type: application/json (charset utf-8, if any)${alsoAccepted.length ? ', or CSV with Content-Type: text/csv' : ''}`, {
      accepted: ['application/json', 'application/json; charset=utf-8', ...alsoAccepted],
    });
  }
}

/** 400: POST, PUT and PATCH carry their input in a body; none means nothing to act on. */
export class BodyRequiredProblem extends InputProblem {
  readonly status = 400;
  readonly slug = 'body-required';
  constructor(method: string) {
    super(`a ${method} needs a JSON object body: send {} with Content-Type: application/json when there is nothing to add`);
  }
}

/** 413: more bytes than the limit. */
export class BodyTooLargeProblem extends InputProblem {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  constructor(limit: number) {
    super(`the body exceeds the limit of ${limit} bytes`, { limitBytes: limit });
  }
}

/** 400: nesting deeper than the limit; refused on the raw bytes, before anything recurses over it. */
export class BodyTooDeepProblem extends InputProblem {
  readonly status = 400;
  readonly slug = 'body-too-deep';
  constructor(limit: number) {
    super(`the body nests objects and arrays deeper than the limit of ${limit} levels`, { maxDepth: limit });
  }
}

/** 400: bytes that are not UTF-8 (they would otherwise be silently replaced by U+FFFD). */
export class InvalidEncodingProblem extends InputProblem {
  readonly status = 400;
  readonly slug = 'invalid-encoding';
  constructor(byteOffset: number) {
    super(`the body is not valid UTF-8 (first bad byte near offset ${byteOffset}); send UTF-8 text`, { byteOffset });
  }
}

/** 400: not JSON at all, or JSON whose top level is not an object. */
export class MalformedJsonProblem extends InputProblem {
  readonly status = 400;
  readonly slug = 'malformed-json';
}

/** The media types a body may have: application/json, with no parameter but charset=utf-8. */
export function isAcceptedJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return -1;
  } catch {
    // Only on bad input: find where, for the message.
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      } catch {
        return end - 1;
      }
    }
    return bytes.length;
  }
}

/**
 * The deepest nesting of objects and arrays in JSON text, scanning bytes with a counter (no
 * recursion, no parse): brackets inside strings do not count. Stops as soon as `limit` is passed.
 * UTF-8 continuation bytes are all >= 0x80, so they never look like a quote or bracket.
 */
export function jsonDepth(bytes: Uint8Array, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return deepest;
}

/** Keys that name an object's prototype machinery: never a property of any Corridor DTO. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// In a /u pattern a surrogate pair is one code point, so \p{Cs} matches only the unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;
// C0 and C1 controls and DEL, except tab and line feed (a CR is only taken in CR LF, which becomes LF).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Whitespace and the invisible format characters a keyboard or copy-paste slips in (ZWSP, ZWNJ,
// ZWJ, word joiner, BOM, soft hyphen, bidi marks, Mongolian vowel separator, Hangul fillers).
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u180E]/gu;

/** What is wrong with one string of the input, after it is normalised. */
export function normaliseString(raw: string): { value: string; problem?: string } {
  if (LONE_SURROGATE.test(raw)) {
    return { value: raw, problem: 'contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF); send whole Unicode characters' };
  }
  const text = raw.replace(/\r\n/g, '\n');
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const what = code === 'U+0000' ? 'a NUL character (U+0000)' : code === 'U+000D' ? 'a carriage return (U+000D) not followed by a line feed' : `the control character ${code}`;
    return { value: raw, problem: `contains ${what}; only printable characters, tab and line feed are allowed` };
  }
  const value = myanmarToUnicode(text).text.normalize('NFC');
  if (value.length > 0 && value.replace(INVISIBLE, '') === '') {
    return { value, problem: 'is blank: it holds only spaces or invisible characters' };
  }
  return { value };
}

/**
 * Walks a parsed JSON value (depth already bounded) and returns it with every string normalised
 * (CR LF to LF, Zawgyi to Unicode, NFC), plus one error per field that breaks the policy:
 * null values, prototype keys, bad characters, blank strings. Field paths read like the
 * validation errors: `homeAddress.district`, `deductions.0.purpose`.
 */
export function applyStringPolicy(input: unknown): { value: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (value === null) {
      errors.push({ field: path || '(body)', messages: [`${path || 'the body'} must not be null: leave the property out when it has no value`] });
      return value;
    }
    if (typeof value === 'string') {
      const { value: normalised, problem } = normaliseString(value);
      if (problem) errors.push({ field: path || '(body)', messages: [`${path || 'the body'} ${problem}`] });
      return normalised;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, path ? `${path}.${i}` : String(i)));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value as object)) {
        const keyCheck = normaliseString(key);
        const field = path ? `${path}.${keyCheck.problem ? JSON.stringify(key) : key}` : keyCheck.problem ? JSON.stringify(key) : key;
        if (PROTOTYPE_KEYS.has(key)) {
          errors.push({ field, messages: [`property ${key} should not exist`] });
          continue;
        }
        if (keyCheck.problem) {
          errors.push({ field, messages: [`the property name ${keyCheck.problem}`] });
          continue;
        }
        Object.defineProperty(out, keyCheck.value, { value: walk((value as Record<string, unknown>)[key], field), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };
  const value = walk(input, '');
  return { value, errors };
}
