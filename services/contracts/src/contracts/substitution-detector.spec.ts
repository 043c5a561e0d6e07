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

  it('a wage in another currency or per another period cannot be compared: flagged as such, not as lower or higher', () => {
    const notComparable = 'the wage is paid in another currency or per another period, so it can no longer be checked against the verified wage';
    // Lower and higher amounts alike: without exchange rates and working time neither is known to be worse or better.
    for (const amountMinor of [40_000, 1_040_000, 5_000_000]) {
      expect(detectSubstitution(verified, later({ wage: { amountMinor, currency: 'USD' } }))).toEqual([
        { term: 'wage', verifiedValue: '1040000 THB per month', newValue: `${amountMinor} USD per month`, whyWorse: notComparable },
      ]);
      expect(detectSubstitution(verified, later({ payPeriod: 'day', wage: { amountMinor, currency: 'THB' } }))).toEqual([
        { term: 'wage', verifiedValue: '1040000 THB per month', newValue: `${amountMinor} THB per day`, whyWorse: notComparable },
      ]);
    }
  });

  it('the same wage, currency and period is not substitution; one minor unit less is', () => {
    expect(terms({ wage: { amountMinor: 1_040_000, currency: 'THB' } })).toEqual([]);
    expect(terms({ wage: { amountMinor: 1_039_999, currency: 'THB' } })).toEqual(['wage']);
  });

  it('equal hours, rest days, overtime rate, contract length, probation and deduction cap are not substitution', () => {
    expect(terms({ hoursPerDay: 8, restDaysPerWeek: 1, overtimeRatePercent: 150, contractMonths: 24, probationDays: 30, accommodation: 'provided', returnJourneyPaidBy: 'employer' })).toEqual([]);
    expect(terms({ hoursPerDay: 9 })).toEqual(['hoursPerDay']);
    expect(terms({ contractMonths: 25 })).toEqual(['contractMonths']);
    expect(terms({ probationDays: 31 })).toEqual(['probationDays']);
    expect(terms({ restDaysPerWeek: 0.5 })).toEqual(['restDaysPerWeek']);
    expect(terms({ overtimeRatePercent: 149 })).toEqual(['overtimeRatePercent']);
    expect(terms({ deductions: [{ purpose: 'Social security', capAmountMinor: 75_001 }] })).toEqual(['deductions.Social security']);
  });

  it('every worse term is named with its verified value, its new value and why', () => {
    expect(
      detectSubstitution(
        verified,
        later({
          employerName: 'Other Co.',
          employerRegistrationNumber: '0105548099999',
          occupationIsco: '9312',
          restDaysPerWeek: 0,
          overtimeRatePercent: 100,
          contractMonths: 36,
          accommodation: 'none',
          probationDays: 90,
          returnJourneyPaidBy: 'worker',
          deductions: [{ purpose: 'Social security', capAmountMinor: 90_000 }, { purpose: 'Uniform', capAmountMinor: 20_000 }],
        }),
      ),
    ).toEqual([
      { term: 'employer', verifiedValue: 'Siam Frozen Foods Co., Ltd. (0105548012345)', newValue: 'Other Co. (0105548099999)', whyWorse: 'a different employer from the one the worker signed with' },
      { term: 'occupation', verifiedValue: '9329', newValue: '9312', whyWorse: 'a different occupation from the one the worker signed for' },
      { term: 'restDaysPerWeek', verifiedValue: '1', newValue: '0', whyWorse: 'fewer rest days' },
      { term: 'overtimeRatePercent', verifiedValue: '150', newValue: '100', whyWorse: 'lower overtime rate' },
      { term: 'contractMonths', verifiedValue: '24', newValue: '36', whyWorse: 'longer contract than agreed' },
      { term: 'accommodation', verifiedValue: 'provided', newValue: 'none', whyWorse: 'less accommodation support' },
      { term: 'probationDays', verifiedValue: '30', newValue: '90', whyWorse: 'longer probation' },
      { term: 'returnJourneyPaidBy', verifiedValue: 'employer', newValue: 'worker', whyWorse: 'the worker now pays the return journey' },
      { term: 'deductions.Social security', verifiedValue: '75000', newValue: '90000', whyWorse: 'a higher deduction from wages' },
      { term: 'deductions.Uniform', verifiedValue: 'none', newValue: '20000', whyWorse: 'a new deduction from wages' },
    ]);
  });

  it('the employer is told apart by its registration number, not its name', () => {
    expect(terms({ employerName: 'Siam Frozen Foods Company Limited' })).toEqual([]);
  });

  it('the return journey moving to the employer is not substitution', () => {
    expect(detectSubstitution(later({ returnJourneyPaidBy: 'worker' }), later({ returnJourneyPaidBy: 'employer' }))).toEqual([]);
    expect(detectSubstitution(later({ returnJourneyPaidBy: 'worker' }), later({ returnJourneyPaidBy: 'worker' }))).toEqual([]);
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
    expect(terms({ deductions: [{ purpose: '  Social security ', capAmountMinor: 75_000 }] })).toEqual([]);
    expect(terms({ deductions: [{ purpose: 'Socialsecurity', capAmountMinor: 75_000 }] })).toEqual(['deductions.Socialsecurity']);
    expect(terms({ deductions: [{ purpose: 'Social security', capAmountMinor: 90_000 }] })).toEqual(['deductions.Social security']);
    expect(terms({ deductions: [...verified.deductions, { purpose: 'Uniform', capAmountMinor: 20_000 }] })).toEqual(['deductions.Uniform']);
  });

  it('another employer or another occupation is substitution', () => {
    expect(terms({ employerName: 'Other Co.', employerRegistrationNumber: '0105548099999' })).toEqual(['employer']);
    expect(terms({ occupationIsco: '9312' })).toEqual(['occupation']);
  });
});
