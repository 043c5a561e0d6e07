import { createHash } from 'node:crypto';

/** The prev_hash of seq 1: a chain has to start somewhere that no row can claim to be. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields of one audit row that its hash covers, named as the table's columns so that anyone
 * can recompute a hash from a plain `SELECT * FROM audit_log`, without this code.
 */
export interface HashedAuditFields {
  seq: number;
  /** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  recorded_at: string;
  actor_country: string;
  actor_agency: string | null;
  actor_officer: string;
  action: string;
  target_type: string;
  target_id: string;
  reason: string;
  /** Plain JSON as jsonb returns it (see toStoredJson), or null. */
  details: unknown;
}

/**
 * JSON with object keys sorted (UTF-16 code unit order) at every depth and no whitespace, numbers
 * as JavaScript writes them: the same value always gives the same text (RFC 8785 in practice),
 * whatever order jsonb or a caller put the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity have no JSON form; silently writing null would hash something else.
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      if (value instanceof Date) throw new TypeError('canonical JSON takes dates as ISO strings, not Date objects');
      const entries = Object.entries(value as Record<string, unknown>)
        // Same rule as JSON.stringify: an undefined property is not there.
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

/**
 * Reduces caller-supplied details to what jsonb will give back (Dates become strings, undefined
 * properties vanish), so the hash is computed over exactly what is stored.
 */
export function toStoredJson(details: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (details === undefined || details === null) return null;
  return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
}

/** sha256(prev_hash + canonical JSON of the row), hex: each row vouches for the one before it. */
export function auditEntryHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}
