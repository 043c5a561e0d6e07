import type { Officer, Role } from '../roles';
import { OPERATIONS, ROLE_GRANTS, type Operation, type Side } from './operations';

/**
 * Who owns an object, as far as access is concerned. `agencyId` is `undefined` for kinds of
 * object no agency owns (job orders), `null` for an agency-ownable object that no agency owns
 * (a worker registered by the ministry itself).
 */
export interface ResourceOwner {
  origin: string;
  destination?: string | null;
  /** The destination may see the object from the first cross-border event on. */
  sharedWithDestination?: boolean;
  agencyId?: string | null;
}

/**
 * What a token may reach, from its narrowest claim: a token that names an agency (or carries the
 * agency-staff role) is held to that agency whatever other roles it carries, and may do only
 * what agency staff may do. Roles never widen this.
 */
export interface AccessScope {
  country: string;
  /** Set: held to this agency. `null`: held to an agency but names none, so reaches no agency's objects. */
  agency: string | null | undefined;
}

export function accessScope(officer: Officer): AccessScope {
  const agencyHeld = officer.agencyId !== undefined || officer.roles.includes('agency-staff');
  return { country: officer.country, agency: agencyHeld ? (officer.agencyId ?? null) : undefined };
}

/** The roles whose grants count for this token: an agency-held token acts as agency staff only. */
export function effectiveRoles(officer: Officer): Role[] {
  if (accessScope(officer).agency === undefined) return officer.roles;
  return officer.roles.includes('agency-staff') ? ['agency-staff'] : [];
}

/** The sides of a corridor this token may act for in an operation (empty: no role grants it). */
export function grantedSides(officer: Officer, operation: Operation): Side[] {
  const sides = new Set<Side>();
  for (const role of effectiveRoles(officer)) for (const side of ROLE_GRANTS[role][operation] ?? []) sides.add(side);
  return [...sides];
}

export type AccessRefusal =
  /** 401-like: not used by the model, listed for the refusal log. */
  | 'no-role'
  | 'other-country'
  | 'not-visible';

export type AccessDecision = { allowed: true; side?: Side } | { allowed: false; refusal: AccessRefusal; detail: string };

/**
 * The one access decision. Without an owner it decides whether the token may use the operation
 * on this node at all; with one, whether it may reach that object. "not-visible" must be told to
 * the caller exactly like an unknown id.
 */
export function decideAccess(officer: Officer, operation: Operation, nodeCountry: string, owner?: ResourceOwner): AccessDecision {
  const sides = grantedSides(officer, operation);
  if (sides.length === 0) {
    const needed = rolesGranting(operation);
    const held = accessScope(officer).agency !== undefined ? ' (a token that names an agency acts as agency-staff only)' : '';
    return { allowed: false, refusal: 'no-role', detail: `"${operation}" needs one of the roles: ${needed.join(', ') || 'none (not offered)'}${held}` };
  }
  if (officer.country !== nodeCountry && !OPERATIONS[operation].crossNode) {
    return { allowed: false, refusal: 'other-country', detail: `only officers of ${nodeCountry} may do "${operation}" on the ${nodeCountry} node` };
  }
  if (!owner) return { allowed: true };
  const side = sideOf(officer.country, owner);
  if (!side) return notVisible(operation);
  const scope = accessScope(officer);
  if (scope.agency !== undefined) {
    // Agencies are licensed by the origin country: a token's agency acts only on its own
    // country's objects, and only on those it owns.
    if (scope.agency === null || owner.origin !== scope.country) return notVisible(operation);
    if (owner.agencyId !== undefined && owner.agencyId !== scope.agency) return notVisible(operation);
  }
  // A token whose roles do not act for its country's side of this object may not know it either:
  // a TH ministry officer learns nothing of the contracts TH's destination officers handle.
  if (!sides.includes(side)) return notVisible(operation);
  return { allowed: true, side };
}

/** Which end of the object's corridor an officer of `country` is, if it may see the object at all. */
const ROLES_GRANTING = new Map<Operation, Role[]>();
/** The roles that grant an operation (computed once per operation: every refusal names them). */
function rolesGranting(operation: Operation): Role[] {
  let roles = ROLES_GRANTING.get(operation);
  if (!roles) ROLES_GRANTING.set(operation, (roles = (Object.keys(ROLE_GRANTS) as Role[]).filter((role) => ROLE_GRANTS[role][operation])));
  return roles;
}

export function sideOf(country: string, owner: ResourceOwner): Side | undefined {
  if (country === owner.origin) return 'origin';
  if (owner.destination && country === owner.destination && owner.sharedWithDestination) return 'destination';
  return undefined;
}

function notVisible(operation: Operation): AccessDecision {
  return { allowed: false, refusal: 'not-visible', detail: `the object of "${operation}" does not exist or is not visible to the caller` };
}

/**
 * For list queries: the agency a list must be filtered to (a string), none at all (`undefined`),
 * or "nothing" (`null`: an agency-held token that names no agency).
 */
export function agencyFilterOf(officer: Officer): string | null | undefined {
  return accessScope(officer).agency;
}
