/**
 * Numbers for the languages whose locale data the browser may lack. Debian's Chromium has no
 * Khmer, Lao or Myanmar number data: Intl writes their numbers as American English (Lao groups
 * with "." and writes the decimal comma; Myanmar writes its own digits; each puts the currency
 * on its own side). For those the console formats numbers itself, as CLDR does, and puts that
 * formatter in place of Intl.NumberFormat for those languages only, so everything that formats a
 * number (amounts, counts in plural messages) follows. A unit test compares it with a full ICU.
 */
interface NumberData {
  group: string;
  decimal: string;
  /** The locale's own digits, when it does not write Latin ones. */
  digits?: string;
  /** Where the currency goes, and whether the pattern itself has a space before it. */
  currency: 'before' | 'after' | 'after-space';
  /** Currency symbols that differ from the shared ones below; other currencies show their ISO code. */
  symbols: Record<string, string>;
}

/** CLDR's symbols shared by the three locales. */
const SHARED_SYMBOLS: Record<string, string> = { THB: '฿', VND: '₫', EUR: '€', USD: 'US$', JPY: 'JP¥', KRW: '₩', GBP: '£', CNY: 'CN¥', HKD: 'HK$', AUD: 'A$', TWD: 'NT$', INR: '₹' };

const CLDR_NUMBERS: Record<string, NumberData> = {
  km: { group: ',', decimal: '.', currency: 'after', symbols: { USD: '$', KHR: '៛' } },
  lo: { group: '.', decimal: ',', currency: 'before', symbols: { LAK: '₭' } },
  my: { group: ',', decimal: '.', digits: '၀၁၂၃၄၅၆၇၈၉', currency: 'after-space', symbols: { MMK: 'K', PHP: '₱' } },
};

const languageOf = (locale: string) => locale.split('-')[0].toLowerCase();

/** The language this browser cannot format numbers in (its Intl falls back to another locale). */
export function needsNumberFallback(intlLocale: string, native: typeof Intl.NumberFormat = Intl.NumberFormat): boolean {
  return languageOf(intlLocale) in CLDR_NUMBERS && native.supportedLocalesOf([intlLocale]).length === 0;
}

/** CLDR's currency spacing: a space where a letter of the currency would touch a digit ("5 LAK", "KHR 5", but "5$", "US$5"). */
const touchesAsLetter = (char: string | undefined) => char !== undefined && !/[\p{S}\p{Z}]/u.test(char);

/** The parts of a number as CLDR writes it in `intlLocale` (km, lo, my), from the same number's parts in plain English. */
export function fallbackNumberParts(intlLocale: string, value: number, options: Intl.NumberFormatOptions = {}, native: typeof Intl.NumberFormat = Intl.NumberFormat): Intl.NumberFormatPart[] {
  const data = CLDR_NUMBERS[languageOf(intlLocale)];
  const english = new native('en-US', { ...options, ...(options.style === 'currency' ? { currencyDisplay: 'code' } : {}), numberingSystem: 'latn' }).formatToParts(value);
  const digits = (text: string) => (data.digits ? text.replace(/[0-9]/g, (d) => data.digits![Number(d)]) : text);
  const sign = english.filter((p) => p.type === 'minusSign' || p.type === 'plusSign');
  const number: Intl.NumberFormatPart[] = english
    .filter((p) => ['integer', 'group', 'decimal', 'fraction', 'percentSign', 'nan', 'infinity'].includes(p.type))
    .map((p) => ({ type: p.type, value: p.type === 'group' ? data.group : p.type === 'decimal' ? data.decimal : digits(p.value) }));
  if (options.style !== 'currency' || !options.currency) return [...sign, ...number];
  const code = options.currency.toUpperCase();
  const symbol = data.symbols[code] ?? SHARED_SYMBOLS[code] ?? code;
  const currency: Intl.NumberFormatPart = { type: 'currency', value: symbol };
  const space: Intl.NumberFormatPart = { type: 'literal', value: '\u00a0' };
  if (data.currency === 'before') {
    // "₭5", "KHR 5", "KHR-5": the space only where the currency's last letter would touch a digit.
    return [currency, ...(sign.length === 0 && touchesAsLetter(symbol.at(-1)) ? [space] : []), ...sign, ...number];
  }
  const spaced = data.currency === 'after-space' || touchesAsLetter(symbol[0]);
  return [...sign, ...number, ...(spaced ? [space] : []), currency];
}

export function formatNumberFallback(intlLocale: string, value: number, options: Intl.NumberFormatOptions = {}, native: typeof Intl.NumberFormat = Intl.NumberFormat): string {
  return fallbackNumberParts(intlLocale, value, options, native)
    .map((p) => p.value)
    .join('');
}

/**
 * Puts the CLDR fallback in place of Intl.NumberFormat for the languages this browser lacks
 * (a no-op where it has them all): every formatter of the page, react-intl's included, follows.
 */
export function installNumberFallback(): void {
  const native = Intl.NumberFormat;
  const missing = Object.keys(CLDR_NUMBERS).filter((language) => needsNumberFallback(language, native));
  if (!missing.length) return;
  const firstLocale = (locales: string | readonly string[] | undefined) => (Array.isArray(locales) ? locales[0] : (locales as string | undefined)) ?? '';
  function NumberFormat(locales?: string | readonly string[], options?: Intl.NumberFormatOptions): Intl.NumberFormat {
    const locale = firstLocale(locales);
    if (!missing.includes(languageOf(locale))) return new native(locales as string[], options);
    const english = new native('en-US', options);
    return {
      format: (value: number | bigint) => formatNumberFallback(locale, Number(value), options, native),
      formatToParts: (value?: number | bigint) => fallbackNumberParts(locale, Number(value), options, native),
      resolvedOptions: () => ({ ...english.resolvedOptions(), locale }),
    } as Intl.NumberFormat;
  }
  NumberFormat.supportedLocalesOf = (locales: string | readonly string[], options?: Intl.NumberFormatOptions) =>
    [...(Array.isArray(locales) ? locales : [locales as string])].filter((l) => missing.includes(languageOf(l)) || native.supportedLocalesOf([l], options).length > 0);
  NumberFormat.prototype = native.prototype;
  Intl.NumberFormat = NumberFormat as unknown as typeof Intl.NumberFormat;
}
