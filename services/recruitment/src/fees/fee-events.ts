import { create } from '@bufbuild/protobuf';
import { FeeBreachFlaggedSchema, type FeeBreachFlagged } from '@corridor/events';
import type { FeeBreach } from './fee-breach.entity';

/** The one FeeBreachFlagged payload: when the cap is crossed, and again when the journey crosses the border. */
export function feeBreachFlagged(breach: Pick<FeeBreach, 'id' | 'workerId' | 'feeId' | 'capMinor' | 'capCurrency' | 'paidTotalMinor' | 'currency' | 'reason'>): FeeBreachFlagged {
  return create(FeeBreachFlaggedSchema, {
    breachId: breach.id,
    workerId: breach.workerId,
    feeId: breach.feeId,
    cap: { amountMinor: BigInt(breach.capMinor), currency: breach.capCurrency },
    paidTotal: { amountMinor: BigInt(breach.paidTotalMinor), currency: breach.currency },
    reason: breach.reason,
    blocksDeparture: true,
  });
}
