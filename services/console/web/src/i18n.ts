import en from './messages/en.json';

export { INTL_LOCALE, LANGUAGE_NAMES, LOCALES, isLocale, type Locale } from './locales';
import type { Locale } from './locales';
export type Messages = Record<string, string>;

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
