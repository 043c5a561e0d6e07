import { isCalendarDate, isInTheFuture, latestToday } from '@corridor/reference-data';
import { DomainProblem } from './problem';

/*
 * Domain errors that more than one service raises, for one rule each. A feature's own errors live
 * in its `<feature>.errors.ts`; every type is listed in docs/problems.md.
 */

/** 422: the request names another record (an agency, a worker) that this node does not know. */
export class UnknownReferenceProblem extends DomainProblem({ status: 422, slug: 'unknown-reference', title: 'The request refers to a record that does not exist' }) {
  constructor(field: string, detail: string) {
    super(detail, { field });
  }
}

/** 422: a field that should hold a calendar date (YYYY-MM-DD) holds no such day (2026-02-30). */
export class InvalidCalendarDate extends DomainProblem({ status: 422, slug: 'invalid-date', title: 'Not a calendar date' }) {
  constructor(field: string, value: string) {
    super(`${field} ${value} is not a calendar date (YYYY-MM-DD)`, { field });
  }
}

/** 422: a day that has to be past or today (a payment, a signature) lies in the future. */
export class DateInTheFuture extends DomainProblem({ status: 422, slug: 'date-in-the-future', title: 'A date in the future' }) {
  constructor(field: string, value: string, today: string) {
    super(`${field} ${value} is in the future (today is ${today})`, { field, today });
  }
}

/** 422: a period whose end is before its start (a licence's validity, a query's from/to). */
export class InvalidPeriod extends DomainProblem({ status: 422, slug: 'invalid-period', title: 'The period ends before it starts' }) {
  constructor(field: string, start: string, end: string, startField: string) {
    super(`${field} ${end} is before ${startField} ${start}`, { field, [startField]: start, [field]: end });
  }
}

/** 409: nothing crosses between these two countries: no open corridor (CORRIDORS). */
export class CorridorNotOpen extends DomainProblem({ status: 409, slug: 'corridor-not-open', title: 'No open corridor between these countries' }) {
  constructor(origin: string, destination: string, openCorridors: string[]) {
    super(`no open corridor ${origin}→${destination}: nothing is published across that border. Open corridors here: ${openCorridors.join(', ') || 'none'}`, {
      origin,
      destination,
      openCorridors,
    });
  }
}

/**
 * 403: the step belongs to one end of the corridor (`side`) and this node, or this officer's
 * roles, do not act for it: a destination approves, the origin verifies and matches, each side
 * verifies its own half of a contract.
 */
export class ForbiddenForSide extends DomainProblem({ status: 403, slug: 'forbidden-for-side', title: 'This step is for the other side of the corridor' }) {
  constructor(action: string, side: 'origin' | 'destination', why: string, extensions: Record<string, unknown> = {}) {
    super(`"${action}" is taken by the ${side} side: ${why}`, { action, side, ...extensions });
  }
}

/** A calendar date (YYYY-MM-DD, a day that exists), or InvalidCalendarDate naming the field. */
export function assertCalendarDate(field: string, value: string): void {
  if (!isCalendarDate(value)) throw new InvalidCalendarDate(field, value);
}

/**
 * A calendar date that is not in the future by the one rule of libs/reference-data (after today
 * in UTC+14, since the node cannot know the officer's zone), or the problem naming the field.
 */
export function assertNotInFuture(field: string, value: string, today = new Date()): void {
  assertCalendarDate(field, value);
  if (isInTheFuture(value, today)) throw new DateInTheFuture(field, value, latestToday(today));
}
