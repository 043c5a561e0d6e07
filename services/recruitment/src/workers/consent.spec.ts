import { consentAtRegistration, disclosureOf, withdrawalOf } from './consent';
import { ConsentAlreadyWithdrawn } from './workers.errors';

const today = new Date('2026-12-03T10:00:00Z');
const registration = { consentToProcess: true, consentToShare: true, consentGivenHow: 'signed-form' as const };

describe('consent at registration', () => {
  it('records consent to share exactly as the worker gave it, false included', () => {
    expect(consentAtRegistration({ ...registration, consentToShare: false }, today)).toEqual({
      consentToProcess: true,
      consentToShare: false,
      consentGivenHow: 'signed-form',
      consentGivenOn: '2026-12-03',
      consentToShareWithdrawnOn: null,
    });
    expect(consentAtRegistration({ ...registration, consentGivenHow: 'thumbprint' }, today)).toMatchObject({ consentToShare: true, consentGivenHow: 'thumbprint' });
  });

  it('keeps the date consent was given on, and takes today when none is named', () => {
    expect(consentAtRegistration({ ...registration, consentGivenOn: '2026-11-20' }, today).consentGivenOn).toBe('2026-11-20');
    expect(consentAtRegistration(registration, today).consentGivenOn).toBe('2026-12-03');
  });
});

describe('what of the person data crosses the border', () => {
  it('the person data sealed for the destination only while consent to share stands', () => {
    expect(disclosureOf({ consentToShare: true, consentToShareWithdrawnOn: null })).toBe('sealed-for-destination');
  });

  it('nothing when consent to share was refused at registration or withdrawn', () => {
    expect(disclosureOf({ consentToShare: false, consentToShareWithdrawnOn: null })).toBe('none');
    expect(disclosureOf({ consentToShare: false, consentToShareWithdrawnOn: '2026-12-01' })).toBe('none');
    // A withdrawal date wins over a flag left true.
    expect(disclosureOf({ consentToShare: true, consentToShareWithdrawnOn: '2026-12-01' })).toBe('none');
  });
});

describe('withdrawing consent to share', () => {
  it('turns consent to share off as of today', () => {
    expect(withdrawalOf({ id: 'w-1', consentToShare: true, consentToShareWithdrawnOn: null }, today)).toEqual({ consentToShare: false, consentToShareWithdrawnOn: '2026-12-03' });
  });

  it('is refused when there is no consent to withdraw, naming when it went', () => {
    const refusal = (worker: { consentToShare: boolean; consentToShareWithdrawnOn: string | null }) => {
      try {
        withdrawalOf({ id: 'w-1', ...worker }, today);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const withdrawn = refusal({ consentToShare: false, consentToShareWithdrawnOn: '2026-12-01' });
    expect(withdrawn).toBeInstanceOf(ConsentAlreadyWithdrawn);
    expect((withdrawn as ConsentAlreadyWithdrawn).toProblem()).toMatchObject({ status: 409, withdrawnOn: '2026-12-01', detail: 'worker w-1 has not consented to share (withdrawn on 2026-12-01)' });
    const neverGiven = refusal({ consentToShare: false, consentToShareWithdrawnOn: null });
    expect((neverGiven as ConsentAlreadyWithdrawn).toProblem()).toMatchObject({ withdrawnOn: null, detail: 'worker w-1 has not consented to share (withdrawn on registration)' });
  });
});
