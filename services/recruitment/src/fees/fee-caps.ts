import { Inject } from '@nestjs/common';
import type { NodeConfig } from '@corridor/config';

/** The most a worker may pay along a corridor, in minor units of `currency`. */
export interface FeeCap {
  amountMinor: number;
  /** Empty for the default cap of zero, which any currency breaches. */
  currency: string;
}

export const FEE_CAPS = Symbol('FEE_CAPS');
export const InjectFeeCaps = () => Inject(FEE_CAPS);

/** The employer-pays principle (ILO General principles for fair recruitment): by default workers pay nothing. */
export const DEFAULT_FEE_CAP: FeeCap = { amountMinor: 0, currency: '' };

export class FeeCaps {
  constructor(private readonly caps: Map<string, FeeCap>) {}

  of(origin: string, destination: string | null): FeeCap {
    return (destination && this.caps.get(`${origin}>${destination}`)) || DEFAULT_FEE_CAP;
  }
}

/**
 * The caps of the node's open corridors, from their configured policies
 * (infra/config/corridor-policies.json). Corridors not open here keep the zero default.
 */
export function feeCapsFromCorridors(config: Pick<NodeConfig, 'corridors'>): FeeCaps {
  return new FeeCaps(new Map(config.corridors.map((c) => [`${c.origin}>${c.destination}`, { ...c.policy.recruitmentFeeCap }])));
}

/** A payment as the cap rule reads it: its amount in minor units (a bigint column: a string from pg) and currency. */
export interface PaymentAmount {
  amountMinor: number | string;
  currency: string;
}

/** Where the worker stands against the cap after a payment in `currency`. */
export interface FeeCapComparison {
  /** The total the worker paid in this currency, every instalment counted. */
  paidTotalMinor: number;
  /** False when the cap is in another currency (and not zero): flagged for review, never passed. */
  comparable: boolean;
  /** The total above the cap (the whole total when not comparable). */
  excessMinor: number;
  /** Why the journey is flagged; undefined when the cap holds. */
  breach?: string;
}

/**
 * The fee-cap rule (ILO employer-pays, capped per corridor): the TOTAL the worker paid in the
 * currency of the latest payment, not that payment alone, is compared with the corridor's cap.
 * At the cap is allowed; above it is a breach. A zero cap is breached in any currency; a cap in
 * another currency cannot be compared without an exchange rate, so the payment is flagged for an
 * officer to review rather than let through.
 */
export function compareWithCap(cap: FeeCap, payments: readonly PaymentAmount[], currency: string, corridor: string): FeeCapComparison {
  const paidTotalMinor = payments.filter((p) => p.currency === currency).reduce((sum, p) => sum + Number(p.amountMinor), 0);
  const comparable = cap.amountMinor === 0 || cap.currency === currency;
  const capInCurrency = comparable ? cap.amountMinor : 0;
  const excessMinor = paidTotalMinor - capInCurrency;
  if (comparable && paidTotalMinor <= capInCurrency) return { paidTotalMinor, comparable, excessMinor };
  const capText = cap.amountMinor === 0 ? 'zero (employer pays)' : `${cap.amountMinor} ${cap.currency}`;
  const breach = comparable
    ? `the worker paid ${paidTotalMinor} ${currency} (minor units) in total; the ${corridor} cap is ${capText}: ${excessMinor} above it`
    : `the worker paid ${paidTotalMinor} ${currency} (minor units); the ${corridor} cap is in ${cap.currency} and cannot be compared: flagged for review`;
  return { paidTotalMinor, comparable, excessMinor, breach };
}
