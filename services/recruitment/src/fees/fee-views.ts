import type { FeeBreach, FeePayment, FeeRefund } from './fee.entities';
import { FEE_BREACH_LIFECYCLE } from '@corridor/state-machine';

export interface FeeView {
  feeId: string;
  workerId: string;
  journeyId: string;
  amount: { amountMinor: number; currency: string };
  purpose: string;
  payeeAgencyId: string | null;
  payeeName: string | null;
  paidOn: string;
  recordedAt: string;
}

export interface BreachView {
  breachId: string;
  workerId: string;
  journeyId: string;
  agencyId: string | null;
  corridor: string;
  cap: { amountMinor: number; currency: string };
  paidTotal: { amountMinor: number; currency: string };
  excess: { amountMinor: number; currency: string };
  refunded: { amountMinor: number; currency: string };
  reason: string;
  status: string;
  blocksDeparture: boolean;
  allowedActions: string[];
  resolutionReason: string | null;
  raisedAt: string;
  resolvedAt: string | null;
}

export function feeView(fee: FeePayment): FeeView {
  return {
    feeId: fee.id,
    workerId: fee.workerId,
    journeyId: fee.journeyId,
    amount: { amountMinor: Number(fee.amountMinor), currency: fee.currency },
    purpose: fee.purpose,
    payeeAgencyId: fee.payeeAgencyId,
    payeeName: fee.payeeName,
    paidOn: fee.paidOn,
    recordedAt: fee.recordedAt.toISOString(),
  };
}

export function breachView(breach: FeeBreach, refunds: FeeRefund[] = []): BreachView {
  return {
    breachId: breach.id,
    workerId: breach.workerId,
    journeyId: breach.journeyId,
    agencyId: breach.agencyId,
    corridor: breach.corridor,
    cap: { amountMinor: Number(breach.capMinor), currency: breach.capCurrency },
    paidTotal: { amountMinor: Number(breach.paidTotalMinor), currency: breach.currency },
    excess: { amountMinor: Number(breach.excessMinor), currency: breach.currency },
    refunded: { amountMinor: refunds.reduce((sum, r) => sum + Number(r.amountMinor), 0), currency: breach.currency },
    reason: breach.reason,
    status: breach.status,
    blocksDeparture: breach.status === 'open',
    allowedActions: FEE_BREACH_LIFECYCLE.allowedActions(breach.status),
    resolutionReason: breach.resolutionReason,
    raisedAt: breach.raisedAt.toISOString(),
    resolvedAt: breach.resolvedAt?.toISOString() ?? null,
  };
}
