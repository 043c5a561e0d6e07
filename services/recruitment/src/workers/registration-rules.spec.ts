import { assertRegistrationRules } from './registration-rules';

// 10:00 UTC on 3 December 2026: today is 2026-12-03 in UTC, already 2026-12-04 in UTC+14.
const today = new Date('2026-12-03T10:00:00Z');
const valid = { nationality: 'KH', intendedDestination: 'TH', birthDate: '1998-04-17', documentExpiry: '2031-01-31' };

/** The problem the rules answer with, or undefined when the registration passes. */
function problemOf(changes: Record<string, unknown>, officerCountry = 'KH'): Record<string, unknown> | undefined {
  try {
    assertRegistrationRules({ ...valid, ...changes }, 'KH', officerCountry, today);
  } catch (error) {
    return (error as { toProblem(): Record<string, unknown> }).toProblem();
  }
  return undefined;
}

describe('registration rules', () => {
  it('a registration of a national, by an officer of the node, for another destination passes', () => {
    expect(problemOf({})).toBeUndefined();
    expect(problemOf({ intendedDestination: undefined })).toBeUndefined();
  });

  it('the node registers its own nationals only, by its own officers, for another destination', () => {
    expect(problemOf({ nationality: 'LA' })).toMatchObject({ status: 422, field: 'nationality', detail: 'nationality: this is the KH node, it registers KH nationals only, got LA' });
    const foreign = problemOf({}, 'TH');
    expect(foreign).toMatchObject({ status: 422, detail: 'an officer of TH cannot register workers on the KH node' });
    expect(foreign).not.toHaveProperty('field');
    expect(problemOf({ intendedDestination: 'KH' })).toMatchObject({ field: 'intendedDestination', detail: 'intendedDestination must be another country than the origin' });
  });

  it('the birth date is a past calendar date', () => {
    expect(problemOf({ birthDate: '1998-02-30' })).toMatchObject({ field: 'birthDate', detail: 'birthDate 1998-02-30 is not a past calendar date' });
    expect(problemOf({ birthDate: '2026-12-03' })).toMatchObject({ field: 'birthDate', detail: 'birthDate 2026-12-03 is not a past calendar date' });
  });

  it('the worker is at least 15 on the day of registration (15 today passes, 15 tomorrow does not)', () => {
    expect(problemOf({ birthDate: '2011-12-03' })).toBeUndefined();
    expect(problemOf({ birthDate: '2011-12-04' })).toMatchObject({ field: 'birthDate', detail: 'birthDate: a worker must be at least 15 years old (ILO C138 minimum age for employment)' });
  });

  it('the identity document is valid after today', () => {
    expect(problemOf({ documentExpiry: '2026-12-04' })).toBeUndefined();
    expect(problemOf({ documentExpiry: '2026-12-03' })).toMatchObject({ field: 'documentExpiry', detail: 'documentExpiry 2026-12-03 must be a calendar date after today' });
    expect(problemOf({ documentExpiry: '2031-02-30' })).toMatchObject({ field: 'documentExpiry' });
  });

  it('consent was given on a calendar date, not in the future anywhere, not before birth', () => {
    expect(problemOf({ consentGivenOn: '2026-12-04' })).toBeUndefined();
    expect(problemOf({ consentGivenOn: '1998-04-17' })).toBeUndefined();
    expect(problemOf({ consentGivenOn: '2026-12-05' })).toMatchObject({ field: 'consentGivenOn', detail: 'consentGivenOn 2026-12-05 must be a calendar date not after today' });
    expect(problemOf({ consentGivenOn: '2026-11-31' })).toMatchObject({ field: 'consentGivenOn', detail: 'consentGivenOn 2026-11-31 must be a calendar date not after today' });
    expect(problemOf({ consentGivenOn: '1998-04-16' })).toMatchObject({ field: 'consentGivenOn', detail: 'consentGivenOn 1998-04-16 is before the birth date' });
  });

  it('a phone holds at least 6 digits', () => {
    expect(problemOf({ phone: '+855 12 3' })).toBeUndefined();
    expect(problemOf({ phone: '+855 12' })).toMatchObject({ field: 'phone', detail: 'phone must hold at least 6 digits' });
    expect(problemOf({ phone: '' })).toMatchObject({ field: 'phone' });
  });
});
