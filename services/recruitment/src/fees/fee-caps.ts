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
