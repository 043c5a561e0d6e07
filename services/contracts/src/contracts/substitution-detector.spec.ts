import type { ContractTerms } from './contract-terms';
import { detectSubstitution } from './substitution-detector';

const verified: ContractTerms = {
  employerName: 'Siam Frozen Foods Co., Ltd.',
  employerRegistrationNumber: '0105548012345',
  workplaceProvince: 'Samut Sakhon',
  occupationIsco: '9329',
  wage: { amountMinor: 1_040_000, currency: 'THB' },
  payPeriod: 'month',
  hoursPerDay: 8,
  restDaysPerWeek: 1,
  overtimeRatePercent: 150,
  contractMonths: 24,
  accommodation: 'provided',
  deductions: [{ purpose: 'Social security', capAmountMinor: 75_000 }],
  returnJourneyPaidBy: 'employer',
  probationDays: 30,
};

const later = (changes: Partial<ContractTerms>): ContractTerms => ({ ...verified, ...changes });
const terms = (changes: Partial<ContractTerms>) => detectSubstitution(verified, later(changes)).map((t) => t.term);

describe('contract substitution', () => {
  it('the same terms are not substitution', () => {
    expect(detectSubstitution(verified, later({}))).toEqual([]);
  });

  it('changes in the worker’s favour are not substitution', () => {
    expect(
      detectSubstitution(
        verified,
        later({ wage: { amountMinor: 1_200_000, currency: 'THB' }, hoursPerDay: 7, restDaysPerWeek: 2, overtimeRatePercent: 200, contractMonths: 12, deductions: [], probationDays: 0 }),
      ),
    ).toEqual([]);
  });

  it('a lower wage and a longer day are both named, with the verified and the new value', () => {
    expect(detectSubstitution(verified, later({ wage: { amountMinor: 900_000, currency: 'THB' }, hoursPerDay: 10 }))).toEqual([
      { term: 'wage', verifiedValue: '1040000 THB per month', newValue: '900000 THB per month', whyWorse: 'lower wage' },
      { term: 'hoursPerDay', verifiedValue: '8', newValue: '10', whyWorse: 'longer working day' },
    ]);
  });

  it('a wage in another currency or per another period cannot be compared and is flagged', () => {
    expect(terms({ wage: { amountMinor: 40_000, currency: 'USD' } })).toEqual(['wage']);
    expect(terms({ payPeriod: 'day', wage: { amountMinor: 40_000, currency: 'THB' } })).toEqual(['wage']);
  });

  it('fewer rest days, a lower overtime rate, a longer contract and a longer probation are substitution', () => {
    expect(terms({ restDaysPerWeek: 0 })).toEqual(['restDaysPerWeek']);
    expect(terms({ overtimeRatePercent: 100 })).toEqual(['overtimeRatePercent']);
    expect(terms({ contractMonths: 36 })).toEqual(['contractMonths']);
    expect(terms({ probationDays: 90 })).toEqual(['probationDays']);
  });

  it('less accommodation support is substitution, more is not', () => {
    expect(terms({ accommodation: 'allowance' })).toEqual(['accommodation']);
    expect(terms({ accommodation: 'none' })).toEqual(['accommodation']);
    expect(detectSubstitution(later({ accommodation: 'none' }), later({ accommodation: 'allowance' }))).toEqual([]);
  });

  it('moving the return journey to the worker is substitution', () => {
    expect(terms({ returnJourneyPaidBy: 'worker' })).toEqual(['returnJourneyPaidBy']);
  });

  it('a new deduction or a higher cap is substitution; the purpose is matched ignoring case and spaces', () => {
    expect(terms({ deductions: [{ purpose: 'social  SECURITY', capAmountMinor: 75_000 }] })).toEqual([]);
    expect(terms({ deductions: [{ purpose: 'Social security', capAmountMinor: 90_000 }] })).toEqual(['deductions.Social security']);
    expect(terms({ deductions: [...verified.deductions, { purpose: 'Uniform', capAmountMinor: 20_000 }] })).toEqual(['deductions.Uniform']);
  });

  it('another employer or another occupation is substitution', () => {
    expect(terms({ employerName: 'Other Co.', employerRegistrationNumber: '0105548099999' })).toEqual(['employer']);
    expect(terms({ occupationIsco: '9312' })).toEqual(['occupation']);
  });
});
