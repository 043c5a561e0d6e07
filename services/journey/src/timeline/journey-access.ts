import type { Officer } from '@corridor/auth';
import type { Journey } from './journey.entity';

/**
 * A journey is visible to its origin country and, from the first cross-border event on, to its
 * destination; an agency sees only the journeys of workers it registered.
 */
export function maySeeJourney(officer: Officer, journey: Journey): boolean {
  const countryMay =
    officer.country === journey.origin || (officer.country === journey.destination && journey.sharedWithDestinationAt !== null);
  if (!countryMay) return false;
  const agencyOnly = officer.roles.every((role) => role === 'agency-staff');
  return !agencyOnly || (journey.agencyId !== null && journey.agencyId === officer.agencyId);
}
