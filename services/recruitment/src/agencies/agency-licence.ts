import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { ConflictProblem, IllegalTransitionProblem } from '@corridor/http';
import { isoDay } from '@corridor/reference-data';
import { isMinistry } from '../common/roles';
import { Agency, type AgencyStatus } from './agency.entity';

/** The licence state machine: licensed ⇄ suspended, either → revoked (final). */
export const AGENCY_TRANSITIONS: Record<AgencyStatus, Partial<Record<AgencyAction, AgencyStatus>>> = {
  licensed: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { reinstate: 'licensed', revoke: 'revoked' },
  revoked: {},
};
export type AgencyAction = 'suspend' | 'reinstate' | 'revoke';

export function nextAgencyStatus(agency: Pick<Agency, 'id' | 'status'>, action: AgencyAction): AgencyStatus {
  const next = AGENCY_TRANSITIONS[agency.status][action];
  if (!next) throw new IllegalTransitionProblem(`agency ${agency.id}`, agency.status, action, Object.keys(AGENCY_TRANSITIONS[agency.status]));
  return next;
}

/** 409: the agency may not recruit now; the detail says why (expired, not yet valid, suspended, revoked, unknown). */
export class AgencyLicenceNotValid extends ConflictProblem {
  constructor(agencyId: string, reason: string, status?: AgencyStatus) {
    super(`agency ${agencyId} may not recruit: ${reason}`, { agencyId, licenceStatus: status ?? 'unknown' });
  }
}

/** Why the licence is not valid on `day`, or undefined when it is. */
export function licenceProblem(agency: Agency, day: string): string | undefined {
  if (agency.status === 'revoked') return `its licence ${agency.licenceNumber} was revoked${agency.statusReason ? ` (${agency.statusReason})` : ''}`;
  if (agency.status === 'suspended') return `its licence ${agency.licenceNumber} is suspended${agency.statusReason ? ` (${agency.statusReason})` : ''}`;
  if (day < agency.licenceValidFrom) return `its licence ${agency.licenceNumber} is not valid until ${agency.licenceValidFrom}`;
  if (day > agency.licenceValidTo) return `its licence ${agency.licenceNumber} expired on ${agency.licenceValidTo}`;
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
  if (!agencyId) throw new AgencyLicenceNotValid('(none)', 'the token names no agency');
  const agency = /^[0-9a-f-]{36}$/i.test(agencyId)
    ? await manager.findOne(Agency, { where: { id: agencyId }, lock: { mode: 'pessimistic_read' } })
    : null;
  if (!agency) throw new AgencyLicenceNotValid(agencyId, 'it is not a licensed agency of this country');
  const problem = licenceProblem(agency, isoDay(today));
  if (problem) throw new AgencyLicenceNotValid(agencyId, problem, agency.status);
}
