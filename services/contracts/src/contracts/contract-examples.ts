/** Examples for the OpenAPI document. */
const TERMS = {
  employerName: 'Siam Frozen Foods Co., Ltd.',
  employerRegistrationNumber: '0105548012345',
  workplaceProvince: 'Samut Sakhon',
  occupationIsco: '9329',
  wage: { amountMinor: 1040000, currency: 'THB' },
  payPeriod: 'month',
  hoursPerDay: 8,
  restDaysPerWeek: 1,
  overtimeRatePercent: 150,
  contractMonths: 24,
  accommodation: 'provided',
  deductions: [{ purpose: 'Social security contribution', capAmountMinor: 75000 }],
  returnJourneyPaidBy: 'employer',
  probationDays: 30,
};

export const CONTRACT_EXAMPLE = {
  contractId: '01937a2f-0c1d-7e8a-b1a2-3c4d5e6f7a8b',
  journeyId: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c',
  workerId: '01937a2e-6a1b-7b3d-8c40-1e0c5e0f0a1b',
  jobOrderId: '01937a1f-2b3c-7d4e-8f50-6a7b8c9d0e1f',
  agencyId: 'AG-1',
  corridor: { origin: 'KH', destination: 'TH' },
  authoredBy: 'KH',
  status: 'partly-verified',
  allowedActions: ['verify', 'reject'],
  version: 1,
  signingRound: 1,
  terms: TERMS,
  clauses: [{ title: 'Annual leave', text: 'Six paid working days of leave after one year of service.' }],
  amendmentReason: null,
  signatures: [
    { kind: 'signature', party: 'worker', signedOn: '2026-11-24', round: 1, recordedBy: { country: 'KH', officer: 'officer-kh-1' }, recordedAt: '2026-11-24T09:00:00.000Z' },
    { kind: 'signature', party: 'employer', signedOn: '2026-11-25', round: 1, recordedBy: { country: 'TH', officer: 'officer-th-1' }, recordedAt: '2026-11-25T09:00:00.000Z' },
  ],
  verifications: [{ kind: 'verification', side: 'origin', round: 1, recordedBy: { country: 'KH', officer: 'officer-kh-1' }, recordedAt: '2026-11-26T09:00:00.000Z' }],
  openFlags: [],
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
};

export const FLAGGED_CONTRACT_EXAMPLE = {
  ...CONTRACT_EXAMPLE,
  status: 'verified',
  allowedActions: ['amend', 'register-at-destination'],
  registrationId: '01937b00-0000-7000-8000-000000000001',
  substitutionFlagId: '01937b00-0000-7000-8000-000000000002',
  openFlags: [
    {
      flagId: '01937b00-0000-7000-8000-000000000002',
      source: 'destination-registration',
      status: 'open',
      verifiedVersion: 1,
      comparedVersion: null,
      registrationId: '01937b00-0000-7000-8000-000000000001',
      changedTerms: [
        { term: 'wage', verifiedValue: '1040000 THB per month', newValue: '900000 THB per month', whyWorse: 'lower wage' },
        { term: 'hoursPerDay', verifiedValue: '8', newValue: '10', whyWorse: 'longer working day' },
      ],
      blocksDeparture: false,
      raisedAt: '2027-02-01T09:00:00.000Z',
      decision: null,
      resolutionReason: null,
    },
  ],
};

export const VERSIONS_EXAMPLE = [
  { version: 1, status: 'verified', current: false, terms: TERMS, clauses: [], amendmentReason: null, createdBy: { country: 'KH', officer: 'officer-kh-1' }, createdAt: '2026-11-23T10:00:00.000Z', verifiedAt: '2026-11-27T09:00:00.000Z', supersededAt: '2026-12-01T09:00:00.000Z', steps: [] },
  { version: 2, status: 'draft', current: true, terms: { ...TERMS, workplaceProvince: 'Chonburi' }, clauses: [], amendmentReason: 'Employer moved the worksite', createdBy: { country: 'TH', officer: 'officer-th-1' }, createdAt: '2026-12-01T09:00:00.000Z', verifiedAt: null, supersededAt: null, steps: [] },
];
