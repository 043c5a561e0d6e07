import { IllegalTransitionProblem } from '@corridor/http';
import type { Agency } from './agency.entity';
import { licenceProblem, nextAgencyStatus } from './agency-licence';

const agency = (over: Partial<Agency> = {}): Agency =>
  ({ id: 'a', name: 'n', licenceNumber: 'RA-1', licenceValidFrom: '2026-01-01', licenceValidTo: '2026-12-31', status: 'licensed', statusReason: null, ...over }) as Agency;

describe('agency licence', () => {
  it('is valid on the first and the last day', () => {
    expect(licenceProblem(agency(), '2026-01-01')).toBeUndefined();
    expect(licenceProblem(agency(), '2026-12-31')).toBeUndefined();
  });

  it('says why it is not valid', () => {
    expect(licenceProblem(agency(), '2025-12-31')).toMatch(/not valid until 2026-01-01/);
    expect(licenceProblem(agency(), '2027-01-01')).toMatch(/expired on 2026-12-31/);
    expect(licenceProblem(agency({ status: 'suspended', statusReason: 'fees' }), '2026-06-01')).toMatch(/suspended \(fees\)/);
    expect(licenceProblem(agency({ status: 'revoked' }), '2026-06-01')).toMatch(/revoked/);
  });

  it('moves along licensed ⇄ suspended → revoked and refuses the rest', () => {
    expect(nextAgencyStatus(agency(), 'suspend')).toBe('suspended');
    expect(nextAgencyStatus(agency({ status: 'suspended' }), 'reinstate')).toBe('licensed');
    expect(nextAgencyStatus(agency({ status: 'suspended' }), 'revoke')).toBe('revoked');
    expect(() => nextAgencyStatus(agency(), 'reinstate')).toThrow(IllegalTransitionProblem);
    let thrown: unknown;
    try {
      nextAgencyStatus(agency({ status: 'revoked' }), 'suspend');
    } catch (error) {
      thrown = error;
    }
    // Fails when nothing is thrown, too (an expect inside the catch would not run then).
    expect(thrown).toBeInstanceOf(IllegalTransitionProblem);
    expect((thrown as IllegalTransitionProblem).toProblem()).toMatchObject({ status: 409, currentState: 'revoked', allowedActions: [] });
  });
});
