import { isValidIdempotencyKey } from './idempotency-key';
import { canonicalJson, requestHash } from './request-fingerprint';

describe('the fingerprint of a request body', () => {
  it('ignores the order of object keys, at every level', () => {
    expect(requestHash({ a: 1, b: { c: [1, { d: 2, e: 3 }], f: null } })).toBe(requestHash({ b: { f: null, c: [1, { e: 3, d: 2 }] }, a: 1 }));
    expect(canonicalJson({ b: 1, a: [true, 'x'] })).toBe('{"a":[true,"x"],"b":1}');
  });

  it('keeps the order of arrays and tells different values apart', () => {
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: '1' }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 1, b: 2 }));
  });

  it('hashes an absent body like JSON null, and as sha256 hex', () => {
    expect(requestHash(undefined)).toBe(requestHash(null));
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('an Idempotency-Key', () => {
  it.each(['a', '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b', 'office:KH-12.retry_3', 'x'.repeat(255)])('accepts %p', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(true);
  });

  it.each(['', 'x'.repeat(256), 'has space', 'a,b', 'a/b', 'ключ', ['a', 'b']])('refuses %p', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});
