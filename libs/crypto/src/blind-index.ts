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

// Scripts written without spaces between words (or, in names, between syllables the officer may
// search for): Han names are searched by single characters, the South-East Asian abugidas by
// pairs of grapheme clusters (a cluster keeps a consonant with its vowel signs and subscripts,
// so a pair never cuts a letter in half).
const HAN_RUN = /[\p{Script=Han}]+/gu;
const ABUGIDA_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The substrings of one word that index its no-space parts: each Han character, and each pair of
 * neighbouring grapheme clusters of a Thai, Lao, Khmer or Myanmar run. Latin words give none.
 */
export function wordNgrams(word: string): string[] {
  const grams: string[] = [];
  for (const [run] of word.matchAll(HAN_RUN)) grams.push(...Array.from(run));
  for (const [run] of word.matchAll(ABUGIDA_RUN)) {
    const clusters = Array.from(graphemes.segment(run), (s) => s.segment);
    for (let i = 0; i + 1 < clusters.length; i++) grams.push(clusters[i] + clusters[i + 1]);
  }
  return grams;
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
   * The index of a travel document: what recruitment stores to refuse a second registration and
   * puts on WorkerRegistered, and what reintegration computes from a mass-return list to find the
   * worker's journey. One composition, so the two always agree.
   */
  documentIndex(nationality: string, documentType: string, documentNumber: string): string {
    return this.index(`${nationality}|${documentType}|${documentNumber}`);
  }

  /**
   * The whole-value index first, then one per word, then the n-grams of the words in scripts
   * without spaces (wordNgrams), without duplicates: stored with the row, it lets officers find
   * a worker by family name or given name alone, or by part of a Han, Thai, Lao, Khmer or
   * Myanmar name. A token says "the name has this word or this piece"; nothing tells them apart.
   */
  tokens(value: string): string[] {
    const normalised = normaliseForIndex(value);
    if (!normalised) return [];
    const words = normalised.split(' ');
    return [...new Set([normalised, ...words, ...words.flatMap(wordNgrams)].map((part) => this.#hmac(part)))];
  }

  /**
   * The tokens a stored name must all have to match a query: each Latin word whole; each word in
   * a no-space script by its n-grams (so 王 finds 王小明 and สมชาย finds สมชายใจดี), or whole when
   * it is a single grapheme cluster of an abugida, too short for a pair.
   */
  queryTokens(query: string): string[] {
    const normalised = normaliseForIndex(query);
    if (!normalised) return [];
    const parts = normalised.split(' ').flatMap((word) => {
      const grams = wordNgrams(word);
      const rest = word.replace(HAN_RUN, '').replace(ABUGIDA_RUN, (run) => (Array.from(graphemes.segment(run)).length > 1 ? '' : run));
      return rest ? [word, ...grams] : grams.length ? grams : [word];
    });
    return [...new Set(parts.map((part) => this.#hmac(part)))];
  }

  #hmac(normalised: string): string {
    return createHmac('sha256', this.#key).update(normalised, 'utf8').digest(this.#encoding);
  }
}
