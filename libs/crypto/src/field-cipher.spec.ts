import { randomBytes } from 'node:crypto';
import { FieldCipher, keyIdOfToken, PersonDataDecryptionError } from './field-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

// Flips one bit of one decoded segment and re-encodes it, so the token stays well formed.
function flipByte(token: string, segment: number, index = 0): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[segment], 'base64url');
  bytes[index] ^= 0x01;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher({ k1 }, 'k1');

  it('round-trips text, including non-Latin scripts and the empty string', () => {
    for (const plain of ['Nguyễn Văn An', 'សុខ ដារ៉ា', 'ສົມພອນ', 'မောင်မောင်', 'AB1234567', '']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with a fresh IV every time', () => {
    const a = cipher.encrypt('Somchai');
    const b = cipher.encrypt('Somchai');
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Somchai');
  });

  it.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('detects a flipped byte in the %s', (_name, segment) => {
    const token = cipher.encrypt('Sok Dara');
    expect(() => cipher.decrypt(flipByte(token, segment))).toThrow(PersonDataDecryptionError);
  });

  it('detects any edit of the token text, even in padding bits', () => {
    const token = cipher.encrypt('Sok Dara');
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(() => cipher.decrypt(token.slice(0, -1) + last)).toThrow(PersonDataDecryptionError);
  });

  it('rejects malformed tokens and unknown key ids with a typed reason', () => {
    for (const bad of ['', 'plain text', 'v2.k1.a.b.c', 'v1.k1.@@.b.c']) {
      expect(() => cipher.decrypt(bad)).toThrow(expect.objectContaining({ name: 'PersonDataDecryptionError', reason: 'malformed' }));
    }
    const foreign = new FieldCipher({ k9: k2 }, 'k9').encrypt('x');
    expect(() => cipher.decrypt(foreign)).toThrow(expect.objectContaining({ reason: 'unknown-key', keyId: 'k9' }));
  });

  it('cannot be relabelled to another key id in the ring', () => {
    const both = new FieldCipher({ k1, k2 }, 'k1');
    const relabelled = both.encrypt('Sok').replace(/^v1\.k1\./, 'v1.k2.');
    expect(() => both.decrypt(relabelled)).toThrow(PersonDataDecryptionError);
  });

  it('keeps old values readable after rotation while new ones use the new key', () => {
    const before = new FieldCipher({ k1 }, 'k1');
    const old = before.encrypt('Vilay');
    const after = new FieldCipher({ k1, k2 }, 'k2');
    expect(after.activeKeyId).toBe('k2');
    expect(after.decrypt(old)).toBe('Vilay');
    const fresh = after.encrypt('Vilay');
    expect(keyIdOfToken(fresh)).toBe('k2');
    expect(after.needsReencryption(old)).toBe(true);
    expect(after.needsReencryption(fresh)).toBe(false);
    expect(before.withActiveKey('k1').decrypt(old)).toBe('Vilay');
    expect(after.withActiveKey('k1').encrypt('x')).toMatch(/^v1\.k1\./);
  });

  it('binds additional authenticated data, so a value cannot move between columns or rows', () => {
    const token = cipher.encrypt('1990-04-01', 'person.birth_date:42');
    expect(cipher.decrypt(token, 'person.birth_date:42')).toBe('1990-04-01');
    expect(() => cipher.decrypt(token, 'person.birth_date:43')).toThrow(PersonDataDecryptionError);
    expect(() => cipher.decrypt(token, 'person.passport_number:42')).toThrow(PersonDataDecryptionError);
    expect(() => cipher.decrypt(token)).toThrow(PersonDataDecryptionError);
  });

  it('refuses bad key material', () => {
    expect(() => new FieldCipher({ k1: randomBytes(16) }, 'k1')).toThrow(/32 bytes/);
    expect(() => new FieldCipher({ 'k.1': k1 }, 'k.1')).toThrow(/key id/);
    expect(() => new FieldCipher({ k1 }, 'k2')).toThrow(/not in the key ring/);
  });

  it('does not expose key bytes when serialised', () => {
    expect(JSON.stringify(cipher)).not.toContain(k1.toString('base64'));
  });
});
