/**
 * Where agencies are licensed (the origin node's recruitment service), whether the agency a token
 * names is one of this country's and may act today. Services that do not hold agencies leave it
 * out; their objects carry the agency's country, which the model checks.
 */
export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');

export interface AgencyStanding {
  country: string;
  /** Undefined when the licence is valid today; otherwise why not (suspended, revoked, expired…). */
  licenceProblem?: string;
  /** The same, for clients: suspended, revoked, expired, not-yet-valid. */
  licenceReason?: string;
  licenceStatus: string;
}

export interface AgencyDirectory {
  standingOf(agencyId: string): Promise<AgencyStanding | undefined>;
}
