import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@corridor/config';

export const SCHEME_KINDS = ['health-insurance', 'social-security', 'work-injury'] as const;
export type SchemeKindName = (typeof SCHEME_KINDS)[number];

export const GRIEVANCE_CATEGORIES = [
  'unpaid-wages',
  'confiscated-documents',
  'contract-substitution',
  'abuse-or-violence',
  'unsafe-work',
  'unlawful-dismissal',
  'other',
] as const;
export type GrievanceCategoryName = (typeof GRIEVANCE_CATEGORIES)[number];

/** A scheme of a destination a worker can be enrolled in (reference data). */
export interface Scheme {
  code: string;
  kind: SchemeKindName;
  name: string;
}

/** The social-protection policy of one destination: configuration, never constants in code. */
export interface ProtectionPolicy {
  /** Days after arrival after which a worker with no health insurance is flagged. */
  uninsuredAfterDays: number;
  /** Days a grievance of each category may wait for its answer (resolution) before it is overdue. */
  grievanceDeadlineDays: Record<GrievanceCategoryName, number>;
  /** Days after the deadline at which an overdue grievance goes to the supervisors' queue (0: at once). */
  escalateAfterOverdueDays: number;
  schemes: Scheme[];
}

// From the repository root, as the corridor policies: __dirname is another depth in the built dist/ layout.
export const DEFAULT_PROTECTION_POLICY_FILE = path.join(repoRoot(), 'infra/config/social-protection.json');

type PolicyFile = Record<string, Partial<ProtectionPolicy> | string | undefined>;

/** Reads infra/config/social-protection.json: "default" plus an entry per destination overriding it. */
export function loadProtectionPolicies(file = process.env.SOCIAL_PROTECTION_POLICY_FILE || DEFAULT_PROTECTION_POLICY_FILE): (destination: string) => ProtectionPolicy {
  return protectionPolicies(JSON.parse(readFileSync(file, 'utf8')) as PolicyFile);
}

export function protectionPolicies(parsed: PolicyFile): (destination: string) => ProtectionPolicy {
  const base = (typeof parsed.default === 'object' ? parsed.default : {}) as Partial<ProtectionPolicy>;
  const cache = new Map<string, ProtectionPolicy>();
  return (destination) => {
    const known = cache.get(destination);
    if (known) return known;
    const entry = parsed[destination];
    const own = (typeof entry === 'object' ? entry : {}) as Partial<ProtectionPolicy>;
    const policy = checkPolicy(destination, {
      uninsuredAfterDays: own.uninsuredAfterDays ?? base.uninsuredAfterDays ?? 30,
      grievanceDeadlineDays: { ...(base.grievanceDeadlineDays ?? {}), ...(own.grievanceDeadlineDays ?? {}) } as ProtectionPolicy['grievanceDeadlineDays'],
      escalateAfterOverdueDays: own.escalateAfterOverdueDays ?? base.escalateAfterOverdueDays ?? 0,
      schemes: own.schemes ?? base.schemes ?? [],
    });
    cache.set(destination, policy);
    return policy;
  };
}

function checkPolicy(name: string, policy: ProtectionPolicy): ProtectionPolicy {
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!whole(policy.uninsuredAfterDays)) throw new Error(`social-protection policy ${name}: uninsuredAfterDays must be a whole number >= 0`);
  if (!whole(policy.escalateAfterOverdueDays)) throw new Error(`social-protection policy ${name}: escalateAfterOverdueDays must be a whole number >= 0`);
  for (const category of GRIEVANCE_CATEGORIES) {
    if (!whole(policy.grievanceDeadlineDays[category]) || policy.grievanceDeadlineDays[category] < 1) {
      throw new Error(`social-protection policy ${name}: grievanceDeadlineDays.${category} must be a whole number of days >= 1`);
    }
  }
  for (const scheme of policy.schemes) {
    if (!scheme.code || !(SCHEME_KINDS as readonly string[]).includes(scheme.kind)) {
      throw new Error(`social-protection policy ${name}: scheme ${JSON.stringify(scheme)} needs a code and a kind of ${SCHEME_KINDS.join(', ')}`);
    }
  }
  return policy;
}

export const PROTECTION_POLICIES = Symbol('PROTECTION_POLICIES');
export type ProtectionPolicies = (destination: string) => ProtectionPolicy;
