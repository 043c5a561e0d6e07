import { agencyFilterOf, type Officer } from '@corridor/auth';

/**
 * True when the token acts for the whole country (a ministry officer), false when the access
 * model holds it to one agency (any token naming an agency or carrying agency-staff, whatever
 * else it carries). Lists filter on `ownAgencyOf` when this is false.
 */
export function isMinistry(officer: Officer): boolean {
  return agencyFilterOf(officer) === undefined;
}

/** The agency an agency-held token is held to ('' when it names none, which matches no row). */
export function ownAgencyOf(officer: Officer): string {
  return agencyFilterOf(officer) ?? '';
}
