import { formatDateFallback, needsCalendarFallback } from '../web/src/calendar-fallback';

/**
 * The console's own Khmer, Lao and Myanmar dates (for browsers without that locale data, such as
 * Debian's Chromium) against Node's full ICU, which has CLDR's data for them.
 */
const LOCALES = ['km-KH', 'lo-LA', 'my-MM'];
// Every month, a single- and a double-digit day, the hours around noon and midnight.
const INSTANTS = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, month % 2 ? 3 : 28, [0, 9, 12, 14, 23][month % 5], month * 5)));

describe('dates in Khmer, Lao and Myanmar where the browser has no data for them', () => {
  it('Node has the CLDR data the comparison needs', () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf(LOCALES)).toEqual(LOCALES);
  });

  it.each(LOCALES)('%s: the medium date as CLDR writes it', (locale) => {
    const cldr = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    expect(INSTANTS.map((d) => formatDateFallback(locale, d, { timeZone: 'UTC' }))).toEqual(INSTANTS.map((d) => cldr.format(d)));
  });

  it.each(LOCALES)('%s: with the time, as CLDR writes it', (locale) => {
    const cldr = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    expect(INSTANTS.map((d) => formatDateFallback(locale, d, { withTime: true, timeZone: 'UTC' }))).toEqual(INSTANTS.map((d) => cldr.format(d)));
  });

  it('is used only for a language it knows, and only when Intl lacks it', () => {
    expect(needsCalendarFallback('th-TH-u-ca-buddhist')).toBe(false);
    expect(needsCalendarFallback('lo-LA')).toBe(false); // Node has the data
  });
});
