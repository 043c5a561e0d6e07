import { create } from '@bufbuild/protobuf';
import { ContractTermsSchema, type ContractClause as ContractClauseMessage, type ContractTerms as ContractTermsMessage } from '@corridor/events';

export const PAY_PERIODS = ['month', 'day', 'hour'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];
/** Best first: substitution means moving down this list. */
export const ACCOMMODATION = ['provided', 'allowance', 'none'] as const;
export type Accommodation = (typeof ACCOMMODATION)[number];
export const RETURN_JOURNEY_PAYERS = ['employer', 'worker'] as const;
export type ReturnJourneyPayer = (typeof RETURN_JOURNEY_PAYERS)[number];

export interface AllowedDeduction {
  purpose: string;
  /** Cap per pay period, in minor units of the wage currency. */
  capAmountMinor: number;
}

export interface ContractClause {
  title: string;
  text: string;
}

/**
 * The core terms of the regional standard employment contract, as plain data: what is signed,
 * verified by both sides, and compared to detect substitution.
 */
export interface ContractTerms {
  employerName: string;
  employerRegistrationNumber: string;
  workplaceProvince: string;
  occupationIsco: string;
  wage: { amountMinor: number; currency: string };
  payPeriod: PayPeriod;
  hoursPerDay: number;
  restDaysPerWeek: number;
  overtimeRatePercent: number;
  contractMonths: number;
  accommodation: Accommodation;
  deductions: AllowedDeduction[];
  returnJourneyPaidBy: ReturnJourneyPayer;
  probationDays: number;
}

/** What the regional standard template fills in where the job order says nothing. */
export const STANDARD_TEMPLATE_DEFAULTS = {
  restDaysPerWeek: 1,
  overtimeRatePercent: 150,
  accommodation: 'none',
  deductions: [],
  returnJourneyPaidBy: 'employer',
  probationDays: 0,
} as const satisfies Partial<ContractTerms>;

export function termsToMessage(terms: ContractTerms): ContractTermsMessage {
  return create(ContractTermsSchema, {
    employerName: terms.employerName,
    employerRegistrationNumber: terms.employerRegistrationNumber,
    workplaceProvince: terms.workplaceProvince,
    occupationIsco: terms.occupationIsco,
    wage: { amountMinor: BigInt(terms.wage.amountMinor), currency: terms.wage.currency },
    payPeriod: terms.payPeriod,
    hoursPerDay: terms.hoursPerDay,
    restDaysPerWeek: terms.restDaysPerWeek,
    overtimeRatePercent: terms.overtimeRatePercent,
    contractMonths: terms.contractMonths,
    accommodation: terms.accommodation,
    deductions: terms.deductions.map((d) => ({ purpose: d.purpose, cap: { amountMinor: BigInt(d.capAmountMinor), currency: terms.wage.currency } })),
    returnJourneyPaidBy: terms.returnJourneyPaidBy,
    probationDays: terms.probationDays,
  });
}

export function termsFromMessage(message: ContractTermsMessage | undefined): ContractTerms {
  const m = message ?? create(ContractTermsSchema);
  return {
    employerName: m.employerName,
    employerRegistrationNumber: m.employerRegistrationNumber,
    workplaceProvince: m.workplaceProvince,
    occupationIsco: m.occupationIsco,
    wage: { amountMinor: Number(m.wage?.amountMinor ?? 0n), currency: m.wage?.currency ?? '' },
    payPeriod: m.payPeriod as PayPeriod,
    hoursPerDay: m.hoursPerDay,
    restDaysPerWeek: m.restDaysPerWeek,
    overtimeRatePercent: m.overtimeRatePercent,
    contractMonths: m.contractMonths,
    accommodation: m.accommodation as Accommodation,
    deductions: m.deductions.map((d) => ({ purpose: d.purpose, capAmountMinor: Number(d.cap?.amountMinor ?? 0n) })),
    returnJourneyPaidBy: m.returnJourneyPaidBy as ReturnJourneyPayer,
    probationDays: m.probationDays,
  };
}

export function clausesFromMessages(clauses: ContractClauseMessage[]): ContractClause[] {
  return clauses.map((c) => ({ title: c.title, text: c.text }));
}
