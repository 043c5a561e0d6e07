import { randomBytes } from 'node:crypto';
import { encryptedColumn, encryptedDateColumn } from './encrypted-column';
import { FieldCipher, PersonDataDecryptionError } from './field-cipher';

describe('encrypted column transformers', () => {
  const cipher = new FieldCipher({ k1: randomBytes(32) }, 'k1');

  it('encrypts strings on the way in and decrypts on the way out', () => {
    const column = encryptedColumn(cipher);
    const stored = column.to('Sok Dara');
    expect(stored).toMatch(/^v1\.k1\./);
    expect(column.from(stored)).toBe('Sok Dara');
  });

  it('passes null and undefined through', () => {
    const column = encryptedColumn(cipher);
    expect(column.to(null)).toBeNull();
    expect(column.to(undefined)).toBeUndefined();
    expect(column.from(null)).toBeNull();
  });

  it('refuses to store a non-string rather than writing it unencrypted', () => {
    expect(() => encryptedColumn(cipher).to(42)).toThrow(TypeError);
  });

  it('binds the column context, so a value copied to another column fails', () => {
    const stored = encryptedColumn(cipher, { aad: 'person.family_name' }).to('Sok');
    expect(() => encryptedColumn(cipher, { aad: 'person.given_name' }).from(stored)).toThrow(PersonDataDecryptionError);
  });

  it('keeps dates as YYYY-MM-DD strings and refuses anything else', () => {
    const column = encryptedDateColumn(cipher);
    expect(column.from(column.to('1994-02-28'))).toBe('1994-02-28');
    expect(column.to(null)).toBeNull();
    for (const bad of ['1994-02-30', '28/02/1994', '1994-2-28', new Date()]) {
      expect(() => column.to(bad)).toThrow(TypeError);
    }
    expect(() => column.from(encryptedColumn(cipher).to('not a date'))).toThrow(TypeError);
  });
});
