import { fallbackNumberParts, formatNumberFallback, needsNumberFallback } from '../web/src/number-fallback';

/**
 * The console's own Khmer, Lao and Myanmar numbers (for browsers without that locale data, such
 * as Debian's Chromium) against Node's full ICU, which has CLDR's data for them.
 */
const LOCALES = ['km-KH', 'lo-LA', 'my-MM'];
const NUMBERS = [0, 7, 42.5, 999, 1234, 12345.678, 1_234_567.5, -1234.5, -0.25];
const CURRENCIES = ['THB', 'KHR', 'LAK', 'MMK', 'VND', 'USD', 'MYR', 'SGD', 'EUR', 'JPY', 'KRW', 'HKD', 'PHP'];

describe('numbers and amounts in Khmer, Lao and Myanmar where the browser has no data for them', () => {
  it('Node has the CLDR data the comparison needs', () => {
    expect(Intl.NumberFormat.supportedLocalesOf(LOCALES)).toEqual(LOCALES);
  });

  it.each(LOCALES)('%s: digits, grouping and the decimal sign as CLDR writes them', (locale) => {
    const cldr = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    expect(NUMBERS.map((n) => formatNumberFallback(locale, n, { maximumFractionDigits: 3 }))).toEqual(NUMBERS.map((n) => cldr.format(n)));
    const percent = new Intl.NumberFormat(locale, { style: 'percent' });
    expect([0.456, -0.5, 12.5].map((n) => formatNumberFallback(locale, n, { style: 'percent' }))).toEqual([0.456, -0.5, 12.5].map((n) => percent.format(n)));
  });

  it.each(LOCALES)('%s: amounts in each currency, the symbol on its side with the spacing CLDR gives it', (locale) => {
    const shown = (f: (n: number, c: string) => string) => CURRENCIES.flatMap((c) => [1_500_000, -1234.5, 5].map((n) => `${c} ${n}: ${f(n, c)}`));
    expect(shown((n, c) => formatNumberFallback(locale, n, { style: 'currency', currency: c }))).toEqual(shown((n, c) => new Intl.NumberFormat(locale, { style: 'currency', currency: c }).format(n)));
  });

  it('gives the parts Intl gives (what react-intl assembles)', () => {
    const options = { style: 'currency', currency: 'LAK' } as const;
    expect(fallbackNumberParts('lo-LA', -1500000, options).map((p) => p.type)).toEqual(new Intl.NumberFormat('lo-LA', options).formatToParts(-1500000).map((p) => p.type));
  });

  it('is used only for a language it knows, and only when Intl lacks it', () => {
    expect(needsNumberFallback('th-TH-u-ca-buddhist')).toBe(false);
    expect(needsNumberFallback('lo-LA')).toBe(false); // Node has the data
    const trimmed = { supportedLocalesOf: () => [] } as unknown as typeof Intl.NumberFormat; // a browser without it
    expect(needsNumberFallback('lo-LA', trimmed)).toBe(true);
    expect(needsNumberFallback('vi-VN', trimmed)).toBe(false);
  });
});
