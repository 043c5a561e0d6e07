import type { NodeConfig } from '@corridor/config';
import { addDays } from '@corridor/reference-data';
import { GRIEVANCE_PENDING, type GrievanceStatus } from '@corridor/state-machine';
import { whyNotADayThatHasBegun } from '../shared/days';
import { whyNotOnCorridor, type OnCorridor, type RuleBreach } from '../shared/journey-corridor';
import type { GrievanceCategoryName, ProtectionPolicy } from '../shared/protection-policy';

/** Why this node may not file the grievance, or undefined when it may. */
export function whyNotFileable(command: OnCorridor & { filedOn: string }, node: Pick<NodeConfig, 'country' | 'corridors'>, today = new Date()): RuleBreach | undefined {
  return whyNotOnCorridor(command, node) ?? whyNotADayThatHasBegun('filedOn', command.filedOn, today);
}

/** The day by which a grievance must be resolved: filed on + the category's configured days. */
export function deadlineOf(category: GrievanceCategoryName, filedOn: string, policy: Pick<ProtectionPolicy, 'grievanceDeadlineDays'>): string {
  return addDays(filedOn, policy.grievanceDeadlineDays[category]);
}

/** A referral names where to; an investigation names nowhere. */
export function whyNotChangeable(command: { status: string; referredTo?: string; changedOn: string }, today = new Date()): RuleBreach | undefined {
  if (command.status === 'referred' && !command.referredTo) return { field: 'referredTo', reason: 'a referral needs referredTo: where the grievance is referred' };
  if (command.status !== 'referred' && command.referredTo) return { field: 'referredTo', reason: 'referredTo goes with status referred only' };
  return whyNotADayThatHasBegun('changedOn', command.changedOn, today);
}

/** Closing after a resolution is "resolved"; before one, a reason why it ends unresolved. */
export function whyNotClosable(status: GrievanceStatus, reason: string): RuleBreach | undefined {
  if (status === 'resolved' && reason !== 'resolved') return { field: 'reason', reason: 'a resolved grievance closes with reason resolved' };
  if (status !== 'resolved' && reason === 'resolved') return { field: 'reason', reason: `a grievance that is ${status} is not resolved: resolve it first, or close it as withdrawn, duplicate or no-contact` };
  return undefined;
}

export interface OverdueState {
  status: GrievanceStatus;
  deadlineOn: string;
  overdueFlagId: string | null;
  escalatedOn: string | null;
}

/**
 * What the overdue check does to one grievance on `today` (the handling node's day, UTC): flag it
 * once when it is still unanswered after its deadline day; escalate it once to the supervisors'
 * queue `escalateAfterOverdueDays` days after the deadline. Nothing for a resolved or closed one.
 */
export function overdueSteps(grievance: OverdueState, today: string, policy: Pick<ProtectionPolicy, 'escalateAfterOverdueDays'>): { flag: boolean; escalate: boolean } {
  if (!GRIEVANCE_PENDING.includes(grievance.status) || today <= grievance.deadlineOn) return { flag: false, escalate: false };
  const flag = grievance.overdueFlagId === null;
  const escalate = grievance.escalatedOn === null && today > addDays(grievance.deadlineOn, policy.escalateAfterOverdueDays);
  return { flag, escalate };
}
