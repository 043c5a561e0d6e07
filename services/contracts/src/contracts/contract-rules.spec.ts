import type { Officer } from '@corridor/auth';
import { assertActsForSide, assertNodeIsSide } from './contract-access';
import { assertDeductionsBelowWage } from './draft-contract.usecase';
import type { ContractTerms } from './contract-terms';

const P = 'https://corridor.gms/problems/';
const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { toProblem(): Record<string, unknown> }).toProblem();
  }
  throw new Error('expected a problem');
};

/** What the rule reads of the terms: the wage, its period and the allowed deductions. */
const terms = (deductions: ContractTerms['deductions']): Pick<ContractTerms, 'deductions' | 'wage' | 'payPeriod'> => ({ wage: { amountMinor: 1_040_000, currency: 'THB' }, payPeriod: 'month', deductions });

describe('contract rules on top of the state machine', () => {
  it('deductions that would take the whole wage are refused with deductions-exceed-wage, naming both sums', () => {
    expect(() => assertDeductionsBelowWage(terms([{ purpose: 'Social security', capAmountMinor: 75_000 }]))).not.toThrow();
    expect(problemOf(() => assertDeductionsBelowWage(terms([{ purpose: 'Housing', capAmountMinor: 1_000_000 }, { purpose: 'Food', capAmountMinor: 40_000 }])))).toMatchObject({
      status: 422,
      type: `${P}deductions-exceed-wage`,
      deductionsTotalMinor: 1_040_000,
      wageMinor: 1_040_000,
    });
  });

  it("a step of the other end of the corridor is forbidden-for-side, naming the side and who takes it", () => {
    const contract = { id: 'c-1', origin: 'KH', destination: 'TH' };
    expect(() => assertNodeIsSide({ country: 'TH' }, contract, 'destination', 'contract.register-at-destination')).not.toThrow();
    expect(problemOf(() => assertNodeIsSide({ country: 'KH' }, contract, 'destination', 'contract.register-at-destination'))).toMatchObject({
      status: 403,
      type: `${P}forbidden-for-side`,
      side: 'destination',
      sideCountry: 'TH',
      nodeCountry: 'KH',
    });
  });

  it('a role that does not act for the side is forbidden-for-side, naming the role it needs', () => {
    const agency: Officer = { subject: 's', country: 'KH', agencyId: 'a-1', roles: ['agency-staff'] };
    expect(() => assertActsForSide(agency, 'origin', 'contract.sign')).not.toThrow();
    expect(problemOf(() => assertActsForSide(agency, 'origin', 'contract.decide'))).toMatchObject({ status: 403, type: `${P}forbidden-for-side`, side: 'origin', requiredRole: 'ministry-officer' });
  });
});
