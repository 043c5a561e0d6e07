import { IllegalTransitionProblem } from '@corridor/http';
import { AlreadySigned, AlreadyVerified, afterAmendment, afterRejection, afterSignature, afterVerification, assertContractAction, type ContractProgress } from './contract-state';

const contract = (changes: Partial<ContractProgress>): ContractProgress => ({ id: 'c-1', status: 'draft', signedBy: [], verifiedBy: [], ...changes });

describe('contract state machine', () => {
  it('a draft is Signed only when both the worker and the employer have signed', () => {
    expect(afterSignature(contract({}), 'worker')).toBe('draft');
    expect(afterSignature(contract({ signedBy: ['worker'] }), 'employer')).toBe('signed');
  });

  it('the same party cannot sign twice in a round', () => {
    expect(() => afterSignature(contract({ signedBy: ['worker'] }), 'worker')).toThrow(AlreadySigned);
  });

  it('a signed contract is Verified only when the origin ministry and the destination authority both verified', () => {
    const signed = contract({ status: 'signed', signedBy: ['worker', 'employer'] });
    expect(afterVerification(signed, 'origin')).toBe('partly-verified');
    expect(afterVerification({ ...signed, status: 'partly-verified', verifiedBy: ['origin'] }, 'destination')).toBe('verified');
    expect(afterVerification(signed, 'destination')).toBe('partly-verified');
  });

  it('one side cannot verify twice', () => {
    expect(() => afterVerification(contract({ status: 'partly-verified', verifiedBy: ['origin'] }), 'origin')).toThrow(AlreadyVerified);
  });

  it('an unsigned draft cannot be verified: 409 naming the state and what is allowed', () => {
    let thrown: unknown;
    try {
      afterVerification(contract({}), 'origin');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionProblem);
    expect((thrown as IllegalTransitionProblem).toProblem()).toMatchObject({ status: 409, currentState: 'draft', allowedActions: ['sign'] });
  });

  it('a rejection sends a signed or partly verified contract back to Draft', () => {
    expect(afterRejection(contract({ status: 'signed' }))).toBe('draft');
    expect(afterRejection(contract({ status: 'partly-verified' }))).toBe('draft');
    expect(() => afterRejection(contract({ status: 'verified' }))).toThrow(IllegalTransitionProblem);
  });

  it('only a verified contract is amended (into a new draft version) or registered at destination', () => {
    expect(afterAmendment(contract({ status: 'verified' }))).toBe('draft');
    expect(() => afterAmendment(contract({ status: 'signed' }))).toThrow(IllegalTransitionProblem);
    expect(() => assertContractAction(contract({ status: 'partly-verified' }), 'register-at-destination')).toThrow(IllegalTransitionProblem);
    expect(() => assertContractAction(contract({ status: 'verified' }), 'register-at-destination')).not.toThrow();
  });
});
