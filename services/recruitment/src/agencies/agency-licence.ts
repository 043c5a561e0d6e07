import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { isoDay } from '@corridor/reference-data';
import { isMinistry } from '../common/roles';
import { AgencyLicenceNotValid, type LicenceReason } from './agencies.errors';
import { Agency } from './agency.entity';

export interface LicenceProblem {
  reason: Exclude<LicenceReason, 'unknown-agency' | 'no-agency'>;
  detail: string;
}

/** Why the licence is not valid on `day`, or undefined when it is. */
export function licenceProblem(agency: Agency, day: string): LicenceProblem | undefined {
  const because = agency.statusReason ? ` (${agency.statusReason})` : '';
  if (agency.status === 'revoked') return { reason: 'revoked', detail: `its licence ${agency.licenceNumber} was revoked${because}` };
  if (agency.status === 'suspended') return { reason: 'suspended', detail: `its licence ${agency.licenceNumber} is suspended${because}` };
  if (day < agency.licenceValidFrom) return { reason: 'not-yet-valid', detail: `its licence ${agency.licenceNumber} is not valid until ${agency.licenceValidFrom}` };
  if (day > agency.licenceValidTo) return { reason: 'expired', detail: `its licence ${agency.licenceNumber} expired on ${agency.licenceValidTo}` };
  return undefined;
}

/**
 * Only a licensed agency whose licence is valid today may register or match workers. Ministry
 * officers act under the ministry's own authority and are not checked. Share-locks the agency
 * row so that a suspension cannot commit in the middle of the recruiting transaction.
 */
export async function assertAgencyMayRecruit(manager: EntityManager, officer: Officer, today = new Date()): Promise<void> {
  if (isMinistry(officer)) return;
  const agencyId = officer.agencyId;
  if (!agencyId) throw new AgencyLicenceNotValid('(none)', 'the token names no agency', 'no-agency');
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId)
    ? await manager.findOne(Agency, { where: { id: agencyId }, lock: { mode: 'pessimistic_read' } })
    : null;
  if (!agency) throw new AgencyLicenceNotValid(agencyId, 'it is not a licensed agency of this country', 'unknown-agency');
  const problem = licenceProblem(agency, isoDay(today));
  if (problem) throw new AgencyLicenceNotValid(agencyId, problem.detail, problem.reason, agency.status);
}
