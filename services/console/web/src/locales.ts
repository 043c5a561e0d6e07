// The six interface languages, shared by the officer console and the public portal (no messages here: each loads its own).
/** The interface languages: English, Khmer, Thai, Lao, Myanmar, Vietnamese. */
export const LOCALES = ['en', 'km', 'th', 'lo', 'my', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** The Intl locale each language formats dates and numbers in: Thai officers read Buddhist-era years. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  km: 'km-KH',
  th: 'th-TH-u-ca-buddhist',
  lo: 'lo-LA',
  my: 'my-MM',
  vi: 'vi-VN',
};

/** Each language's own name, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  km: 'ខ្មែរ',
  th: 'ไทย',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  vi: 'Tiếng Việt',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

