import { createContext, useContext } from 'react';
import { formatDateFallback, needsCalendarFallback } from '../src/calendar-fallback';
import { INTL_LOCALE, type Locale } from '../src/locales';
import en from './messages/en.json';

export type Messages = Record<string, string>;

declare global {
  interface Window {
    /** Message ids a page asked for that its language lacks (the browser tests fail on any). */
    __corridorMissing: string[];
  }
}

/** English is in the first download; the other languages load when chosen (the 100 KB first-screen budget). */
export async function loadPortalMessages(locale: Locale): Promise<Messages> {
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

export interface Words {
  locale: Locale;
  /** The message in the reader's language with its {placeholders} filled; a missing one is recorded and English shown. */
  t: (id: string, values?: Record<string, string | number>) => string;
  day: (isoDay: string) => string;
  number: (n: number) => string;
  money: (amountMinor: number, currency: string) => string;
}

export function wordsFor(locale: Locale, messages: Messages): Words {
  const intl = INTL_LOCALE[locale];
  const englishFallback = en as Messages;
  return {
    locale,
    t: (id, values = {}) => {
      let text = messages[id];
      if (text === undefined) {
        window.__corridorMissing.push(`${locale}: ${id}`);
        text = englishFallback[id] ?? id;
      }
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    },
    day: (isoDay) => {
      const date = new Date(`${isoDay}T00:00:00Z`);
      if (needsCalendarFallback(intl)) return formatDateFallback(intl, date, { timeZone: 'UTC' });
      return new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
    },
    number: (n) => new Intl.NumberFormat(intl).format(n),
    money: (amountMinor, currency) => {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
      return new Intl.NumberFormat(intl, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
    },
  };
}

export const WordsContext = createContext<Words>(wordsFor('en', en));
export const useWords = () => useContext(WordsContext);
