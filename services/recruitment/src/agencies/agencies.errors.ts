import { DomainProblem } from '@corridor/http';

/** 409: another agency holds this licence number. */
export class LicenceNumberTaken extends DomainProblem({ status: 409, slug: 'licence-number-taken', title: 'The licence number is already held' }) {
  constructor(licenceNumber: string, existingAgencyId: string) {
    super(`licence number ${licenceNumber} is already held by agency ${existingAgencyId}`, { existingAgencyId });
  }
}

/** Why an agency may not recruit, for clients: the same codes as the access guard's refusal. */
export type LicenceReason = 'suspended' | 'revoked' | 'expired' | 'not-yet-valid' | 'unknown-agency' | 'no-agency';

/**
 * 409: the agency may not recruit now. Same type and fields as the access guard's refusal
 * (libs/auth), which answers first; this one holds under the row lock, inside the transaction.
 */
export class AgencyLicenceNotValid extends DomainProblem({ status: 409, slug: 'agency-licence-not-valid', title: 'The agency may not act now' }) {
  constructor(agencyId: string, detail: string, reason: LicenceReason, licenceStatus = 'unknown') {
    super(`agency ${agencyId} may not recruit: ${detail}`, { agencyId, licenceStatus, reason });
  }
}
