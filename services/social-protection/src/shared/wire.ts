import { GrievanceCategory, GrievanceStatus, ProtectionSide, RemittanceChannel, SchemeKind, WelfareCaseKind } from '@corridor/events';
import type { GrievanceStatus as GrievanceStatusName } from '@corridor/state-machine';
import type { Side } from './journey-corridor';
import type { GrievanceCategoryName, SchemeKindName } from './protection-policy';

/** The stage's names in the API and the database ↔ the enums of social_protection.proto. */
function twoWay<N extends string, E extends number>(pairs: Record<N, E>): { toWire: (name: N) => E; fromWire: (value: E) => N | undefined } {
  const back = new Map<number, N>(Object.entries(pairs).map(([name, value]) => [value as number, name as N]));
  return { toWire: (name) => pairs[name], fromWire: (value) => back.get(value) };
}

export const SIDE_WIRE = twoWay<Side, ProtectionSide>({ origin: ProtectionSide.ORIGIN, destination: ProtectionSide.DESTINATION });

export const SCHEME_KIND_WIRE = twoWay<SchemeKindName, SchemeKind>({
  'health-insurance': SchemeKind.HEALTH_INSURANCE,
  'social-security': SchemeKind.SOCIAL_SECURITY,
  'work-injury': SchemeKind.WORK_INJURY,
});

export const CATEGORY_WIRE = twoWay<GrievanceCategoryName, GrievanceCategory>({
  'unpaid-wages': GrievanceCategory.UNPAID_WAGES,
  'confiscated-documents': GrievanceCategory.CONFISCATED_DOCUMENTS,
  'contract-substitution': GrievanceCategory.CONTRACT_SUBSTITUTION,
  'abuse-or-violence': GrievanceCategory.ABUSE_OR_VIOLENCE,
  'unsafe-work': GrievanceCategory.UNSAFE_WORK,
  'unlawful-dismissal': GrievanceCategory.UNLAWFUL_DISMISSAL,
  other: GrievanceCategory.OTHER,
});

export const STATUS_WIRE = twoWay<GrievanceStatusName, GrievanceStatus>({
  open: GrievanceStatus.OPEN,
  'under-investigation': GrievanceStatus.UNDER_INVESTIGATION,
  referred: GrievanceStatus.REFERRED,
  resolved: GrievanceStatus.RESOLVED,
  closed: GrievanceStatus.CLOSED,
});

export const REMITTANCE_CHANNELS = ['bank', 'mobile-money', 'agent', 'informal'] as const;
export type RemittanceChannelName = (typeof REMITTANCE_CHANNELS)[number];
export const CHANNEL_WIRE = twoWay<RemittanceChannelName, RemittanceChannel>({
  bank: RemittanceChannel.BANK,
  'mobile-money': RemittanceChannel.MOBILE_MONEY,
  agent: RemittanceChannel.AGENT,
  informal: RemittanceChannel.INFORMAL,
});

export const WELFARE_KINDS = ['welfare', 'health'] as const;
export type WelfareKindName = (typeof WELFARE_KINDS)[number];
export const WELFARE_KIND_WIRE = twoWay<WelfareKindName, WelfareCaseKind>({ welfare: WelfareCaseKind.WELFARE, health: WelfareCaseKind.HEALTH });
