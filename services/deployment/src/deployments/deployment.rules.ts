import type { CorridorPolicy } from '@corridor/config';
import { addDays, addMonths, daysBetween } from '@corridor/reference-data';
import type { Deployment, DeploymentFlag } from './deployment.entity';

/** What exit clearance looks at (clearance_readiness, kept from events). */
export interface ReadinessFacts {
  contractVerified: boolean;
  contractMonths: number;
  openSubstitutionFlags: string[];
  orientationCompleted: boolean;
  openFeeBreaches: string[];
  insuranceCoveredTo: string | null;
}

export type ClearanceCondition = 'contract-verified' | 'substitution-flag-open' | 'orientation-completed' | 'fee-breach-open' | 'identity-document-validity' | 'insurance';

export interface UnmetCondition {
  condition: ClearanceCondition;
  detail: string;
}

/** Every condition of exit clearance that does not hold today (empty: clearance may be granted). Never stops at the first. */
export function unmetClearanceConditions(
  facts: ReadinessFacts | undefined,
  documentExpiry: string,
  policy: Pick<CorridorPolicy, 'exitInsuranceRequired' | 'identityDocumentMarginMonths'>,
  today: string,
): UnmetCondition[] {
  const unmet: UnmetCondition[] = [];
  if (!facts?.contractVerified) unmet.push({ condition: 'contract-verified', detail: 'no contract of this journey is verified by both the origin and the destination' });
  if (facts?.openSubstitutionFlags.length) {
    unmet.push({ condition: 'substitution-flag-open', detail: `contract substitution flag(s) open: ${facts.openSubstitutionFlags.join(', ')}` });
  }
  if (!facts?.orientationCompleted) unmet.push({ condition: 'orientation-completed', detail: 'the worker has not completed pre-departure orientation' });
  if (facts?.openFeeBreaches.length) unmet.push({ condition: 'fee-breach-open', detail: `fee breach(es) open: ${facts.openFeeBreaches.join(', ')}` });
  const months = (facts?.contractMonths ?? 0) + policy.identityDocumentMarginMonths;
  const neededUntil = addMonths(today, months);
  if (documentExpiry < neededUntil) {
    unmet.push({
      condition: 'identity-document-validity',
      detail: `the identity document expires on ${documentExpiry}; it must be valid until at least ${neededUntil} (contract ${facts?.contractMonths ?? 0} months + ${policy.identityDocumentMarginMonths} months margin)`,
    });
  }
  if (policy.exitInsuranceRequired && (!facts?.insuranceCoveredTo || facts.insuranceCoveredTo < today)) {
    unmet.push({ condition: 'insurance', detail: 'the corridor requires pre-departure insurance in force; none is recorded' });
  }
  return unmet;
}

/** The clearance number printed on the document, e.g. KH-EC-2026-0193A2E6 (from the clearance id, so unique). */
export function clearanceNumber(origin: string, today: string, clearanceId: string): string {
  return `${origin}-EC-${today.slice(0, 4)}-${clearanceId.replace(/-/g, '').slice(-8).toUpperCase()}`;
}

/** The day arrival must be confirmed by (departure + the corridor's days). */
export function arrivalDueBy(departedOn: string, policy: Pick<CorridorPolicy, 'arrivalDeadlineDays'>): string {
  return addDays(departedOn, policy.arrivalDeadlineDays);
}

/** Whether the missing-arrival check flags this deployment today. */
export function isArrivalMissing(d: Pick<Deployment, 'status' | 'arrivalDueBy'>, today: string): boolean {
  return (d.status === 'departed' || d.status === 'crossed') && !!d.arrivalDueBy && d.arrivalDueBy < today;
}

export type PermitFinding = { kind: 'permit-expiring'; daysLeft: number } | { kind: 'permit-expired' } | undefined;

/** What the permit check finds about a working deployment's permit today. */
export function permitFinding(expiresOn: string | null, today: string, windowDays: number): PermitFinding {
  if (!expiresOn) return undefined;
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return { kind: 'permit-expired' };
  if (daysLeft <= windowDays) return { kind: 'permit-expiring', daysLeft };
  return undefined;
}

/** A permit's expiry from its issue date and the corridor's length. */
export function permitExpiry(issuedOn: string, months: number): string {
  return addDays(addMonths(issuedOn, months), -1);
}

export function openFlags(d: Pick<Deployment, 'flags'>, kind?: DeploymentFlag['kind']): DeploymentFlag[] {
  return d.flags.filter((f) => !kind || f.kind === kind);
}
