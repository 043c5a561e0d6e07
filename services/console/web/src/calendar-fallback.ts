/**
 * Dates for the languages whose locale data the browser may lack. Debian's Chromium (and other
 * builds with a trimmed ICU) has no Khmer, Lao or Myanmar data: Intl formats their dates as
 * American English ("Dec 3, 2026"). For those the console formats the date itself, as CLDR does
 * (the medium date with the abbreviated month, and the short time): the month names, the order,
 * the digits and the clock below are CLDR's, and a unit test compares them with a full ICU.
 */
interface CalendarData {
  months: readonly string[];
  order: 'dmy' | 'ymd';
  /** The locale's own digits, when it does not write Latin ones. */
  digits?: string;
  /** A 12-hour clock with these day periods; otherwise a 24-hour one. */
  dayPeriods?: readonly [string, string];
  /** Between the date and the time. */
  joiner: string;
}

const CLDR_DATES: Record<string, CalendarData> = {
  km: { months: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'], order: 'dmy', dayPeriods: ['AM', 'PM'], joiner: ', ' },
  lo: { months: ['ມ.ກ.', 'ກ.ພ.', 'ມ.ນ.', 'ມ.ສ.', 'ພ.ພ.', 'ມິ.ຖ.', 'ກ.ລ.', 'ສ.ຫ.', 'ກ.ຍ.', 'ຕ.ລ.', 'ພ.ຈ.', 'ທ.ວ.'], order: 'dmy', joiner: ', ' },
  my: { months: ['ဇန်', 'ဖေ', 'မတ်', 'ဧ', 'မေ', 'ဇွန်', 'ဇူ', 'ဩ', 'စက်', 'အောက်', 'နို', 'ဒီ'], order: 'ymd', digits: '၀၁၂၃၄၅၆၇၈၉', joiner: ' ' },
};

/** The language this browser cannot format dates in (its Intl falls back to another locale), or undefined. */
export function needsCalendarFallback(intlLocale: string): boolean {
  const language = intlLocale.split('-')[0];
  return language in CLDR_DATES && Intl.DateTimeFormat.supportedLocalesOf([intlLocale]).length === 0;
}

/** "3 ធ្នូ 2026", "3 ທ.ວ. 2026, 14:05", "၂၀၂၆ ဒီ ၃": the medium date, and the short time when asked. */
export function formatDateFallback(intlLocale: string, date: Date, options: { withTime?: boolean; timeZone?: 'UTC' } = {}): string {
  const data = CLDR_DATES[intlLocale.split('-')[0]];
  const utc = options.timeZone === 'UTC';
  const [year, month, day, hours, minutes] = utc
    ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()]
    : [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()];
  const digits = (text: string) => (data.digits ? text.replace(/[0-9]/g, (d) => data.digits![Number(d)]) : text);
  const two = (n: number) => String(n).padStart(2, '0');
  const dateText = data.order === 'dmy' ? `${day} ${data.months[month]} ${year}` : `${year} ${data.months[month]} ${day}`;
  if (!options.withTime) return digits(dateText);
  const time = data.dayPeriods ? `${two(hours % 12 || 12)}:${two(minutes)} ${data.dayPeriods[hours < 12 ? 0 : 1]}` : `${two(hours)}:${two(minutes)}`;
  return digits(`${dateText}${data.joiner}${time}`);
}
