import { readFileSync } from 'node:fs';
import { repoRoot } from './repo-root';
import path from 'node:path';

/** The bilateral policy values of one corridor: configuration, never constants in code. */
export interface CorridorPolicy {
  /** The most a worker may be charged in recruitment fees (ILO: employer pays, so 0 by default). */
  recruitmentFeeCap: { amountMinor: number; currency: string };
  /** Days after departure by which arrival must be confirmed before the worker is flagged. */
  arrivalDeadlineDays: number;
  workPermitMonths: number;
  workPermitExtensionMonths: number;
  grievanceResponseDays: number;
}

export const DEFAULT_POLICIES_FILE = path.join(repoRoot(), 'infra/config/corridor-policies.json');

type PolicyFile = { default?: Partial<CorridorPolicy> } & Record<string, Partial<CorridorPolicy> | string | undefined>;

/** Reads the policy file: "default" plus one entry per corridor ("KH>TH") overriding it. */
export function loadCorridorPolicies(file = DEFAULT_POLICIES_FILE): (origin: string, destination: string) => CorridorPolicy {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as PolicyFile;
  const base = checkPolicy('default', { ...BUILT_IN_DEFAULT, ...(parsed.default ?? {}) });
  return (origin, destination) => {
    const entry = parsed[`${origin}>${destination}`];
    return checkPolicy(`${origin}>${destination}`, { ...base, ...(typeof entry === 'object' ? entry : {}) });
  };
}

const BUILT_IN_DEFAULT: CorridorPolicy = {
  recruitmentFeeCap: { amountMinor: 0, currency: 'USD' },
  arrivalDeadlineDays: 7,
  workPermitMonths: 24,
  workPermitExtensionMonths: 24,
  grievanceResponseDays: 30,
};

function checkPolicy(name: string, policy: CorridorPolicy): CorridorPolicy {
  const cap = policy.recruitmentFeeCap;
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!cap || !whole(cap.amountMinor) || !/^[A-Z]{3}$/.test(cap.currency)) {
    throw new Error(`corridor policy ${name}: recruitmentFeeCap needs a whole amountMinor >= 0 and an ISO 4217 currency`);
  }
  for (const field of ['arrivalDeadlineDays', 'workPermitMonths', 'workPermitExtensionMonths', 'grievanceResponseDays'] as const) {
    if (!whole(policy[field])) throw new Error(`corridor policy ${name}: ${field} must be a whole number >= 0`);
  }
  return policy;
}
