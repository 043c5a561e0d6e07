/**
 * Calendar dates as the domain keeps them: 'YYYY-MM-DD' strings, never Date objects, so that a
 * birth date or a signing date cannot drift across time zones.
 */

/** Today's calendar date (UTC), YYYY-MM-DD. */
export function isoDay(at = new Date()): string {
  return at.toISOString().slice(0, 10);
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
