import en from './messages/en.json';

/** The interface languages: English, Khmer, Thai, Lao, Myanmar, Vietnamese. */
export const LOCALES = ['en', 'km', 'th', 'lo', 'my', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = Record<string, string>;

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

/** English is in the first download; the other languages load when chosen (the first-screen budget). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'km':
      return (await import('./messages/km.json')).default;
    case 'th':
      return (await import('./messages/th.json')).default;
    case 'lo':
      return (await import('./messages/lo.json')).default;
    case 'my':
      return (await import('./messages/my.json')).default;
    case 'vi':
      return (await import('./messages/vi.json')).default;
    default:
      return en;
  }
}

export { en as englishMessages };
