import { randomBytes } from 'node:crypto';
import { BlindIndex, normaliseForIndex, wordNgrams } from './blind-index';

describe('BlindIndex', () => {
  const index = new BlindIndex(randomBytes(32));

  it('matches Latin names across case, diacritics and whitespace', () => {
    const expected = index.index('nguyen van an');
    for (const variant of ['Nguyễn Văn An', '  NGUYỄN   VĂN\tAN ', 'Nguye\u0302\u0303n Va\u0306n An']) {
      expect(index.index(variant)).toBe(expected);
    }
    expect(index.index('Đặng Thị Hoa')).toBe(index.index('dang thi hoa'));
  });

  it('keeps combining vowel signs of non-Latin scripts, which change the name', () => {
    expect(index.index('សុខ ដារ៉ា')).not.toBe(index.index('សុខ ដារា'));
    expect(normaliseForIndex('សុខ ដារ៉ា')).toBe('សុខ ដារ៉ា');
    expect(index.index('สมชาย')).not.toBe(index.index('สมชาญ'));
    expect(index.index('ສົມພອນ')).not.toBe(index.index('ສມພອນ'));
  });

  it('matches non-Latin names across whitespace and zero-width word breaks', () => {
    expect(index.index(' សុខ   ដារ៉ា ')).toBe(index.index('សុខ ដារ៉ា'));
    expect(index.index('សុខ\u200Bដារ៉ា')).toBe(index.index('សុខ ដារ៉ា'));
  });

  it('normalises compatibility forms (NFKC)', () => {
    expect(index.index('ＡＢ１２３')).toBe(index.index('ab123'));
  });

  it('is keyed: another key gives another index', () => {
    expect(new BlindIndex(randomBytes(32)).index('Sok Dara')).not.toBe(index.index('Sok Dara'));
  });

  it('encodes as hex by default or base64url', () => {
    expect(index.index('Sok')).toMatch(/^[0-9a-f]{64}$/);
    const key = randomBytes(32);
    expect(new BlindIndex(key, { encoding: 'base64url' }).index('Sok')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives the full-value index first, then one per word, so a family or given name alone finds the worker', () => {
    const tokens = index.tokens('Nguyễn Văn An');
    expect(tokens).toEqual([index.index('nguyen van an'), index.index('nguyen'), index.index('van'), index.index('an')]);
    expect(index.tokens('Sok')).toEqual([index.index('Sok')]);
    expect(index.tokens('An An')).toEqual([index.index('an an'), index.index('an')]);
    expect(index.tokens('សុខ ដារ៉ា')).toContain(index.index('ដារ៉ា'));
    expect(index.tokens('  ')).toEqual([]);
  });

  it('refuses to index an empty value or use a short key', () => {
    expect(() => index.index(' \u200B ')).toThrow(/empty/);
    expect(() => new BlindIndex(randomBytes(16))).toThrow(/32 bytes/);
  });

  describe('names in scripts written without spaces', () => {
    const finds = (name: string, query: string) => {
      const stored = new Set(index.tokens(name));
      return index.queryTokens(query).every((token) => stored.has(token));
    };

    it('indexes each Han character, so one character or part of the name finds it', () => {
      expect(wordNgrams('王小明')).toEqual(['王', '小', '明']);
      expect(finds('王小明', '王')).toBe(true);
      expect(finds('王小明', '小明')).toBe(true);
      expect(finds('王小明', '李')).toBe(false);
    });

    it('indexes pairs of grapheme clusters in Thai, Lao, Khmer and Myanmar, never splitting a vowel sign from its consonant', () => {
      expect(wordNgrams('สมชาย')).toEqual(['สม', 'มช', 'ชา', 'าย']);
      expect(wordNgrams('ដារ៉ា').every((gram) => !/^\p{M}/u.test(gram))).toBe(true);
      expect(finds('สมชายใจดี', 'สมชาย')).toBe(true);
      expect(finds('สมชายใจดี', 'ใจดี')).toBe(true);
      expect(finds('ສົມພອນແກ້ວມະນີ', 'ແກ້ວມະນີ')).toBe(true);
      expect(finds('မောင်မောင်ကျော်', 'ကျော်')).toBe(true);
      expect(finds('สมชายใจดี', 'สมศรี')).toBe(false);
    });

    it('still finds Latin names by whole words only, and the whole-word search of every script still works', () => {
      expect(wordNgrams('Dara')).toEqual([]);
      expect(finds('Sok Dara', 'dara')).toBe(true);
      expect(finds('Sok Dara', 'dar')).toBe(false);
      expect(finds('សុខ ដារ៉ា', 'ដារ៉ា')).toBe(true);
      expect(finds('សុខ ដារ៉ា', 'សុខ ដារ៉ា')).toBe(true);
      expect(index.queryTokens('Sok Dara')).toEqual([index.index('sok'), index.index('dara')]);
    });

    it('gives no query token for a query that normalises to nothing', () => {
      expect(index.queryTokens(' \u200B ')).toEqual([]);
    });
  });
});
