import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditEntryHash, canonicalJson, toStoredJson, type HashedAuditFields } from './audit-hash';

const fields: HashedAuditFields = {
  seq: 1,
  recorded_at: '2026-11-23T10:00:00.000Z',
  actor_country: 'KH',
  actor_agency: null,
  actor_officer: 'officer-kh-1',
  action: 'worker.read',
  target_type: 'worker',
  target_id: 'w-1',
  reason: 'pre-departure check',
  details: { b: 1, a: [2, { d: true, c: null }] },
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { z: [3, 1, { y: 'x', b: 'w' }], c: 'd' } })).toBe('{"a":{"c":"d","z":[3,1,{"b":"w","y":"x"}]},"b":1}');
  });

  it('gives the same text whatever order the keys came in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('writes strings and numbers as JSON.stringify does, without whitespace', () => {
    expect(canonicalJson({ s: 'quote " and \n and ស', n: 1.5, e: 1e21, neg: -0, t: true, f: false, z: null })).toBe(
      '{"e":1e+21,"f":false,"n":1.5,"neg":0,"s":"quote \\" and \\n and ស","t":true,"z":null}',
    );
  });

  it('leaves out undefined properties, as jsonb would never have them', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([NaN, Infinity, 10n, () => 1, new Date(0)])('refuses %p, which has no single JSON form', (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});

describe('stored details', () => {
  it('become what jsonb returns: dates as ISO strings, undefined gone, absent as null', () => {
    expect(toStoredJson({ at: new Date('2026-11-23T10:00:00Z'), gone: undefined, n: 1 })).toEqual({ at: '2026-11-23T10:00:00.000Z', n: 1 });
    expect(toStoredJson(undefined)).toBeNull();
  });
});

describe('audit entry hash', () => {
  it('is sha256 of the previous hash followed by the canonical JSON of the row (pinned: verifiers outside this code rely on it)', () => {
    const document =
      '{"action":"worker.read","actor_agency":null,"actor_country":"KH","actor_officer":"officer-kh-1",' +
      '"details":{"a":[2,{"c":null,"d":true}],"b":1},"reason":"pre-departure check","recorded_at":"2026-11-23T10:00:00.000Z",' +
      '"seq":1,"target_id":"w-1","target_type":"worker"}';
    const expected = createHash('sha256').update(GENESIS_HASH + document).digest('hex');
    expect(auditEntryHash(GENESIS_HASH, fields)).toBe(expected);
  });

  it('changes with any field and with the previous hash', () => {
    const base = auditEntryHash(GENESIS_HASH, fields);
    expect(auditEntryHash(GENESIS_HASH, { ...fields, reason: 'curiosity' })).not.toBe(base);
    expect(auditEntryHash(GENESIS_HASH, { ...fields, seq: 2 })).not.toBe(base);
    expect(auditEntryHash(GENESIS_HASH, { ...fields, details: { b: 1, a: [2, { d: false, c: null }] } })).not.toBe(base);
    expect(auditEntryHash('f'.repeat(64), fields)).not.toBe(base);
  });

  it('does not change with the key order of the details', () => {
    expect(auditEntryHash(GENESIS_HASH, { ...fields, details: { a: [2, { c: null, d: true }], b: 1 } })).toBe(auditEntryHash(GENESIS_HASH, fields));
  });
});
