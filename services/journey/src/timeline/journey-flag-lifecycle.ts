import { FEE_BREACH_LIFECYCLE, SUBSTITUTION_FLAG_LIFECYCLE, type IllegalTransition } from '@corridor/state-machine';
import type { JourneyFlag } from './journey-flag.entity';

/**
 * A flag on the read model is the journey's copy of a fee breach or a substitution flag: it is
 * resolved only along the lifecycle the recruitment and contracts use cases apply (libs/state-machine).
 * Returns the refusal when the resolution the event reports is not allowed in the state held here.
 */
export function refusalToResolve(flag: Pick<JourneyFlag, 'flagId' | 'kind' | 'resolvedAt' | 'resolution'>, resolution: string): IllegalTransition | undefined {
  if (flag.kind === 'fee-breach') {
    const status = !flag.resolvedAt ? 'open' : flag.resolution === 'refunded' ? 'resolved-by-refund' : 'resolved-by-decision';
    return FEE_BREACH_LIFECYCLE.refusal({ id: flag.flagId, status }, resolution === 'refunded' ? 'refund' : 'decide');
  }
  return SUBSTITUTION_FLAG_LIFECYCLE.refusal({ id: flag.flagId, status: flag.resolvedAt ? 'resolved' : 'open' }, 'resolve');
}
