import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import type { RuleBreach } from './journey-corridor';

/** A day an officer enters: a real calendar date, not after today anywhere (ADR 0012). */
export function whyNotADayThatHasBegun(field: string, day: string, today = new Date()): RuleBreach | undefined {
  if (!isCalendarDate(day)) return { field, reason: `${field} ${day} is not a calendar date` };
  if (isInTheFuture(day, today)) return { field, reason: `${field} ${day} is in the future` };
  return undefined;
}
