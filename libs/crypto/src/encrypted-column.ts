import { isCalendarDate } from '@corridor/reference-data';
import type { ValueTransformer } from 'typeorm';
import type { FieldCipher } from './field-cipher';

export interface EncryptedColumnOptions {
  /**
   * Context bound into every ciphertext of this column (e.g. "person.family_name"), so a value
   * copied into another column does not decrypt. A transformer never sees the row, so binding
   * to a row id needs FieldCipher used directly.
   */
  aad?: string;
}

/**
 * Transformer for a `text` column holding person data. Random IVs make the stored value
 * different on every write, so WHERE on this column never matches: search through a
 * BlindIndex column instead.
 */
export function encryptedColumn(cipher: FieldCipher, options: EncryptedColumnOptions = {}): ValueTransformer {
  return {
    to(value: unknown): string | null | undefined {
      // null/undefined pass through: an absent value is not person data, and TypeORM hands
      // undefined here for operators such as IsNull().
      if (value === null || value === undefined) return value;
      if (typeof value !== 'string') throw new TypeError(`encryptedColumn expects a string, got ${typeof value}`);
      return cipher.encrypt(value, options.aad);
    },
    from(value: unknown): string | null | undefined {
      if (value === null || value === undefined) return value;
      return cipher.decrypt(String(value), options.aad);
    },
  };
}

/**
 * Birth dates as 'YYYY-MM-DD' strings encrypted into a `text` column. Strings, not Date, so
 * no time zone can shift a birthday by a day on the way in or out.
 */
export function encryptedDateColumn(cipher: FieldCipher, options: EncryptedColumnOptions = {}): ValueTransformer {
  const inner = encryptedColumn(cipher, options);
  return {
    to(value: unknown): string | null | undefined {
      if (value === null || value === undefined) return value;
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        throw new TypeError('encryptedDateColumn expects a calendar date as a YYYY-MM-DD string');
      }
      return inner.to(value);
    },
    from(value: unknown): string | null | undefined {
      const plain: unknown = inner.from(value);
      if (plain === null || plain === undefined) return plain;
      if (typeof plain !== 'string' || !isCalendarDate(plain)) {
        throw new TypeError('Decrypted date column value is not a YYYY-MM-DD date');
      }
      return plain;
    },
  };
}

