import type { NodeConfig } from '@corridor/config';
import { isCalendarDate } from '@corridor/reference-data';
import { whyNotOnCorridor, type OnCorridor, type RuleBreach } from '../shared/journey-corridor';
import type { ProtectionPolicy, Scheme } from '../shared/protection-policy';

/** The scheme named, or why the enrolment cannot be recorded (unknown scheme, dates the wrong way round). */
export function checkEnrolment(
  command: OnCorridor & { schemeCode: string; coverageFrom: string; coverageUntil?: string },
  node: Pick<NodeConfig, 'country' | 'corridors'>,
  policy: Pick<ProtectionPolicy, 'schemes'>,
): { scheme: Scheme } | { breach: RuleBreach } {
  const corridor = whyNotOnCorridor(command, node);
  if (corridor) return { breach: corridor };
  const scheme = policy.schemes.find((s) => s.code === command.schemeCode);
  if (!scheme) {
    const known = policy.schemes.map((s) => s.code).join(', ') || 'none configured';
    return { breach: { field: 'schemeCode', reason: `${command.schemeCode} is not a scheme of ${command.destination} (its schemes: ${known})` } };
  }
  if (!isCalendarDate(command.coverageFrom)) return { breach: { field: 'coverageFrom', reason: `coverageFrom ${command.coverageFrom} is not a calendar date` } };
  if (command.coverageUntil !== undefined) {
    if (!isCalendarDate(command.coverageUntil)) return { breach: { field: 'coverageUntil', reason: `coverageUntil ${command.coverageUntil} is not a calendar date` } };
    if (command.coverageUntil < command.coverageFrom) return { breach: { field: 'coverageUntil', reason: `coverageUntil ${command.coverageUntil} is before coverageFrom ${command.coverageFrom}` } };
  }
  return { scheme };
}

/** Whether an enrolment covers the worker with health insurance on `day` (what clears the uninsured flag). */
export function insuresHealthOn(enrolment: { kind: string; coverageFrom: string; coverageUntil: string | null }, day: string): boolean {
  return enrolment.kind === 'health-insurance' && enrolment.coverageFrom <= day && (enrolment.coverageUntil === null || enrolment.coverageUntil >= day);
}
