/**
 * Calendar dates as the domain keeps them: 'YYYY-MM-DD' strings, never Date objects, so that a
 * birth date or a signing date cannot drift across time zones.
 */

/** Today's calendar date (UTC), YYYY-MM-DD: the date the server records for what it does itself. */
export function isoDay(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** The earliest time zone on Earth (Line Islands, UTC+14): where a calendar day starts first. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 3_600_000;

/** The latest calendar date anywhere on Earth at this moment: today in UTC+14. */
export function latestToday(at = new Date()): string {
  return isoDay(new Date(at.getTime() + EARLIEST_ZONE_OFFSET_MS));
}

/**
 * The one rule for "not in the future" of a date an officer enters (paid on, signed on,
 * consent given on, …). The date is on the officer's own calendar and the node does not know the
 * officer's time zone — the corridor nodes are UTC+7, an officer abroad or at an embassy may be
 * anywhere — so a date counts as future only when it is after today in every time zone, i.e.
 * after today in UTC+14. A rule in UTC would refuse the real today of every officer east of
 * Greenwich for part of each day (in Phnom Penh until 07:00); this one at worst accepts
 * tomorrow's date for the hours in which it has begun somewhere. See ADR 0012.
 */
export function isInTheFuture(day: string, at = new Date()): boolean {
  return day > latestToday(at);
}

/** True for a real calendar date written YYYY-MM-DD (refuses 2026-02-30 and 2026-2-3). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The calendar date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return isoDay(at);
}

/** The calendar date `months` after `day`; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date, lastOfMonth))));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
