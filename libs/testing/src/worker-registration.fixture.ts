let documentSequence = 0;

/**
 * A valid body for POST /api/v1/workers on the KH node: a Cambodian worker with consent, and a
 * document number no other test (or parallel run) uses.
 */
export function aWorkerRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> & { documentNumber: string } {
  documentSequence += 1;
  return {
    fullName: 'សុខ ដារ៉ា',
    fullNameLatin: 'Sok Dara',
    sex: 'female',
    birthDate: '1998-04-17',
    nationality: 'KH',
    documentType: 'passport',
    documentNumber: `N${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 100).toString().padStart(2, '0')}${String(documentSequence % 1000).padStart(3, '0')}`,
    documentExpiry: '2031-01-31',
    intendedDestination: 'TH',
    occupationIsco: '9333',
    consentToProcess: true,
    consentToShare: true,
    consentGivenHow: 'signed-form',
    ...overrides,
  };
}
