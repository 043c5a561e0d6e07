import { sideOf, type ResourceOwner } from '@corridor/auth';
import { RowOwners, rowOwner } from '@corridor/service-runtime';
import { Journey } from './journey.entity';

/**
 * A journey belongs to its origin country and, from the first cross-border event on, is shared
 * with its destination; an agency owns the journeys of the workers it registered.
 */
export function ownerOfJourney(journey: Pick<Journey, 'origin' | 'destination' | 'sharedWithDestinationAt' | 'agencyId'>): ResourceOwner {
  return { origin: journey.origin, destination: journey.destination, sharedWithDestination: journey.sharedWithDestinationAt !== null, agencyId: journey.agencyId };
}

/**
 * What of the timeline an officer of `country` sees: the origin everything; the destination only
 * what the corridor carried to it (events on corridor topics), never the origin's internal record
 * (registration, payments) even on the origin's node.
 */
export function seesOnlyCorridorEvents(country: string, journey: Pick<Journey, 'origin' | 'destination' | 'sharedWithDestinationAt' | 'agencyId'>): boolean {
  return sideOf(country, ownerOfJourney(journey)) !== 'origin';
}

export const JourneyOwners = RowOwners({ journey: rowOwner(Journey, ownerOfJourney) });
