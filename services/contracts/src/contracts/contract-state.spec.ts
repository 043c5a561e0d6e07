import { IllegalTransition } from '@corridor/state-machine';
import { CONTRACT_LIFECYCLE, afterAmendment, afterRejection, afterSignature, afterVerification, type ContractProgress } from './contract-state';

const contract = (changes: Partial<ContractProgress>): ContractProgress => ({ id: 'c-1', status: 'draft', signedBy: [], verifiedBy: [], ...changes });
const typeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { type?: string }).type;
  }
  return undefined;
};

describe('contract state machine', () => {
  it('declares state × action → next state', () => {
    expect(CONTRACT_LIFECYCLE.table).toEqual({
      draft: { sign: ['draft', 'signed'] },
      signed: { verify: 'partly-verified', reject: 'draft' },
      'partly-verified': { verify: 'verified', reject: 'draft' },
      verified: { amend: 'draft', 'register-at-destination': 'verified' },
    });
    expect(CONTRACT_LIFECYCLE.allowedActions('verified')).toEqual(['amend', 'register-at-destination']);
  });

  it('a draft is Signed only when both the worker and the employer have signed', () => {
    expect(afterSignature(contract({}), 'worker')).toBe('draft');
    expect(afterSignature(contract({ signedBy: ['worker'] }), 'employer')).toBe('signed');
  });

  it('the same party cannot sign twice in a round', () => {
    expect(typeOf(() => afterSignature(contract({ signedBy: ['worker'] }), 'worker'))).toBe('https://corridor.gms/problems/party-already-signed');
  });

  it('a contract past Draft cannot be signed again: illegal-transition first, whoever signed', () => {
    const signed = contract({ status: 'signed', signedBy: ['worker', 'employer'] });
    expect(typeOf(() => afterSignature(signed, 'worker'))).toBe('https://corridor.gms/problems/illegal-transition');
    expect(CONTRACT_LIFECYCLE.refusal(signed, 'sign')?.detail).toMatch(/^contract c-1 is signed;/);
  });

  it('a signed contract is Verified only when the origin ministry and the destination authority both verified', () => {
    const signed = contract({ status: 'signed', signedBy: ['worker', 'employer'] });
    expect(afterVerification(signed, 'origin')).toBe('partly-verified');
    expect(afterVerification({ ...signed, status: 'partly-verified', verifiedBy: ['origin'] }, 'destination')).toBe('verified');
    expect(afterVerification(signed, 'destination')).toBe('partly-verified');
  });

  it('one side cannot verify twice', () => {
    expect(typeOf(() => afterVerification(contract({ status: 'partly-verified', verifiedBy: ['origin'] }), 'origin'))).toBe('https://corridor.gms/problems/side-already-verified');
  });

  it('an unsigned draft cannot be verified: 409 naming the state and what is allowed', () => {
    expect(() => afterVerification(contract({}), 'origin')).toThrow(IllegalTransition);
    expect(CONTRACT_LIFECYCLE.refusal(contract({}), 'verify')?.toProblem()).toMatchObject({
      type: 'https://corridor.gms/problems/illegal-transition',
      status: 409,
      currentState: 'draft',
      action: 'verify',
      allowedActions: ['sign'],
    });
  });

  it('a rejection sends a signed or partly verified contract back to Draft', () => {
    expect(afterRejection(contract({ status: 'signed' }))).toBe('draft');
    expect(afterRejection(contract({ status: 'partly-verified' }))).toBe('draft');
    expect(() => afterRejection(contract({ status: 'verified' }))).toThrow(IllegalTransition);
  });

  it('only a verified contract is amended (into a new draft version) or registered at destination', () => {
    expect(afterAmendment(contract({ status: 'verified' }))).toBe('draft');
    expect(() => afterAmendment(contract({ status: 'signed' }))).toThrow(IllegalTransition);
    expect(() => CONTRACT_LIFECYCLE.next(contract({ status: 'partly-verified' }), 'register-at-destination')).toThrow(IllegalTransition);
    expect(CONTRACT_LIFECYCLE.next(contract({ status: 'verified' }), 'register-at-destination')).toBe('verified');
  });
});
