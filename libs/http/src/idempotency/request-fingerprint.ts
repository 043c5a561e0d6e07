import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so that a retry whose client serialises the same
 * body in another key order is still recognised as the same request. Array order is kept: it means something.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  // Absent body (undefined) and JSON null hash alike: neither carries anything.
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the canonical body: what is compared when a key comes back. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
