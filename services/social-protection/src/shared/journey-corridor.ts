import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { decideAccess, type Officer, type Operation, type ResourceOwner } from '@corridor/auth';
import { openCorridor, type NodeConfig } from '@corridor/config';
import { ForbiddenForSide, NotFoundProblem } from '@corridor/http';

/**
 * What every social-protection object is about: a worker's journey along one corridor. Both ends
 * hold every object (the one that recorded it, and the other from its event), so the corridor,
 * not the node, decides who sees it.
 */
export class JourneyCorridorFields {
  @ApiProperty({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c', description: "The worker's journey (UUIDv7 minted at origin)" })
  @IsUUID()
  journeyId: string;

  @ApiProperty({ example: 'KH', description: "The journey's origin country; this node is one end of the corridor" })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'origin must be a country code like KH' })
  origin: string;

  @ApiProperty({ example: 'TH', description: "The journey's destination country; this node is one end of the corridor" })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'destination must be a country code like TH' })
  destination: string;
}

export interface RuleBreach {
  field: string;
  reason: string;
}

export type Side = 'origin' | 'destination';
export type OnCorridor = { origin: string; destination: string };

/** Why this node may not record for the corridor named, or undefined when it may: it must be an end of an open corridor. */
export function whyNotOnCorridor(command: OnCorridor, node: Pick<NodeConfig, 'country' | 'corridors'>): RuleBreach | undefined {
  if (command.origin === command.destination) return { field: 'destination', reason: 'origin and destination must differ' };
  if (node.country !== command.origin && node.country !== command.destination) {
    return { field: 'origin', reason: `${node.country} is neither the origin nor the destination of ${command.origin}>${command.destination}` };
  }
  if (!openCorridor(node, command.origin, command.destination)) {
    return { field: 'destination', reason: `no corridor is open from ${command.origin} to ${command.destination}` };
  }
  return undefined;
}

/** Every social-protection object belongs to its corridor: both ends see it, no agency owns it. */
export function ownerOnCorridor(record: OnCorridor): ResourceOwner {
  return { origin: record.origin, destination: record.destination, sharedWithDestination: true };
}

/** Which end of the corridor a country is. */
export function sideOf(country: string, record: OnCorridor): Side {
  return country === record.origin ? 'origin' : 'destination';
}

/** The end of the corridor that is not `country`: whom free text is sealed for. */
export function otherEnd(country: string, record: OnCorridor): string {
  return country === record.origin ? record.destination : record.origin;
}

/**
 * The officer may do `operation` for this node's end of the corridor (a body that names a journey
 * is checked like a path that names an object, libs/auth access model): a role that acts for the
 * other side only is a 403 that says which role would.
 */
export function assertActsOnCorridor(officer: Officer, operation: Operation, node: Pick<NodeConfig, 'country'>, record: OnCorridor): void {
  const decision = decideAccess(officer, operation, node.country, ownerOnCorridor(record));
  if (decision.allowed) return;
  const side = sideOf(node.country, record);
  throw new ForbiddenForSide(operation, side, `${officer.country} officers with these roles do not do it for the ${side} of ${record.origin}>${record.destination}`);
}

/** An object as this officer may know it: one it may not see is answered exactly like an unknown id. */
export function visibleTo<T extends OnCorridor>(officer: Officer, operation: Operation, node: Pick<NodeConfig, 'country'>, resource: string, id: string, record: T | null | undefined): T {
  if (!record || !decideAccess(officer, operation, node.country, ownerOnCorridor(record)).allowed) throw new NotFoundProblem(resource, id);
  return record;
}
