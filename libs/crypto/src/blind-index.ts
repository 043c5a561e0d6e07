import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

export type BlindIndexEncoding = 'hex' | 'base64url';

// Letters that carry a diacritic-like stroke but have no NFD decomposition, so mark-stripping
// alone would not fold them (Vietnamese đ above all: "Đặng" must match "Dang").
const LATIN_FOLDS: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' };
const LATIN_FOLD_PATTERN = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'gu');

/**
 * The canonical form of a name for matching. Marks are stripped only after a Latin letter:
 * in Khmer, Lao, Myanmar and Thai the combining vowel signs are part of the spelling, and
 * stripping them would make different names collide.
 */
export function normaliseForIndex(value: string): string {
  return (
    value
      .normalize('NFKC')
      // Zero-width space is how Khmer/Lao/Myanmar/Thai text marks a word break; the other
      // invisible format characters only affect rendering and vary between keyboards.
      .replace(/\u200B/g, ' ')
      .replace(/[\u00AD\u200C\u200D\u2060\uFEFF]/g, '')
      .replace(/\s+/gu, ' ')
      .trim()
      .toLowerCase()
      .normalize('NFD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .replace(LATIN_FOLD_PATTERN, (ch) => LATIN_FOLDS[ch] ?? ch)
      // Back to a single composed form so equal non-Latin text always hashes equally.
      .normalize('NFC')
  );
}

/**
 * Keyed HMAC-SHA256 of a normalised value, stored beside the ciphertext so an exact-match
 * search (WHERE name_index = $1) works without decrypting. It uses its own key so that a
 * leaked index key does not expose the field cipher, and vice versa. Changing the key means
 * recomputing every stored index, so it is not rotated like the field keys.
 */
export class BlindIndex {
  readonly #key: KeyObject;
  readonly #encoding: BlindIndexEncoding;

  constructor(key: Uint8Array, options: { encoding?: BlindIndexEncoding } = {}) {
    if (key.length < 32) throw new RangeError(`Blind index key must be at least 32 bytes, got ${key.length}`);
    this.#key = createSecretKey(Buffer.from(key));
    this.#encoding = options.encoding ?? 'hex';
  }

  /** Index of the whole value; throws on a value that is empty once normalised. */
  index(value: string): string {
    const normalised = normaliseForIndex(value);
    if (!normalised) throw new RangeError('Cannot build a blind index of an empty value');
    return this.#hmac(normalised);
  }

  /**
   * The whole-value index first, then one per word, without duplicates: stored in an index
   * table, it lets officers find a worker by family name or given name alone.
   */
  tokens(value: string): string[] {
    const normalised = normaliseForIndex(value);
    if (!normalised) return [];
    return [...new Set([normalised, ...normalised.split(' ')].map((part) => this.#hmac(part)))];
  }

  #hmac(normalised: string): string {
    return createHmac('sha256', this.#key).update(normalised, 'utf8').digest(this.#encoding);
  }
}
