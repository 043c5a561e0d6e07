import { IllegalTransitionProblem } from '@corridor/http';
import type { BreachStatus, FeeBreach } from './fee.entities';

export type BreachAction = 'refund' | 'decide';

/** open --refund (covering the excess)--> resolved-by-refund; open --decide--> resolved-by-decision. Both final. */
export const BREACH_TRANSITIONS: Record<BreachStatus, Partial<Record<BreachAction, BreachStatus>>> = {
  open: { refund: 'resolved-by-refund', decide: 'resolved-by-decision' },
  'resolved-by-refund': {},
  'resolved-by-decision': {},
};

export function assertBreachAllows(breach: Pick<FeeBreach, 'id' | 'status'>, action: BreachAction): BreachStatus {
  const next = BREACH_TRANSITIONS[breach.status][action];
  if (!next) throw new IllegalTransitionProblem(`fee breach ${breach.id}`, breach.status, action, Object.keys(BREACH_TRANSITIONS[breach.status]));
  return next;
}
