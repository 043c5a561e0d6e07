import { ACCOMMODATION, type ContractTerms } from './contract-terms';

/** One core term that changed to the worker's disadvantage. */
export interface WorseTerm {
  term: string;
  verifiedValue: string;
  newValue: string;
  whyWorse: string;
}

/**
 * Contract substitution (domain rule): compares the terms the worker's verified contract gave
 * with later terms (an amendment, or the contract registered at destination) and lists every core
 * term now worse for the worker. Changes in the worker's favour, and optional clauses, are not
 * substitution. An empty list means no substitution.
 */
export function detectSubstitution(verified: ContractTerms, later: ContractTerms): WorseTerm[] {
  const worse: WorseTerm[] = [];
  const add = (term: string, before: unknown, after: unknown, whyWorse: string) => worse.push({ term, verifiedValue: String(before), newValue: String(after), whyWorse });

  if (later.employerRegistrationNumber !== verified.employerRegistrationNumber) {
    add('employer', `${verified.employerName} (${verified.employerRegistrationNumber})`, `${later.employerName} (${later.employerRegistrationNumber})`, 'a different employer from the one the worker signed with');
  }
  if (later.occupationIsco !== verified.occupationIsco) {
    add('occupation', verified.occupationIsco, later.occupationIsco, 'a different occupation from the one the worker signed for');
  }
  const wageBefore = `${verified.wage.amountMinor} ${verified.wage.currency} per ${verified.payPeriod}`;
  const wageAfter = `${later.wage.amountMinor} ${later.wage.currency} per ${later.payPeriod}`;
  if (later.wage.currency !== verified.wage.currency || later.payPeriod !== verified.payPeriod) {
    // Not comparable without exchange rates and working-time assumptions: an officer must look.
    add('wage', wageBefore, wageAfter, 'the wage is paid in another currency or per another period, so it can no longer be checked against the verified wage');
  } else if (later.wage.amountMinor < verified.wage.amountMinor) {
    add('wage', wageBefore, wageAfter, 'lower wage');
  }
  if (later.hoursPerDay > verified.hoursPerDay) add('hoursPerDay', verified.hoursPerDay, later.hoursPerDay, 'longer working day');
  if (later.restDaysPerWeek < verified.restDaysPerWeek) add('restDaysPerWeek', verified.restDaysPerWeek, later.restDaysPerWeek, 'fewer rest days');
  if (later.overtimeRatePercent < verified.overtimeRatePercent) add('overtimeRatePercent', verified.overtimeRatePercent, later.overtimeRatePercent, 'lower overtime rate');
  // A longer contract binds the worker longer than they agreed to (a shorter one is not flagged).
  if (later.contractMonths > verified.contractMonths) add('contractMonths', verified.contractMonths, later.contractMonths, 'longer contract than agreed');
  if (ACCOMMODATION.indexOf(later.accommodation) > ACCOMMODATION.indexOf(verified.accommodation)) {
    add('accommodation', verified.accommodation, later.accommodation, 'less accommodation support');
  }
  if (later.probationDays > verified.probationDays) add('probationDays', verified.probationDays, later.probationDays, 'longer probation');
  if (verified.returnJourneyPaidBy === 'employer' && later.returnJourneyPaidBy === 'worker') {
    add('returnJourneyPaidBy', verified.returnJourneyPaidBy, later.returnJourneyPaidBy, 'the worker now pays the return journey');
  }
  const verifiedCaps = new Map(verified.deductions.map((d) => [normalisedPurpose(d.purpose), d.capAmountMinor]));
  for (const deduction of later.deductions) {
    const cap = verifiedCaps.get(normalisedPurpose(deduction.purpose));
    if (cap === undefined) {
      add(`deductions.${deduction.purpose}`, 'none', deduction.capAmountMinor, 'a new deduction from wages');
    } else if (deduction.capAmountMinor > cap) {
      add(`deductions.${deduction.purpose}`, cap, deduction.capAmountMinor, 'a higher deduction from wages');
    }
  }
  return worse;
}

function normalisedPurpose(purpose: string): string {
  return purpose.trim().toLowerCase().replace(/\s+/g, ' ');
}
