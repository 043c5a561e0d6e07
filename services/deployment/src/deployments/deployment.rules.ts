import type { CorridorPolicy } from '@corridor/config';
import type { ReturnStatusName } from '@corridor/events';
import { addDays, addMonths, daysBetween } from '@corridor/reference-data';
import { DEPLOYMENT_LIFECYCLE, type DeploymentStatus } from '@corridor/state-machine';
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

/** The states the missing-arrival check watches: departed and not arrived (a returned worker is home, not missing). */
export const AWAITING_ARRIVAL: DeploymentStatus[] = ['departed', 'crossed'];
/** The state the permit check watches: working at destination (a returned worker has left; no overstay). */
export const HOLDING_PERMIT: DeploymentStatus = 'working';

/** Whether the missing-arrival check flags this deployment today. */
export function isArrivalMissing(d: Pick<Deployment, 'status' | 'arrivalDueBy'>, today: string): boolean {
  return AWAITING_ARRIVAL.includes(d.status) && !!d.arrivalDueBy && d.arrivalDueBy < today;
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

/** What the permit check finds about a deployment today: nothing unless the worker is still working there. */
export function permitFindingOf(d: Pick<Deployment, 'status' | 'permitExpiresOn'>, today: string, windowDays: number): PermitFinding {
  return d.status === HOLDING_PERMIT ? permitFinding(d.permitExpiresOn, today, windowDays) : undefined;
}

/** A permit's expiry from its issue date and the corridor's length. */
export function permitExpiry(issuedOn: string, months: number): string {
  return addDays(addMonths(issuedOn, months), -1);
}

export function openFlags(d: Pick<Deployment, 'flags'>, kind?: DeploymentFlag['kind']): DeploymentFlag[] {
  return d.flags.filter((f) => !kind || f.kind === kind);
}

/** What a ReturnRecorded does to the journey's deployment at this node. */
export type ReturnEffect = { kind: 'close' } | { kind: 'unchanged'; reason: string } | { kind: 'left-out'; reason: string };

/**
 * A happened return closes the deployment, once: the same return again (redelivered, or restated
 * with the same return_id) changes nothing, another return of a deployment already closed is left
 * out (the first one stands, as in reintegration), and so is a return of a revoked deployment.
 * A planned return changes nothing: the worker is still abroad, and the checks still watch them.
 */
export function returnEffect(d: Pick<Deployment, 'journeyId' | 'status' | 'returnId' | 'returnedOn'>, r: { returnId: string; status: ReturnStatusName | undefined }): ReturnEffect {
  if (r.status !== 'happened') return { kind: 'unchanged', reason: `return ${r.returnId} is ${r.status ?? 'of no known status'}, not happened` };
  if (d.status === 'returned' && d.returnId === r.returnId) return { kind: 'unchanged', reason: `return ${r.returnId} closed it already` };
  if (d.status === 'returned') return { kind: 'left-out', reason: `deployment ${d.journeyId} was closed by return ${d.returnId} on ${d.returnedOn}; return ${r.returnId} does not reopen it` };
  const refused = DEPLOYMENT_LIFECYCLE.refusal({ id: d.journeyId, status: d.status }, 'return');
  return refused ? { kind: 'left-out', reason: refused.message } : { kind: 'close' };
}
