import { buildTable, foldJourneys, isicSection, median, suppressSmallCells, tableCsv, type JobOrderFact, type Period, type StatEvent } from './statistics.rules';

/** A known set of journeys, every figure of every table worked out by hand below. */
const at = (d: string) => new Date(`${d}T09:00:00Z`);
const ev = (journeyId: string, eventType: string, on: string, details: Record<string, unknown>, destination: string | null = 'TH'): StatEvent => ({ journeyId, eventType: `corridor.v1.${eventType}`, occurredAt: at(on), origin: 'KH', destination, details });
const thb = (amountMinor: number) => ({ amountMinor: String(amountMinor), currency: 'THB' });
const wage = (amountMinor: number) => ({ terms: { wage: thb(amountMinor), payPeriod: 'month', occupationIsco: '' } });
const score = (composite: number) => ({ score: { composite } });

export const KNOWN_EVENTS: StatEvent[] = [
  // J1: female, 9333 in food processing (ISIC 10 → C); fee 200,000 on a wage of 1,000,000 THB; 30 days to departure; returns early after a grievance.
  ev('j1', 'WorkerRegistered', '2025-01-10', { sex: 'SEX_FEMALE', occupationIsco: '9333' }, null),
  ev('j1', 'WorkerMatched', '2025-01-12', { sex: 'SEX_FEMALE', jobOrderId: 'jo1', destination: 'TH', occupationIsco: '9333' }),
  ev('j1', 'FeePaid', '2025-01-13', { amount: thb(200_000) }),
  ev('j1', 'ContractVerified', '2025-01-20', wage(1_000_000)),
  ev('j1', 'DepartureRecorded', '2025-02-09', { departedOn: '2025-02-09' }),
  ev('j1', 'ArrivalConfirmed', '2025-02-10', { arrivedOn: '2025-02-10' }),
  ev('j1', 'WorkPermitIssued', '2025-02-15', { permitId: 'p1', issuedOn: '2025-02-15', expiresOn: '2027-02-14' }),
  ev('j1', 'RemittanceRecorded', '2025-03-01', { sentOn: '2025-03-01', amountSent: thb(1_000_000), fee: thb(30_000), channel: 'REMITTANCE_CHANNEL_BANK' }),
  ev('j1', 'GrievanceFiled', '2025-06-01', { grievanceId: 'g1', category: 'GRIEVANCE_CATEGORY_UNPAID_WAGES', filedOn: '2025-06-01' }),
  ev('j1', 'GrievanceResolved', '2025-06-11', { grievanceId: 'g1', outcome: 'settled', resolvedOn: '2025-06-11' }),
  ev('j1', 'ReturnRecorded', '2025-07-01', { status: 'RETURN_STATUS_HAPPENED', type: 'RETURN_TYPE_EARLY', returnDate: '2025-07-01', returnedFrom: 'TH', sex: 'SEX_FEMALE' }),
  ev('j1', 'ReintegrationCaseOpened', '2025-07-01', { openedOn: '2025-07-01', sex: 'SEX_FEMALE' }, null),
  ev('j1', 'NeedsAssessed', '2025-07-05', score(0.3), null),
  ev('j1', 'ReintegrationPlanRecorded', '2025-07-06', {}, null),
  ev('j1', 'FollowUpRecorded', '2025-08-05', score(0.5), null),
  ev('j1', 'FollowUpRecorded', '2025-09-05', score(0.7), null),
  ev('j1', 'ReintegrationCaseClosed', '2025-09-10', {}, null),
  // J2: male, 7212 in construction (ISIC 41 → F); 450,000 paid on 900,000 (a fee breach); 20 days; a substitution.
  ev('j2', 'WorkerRegistered', '2025-01-01', { sex: 'SEX_MALE', occupationIsco: '7212' }, null),
  ev('j2', 'WorkerMatched', '2025-01-02', { sex: 'SEX_MALE', jobOrderId: 'jo2', destination: 'TH', occupationIsco: '7212' }),
  ev('j2', 'FeePaid', '2025-01-03', { amount: thb(450_000) }),
  ev('j2', 'FeeBreachFlagged', '2025-01-03', {}),
  ev('j2', 'ContractDrafted', '2025-01-05', wage(900_000)),
  ev('j2', 'DepartureRecorded', '2025-01-21', { departedOn: '2025-01-21' }),
  ev('j2', 'ArrivalConfirmed', '2025-01-22', { arrivedOn: '2025-01-22' }),
  ev('j2', 'WorkPermitIssued', '2025-01-25', { permitId: 'p2', issuedOn: '2025-01-25', expiresOn: '2027-01-24' }),
  ev('j2', 'ContractSubstitutionDetected', '2025-03-01', {}),
  ev('j2', 'RemittanceRecorded', '2025-03-01', { sentOn: '2025-03-01', amountSent: thb(500_000), fee: thb(25_000), channel: 'REMITTANCE_CHANNEL_MOBILE_MONEY' }),
  // J3: female, 9333 (jo1); 100,000 on 1,000,000; 30 days; no permit yet.
  ev('j3', 'WorkerRegistered', '2025-02-01', { sex: 'SEX_FEMALE', occupationIsco: '9333' }, null),
  ev('j3', 'WorkerMatched', '2025-02-02', { sex: 'SEX_FEMALE', jobOrderId: 'jo1', destination: 'TH', occupationIsco: '9333' }),
  ev('j3', 'FeePaid', '2025-02-03', { amount: thb(100_000) }),
  ev('j3', 'ContractVerified', '2025-02-10', wage(1_000_000)),
  ev('j3', 'DepartureRecorded', '2025-03-03', { departedOn: '2025-03-03' }),
  ev('j3', 'ArrivalConfirmed', '2025-03-04', { arrivedOn: '2025-03-04' }),
  ev('j3', 'RemittanceRecorded', '2025-04-01', { sentOn: '2025-04-01', amountSent: thb(1_000_000), fee: thb(20_000), channel: 'REMITTANCE_CHANNEL_BANK' }),
  // J4: a male irregular returnee from Malaysia in a mass return, assessed.
  ev('j4', 'ReturneeRecordOpened', '2025-05-05', { sex: 'SEX_MALE', returnedFrom: 'MY' }, null),
  ev('j4', 'ReturnRecorded', '2025-05-05', { status: 'RETURN_STATUS_HAPPENED', type: 'RETURN_TYPE_MASS_RETURN', returnDate: '2025-05-05', returnedFrom: 'MY', sex: 'SEX_MALE' }, null),
  ev('j4', 'ReintegrationCaseOpened', '2025-05-05', { openedOn: '2025-05-05', sex: 'SEX_MALE' }, null),
  ev('j4', 'NeedsAssessed', '2025-05-10', score(0.4), null),
];

export const KNOWN_JOB_ORDERS = new Map<string, JobOrderFact>([
  ['jo1', { jobOrderId: 'jo1', sectorIsic: '10', occupationIsco: '9333' }],
  ['jo2', { jobOrderId: 'jo2', sectorIsic: '41', occupationIsco: '7212' }],
]);

export const YEAR_2025: Period = { from: '2025-01-01', to: '2025-12-31', referenceDate: '2025-04-01' };

/** Every table's rows for 2025, worked out by hand (persons, then the measures). */
export const EXPECTED_2025: Record<string, Record<string, unknown>[]> = {
  outflows: [
    { destination: 'TH', iscoMajorGroup: '7', isicSection: 'F', sex: 'male', persons: 1, departures: 1 },
    { destination: 'TH', iscoMajorGroup: '7', isicSection: 'F', sex: 'total', persons: 1, departures: 1 },
    { destination: 'TH', iscoMajorGroup: '9', isicSection: 'C', sex: 'female', persons: 2, departures: 2 },
    { destination: 'TH', iscoMajorGroup: '9', isicSection: 'C', sex: 'total', persons: 2, departures: 2 },
  ],
  inflows: [
    { origin: 'KH', sex: 'female', persons: 2, arrivals: 2 },
    { origin: 'KH', sex: 'male', persons: 1, arrivals: 1 },
    { origin: 'KH', sex: 'total', persons: 3, arrivals: 3 },
  ],
  // On 1 April 2025 all three are abroad (J1 returns in July).
  'stock-abroad': [
    { destination: 'TH', sex: 'female', persons: 2, workersAbroad: 2 },
    { destination: 'TH', sex: 'male', persons: 1, workersAbroad: 1 },
    { destination: 'TH', sex: 'total', persons: 3, workersAbroad: 3 },
  ],
  // J3 has no permit.
  'stock-with-permit': [
    { origin: 'KH', sex: 'female', persons: 1, workersWithPermit: 1 },
    { origin: 'KH', sex: 'male', persons: 1, workersWithPermit: 1 },
    { origin: 'KH', sex: 'total', persons: 2, workersWithPermit: 2 },
  ],
  returns: [
    { returnType: 'early', returnedFrom: 'TH', sex: 'female', persons: 1, returns: 1 },
    { returnType: 'early', returnedFrom: 'TH', sex: 'total', persons: 1, returns: 1 },
    { returnType: 'mass-return', returnedFrom: 'MY', sex: 'male', persons: 1, returns: 1 },
    { returnType: 'mass-return', returnedFrom: 'MY', sex: 'total', persons: 1, returns: 1 },
  ],
  // 30 and 30 days for the women, 20 for the man: medians 30, 20, and 30 of (20, 30, 30).
  'days-to-departure': [
    { destination: 'TH', sex: 'female', persons: 2, medianDays: 30 },
    { destination: 'TH', sex: 'male', persons: 1, medianDays: 20 },
    { destination: 'TH', sex: 'total', persons: 3, medianDays: 30 },
  ],
  // Women 200,000 and 100,000 (median 150,000, none above the cap); the man 450,000 (above); all: median 200,000, 1 of 3 above.
  'recruitment-fees': [
    { corridor: 'KH-TH', currency: 'THB', sex: 'female', persons: 2, medianFeeMinor: 150_000, shareAboveCap: 0 },
    { corridor: 'KH-TH', currency: 'THB', sex: 'male', persons: 1, medianFeeMinor: 450_000, shareAboveCap: 1 },
    { corridor: 'KH-TH', currency: 'THB', sex: 'total', persons: 3, medianFeeMinor: 200_000, shareAboveCap: 0.3333 },
  ],
  // 200,000/1,000,000 = 0.2 and 0.1 (median 0.15); 450,000/900,000 = 0.5; all: median of (0.1, 0.2, 0.5) = 0.2.
  'sdg-10-7-1': [
    { corridor: 'KH-TH', sex: 'female', persons: 2, medianCostToMonthlyEarnings: 0.15 },
    { corridor: 'KH-TH', sex: 'male', persons: 1, medianCostToMonthlyEarnings: 0.5 },
    { corridor: 'KH-TH', sex: 'total', persons: 3, medianCostToMonthlyEarnings: 0.2 },
  ],
  grievances: [
    { category: 'unpaid-wages', outcome: 'settled', sex: 'female', persons: 1, grievances: 1, medianDaysToResolve: 10 },
    { category: 'unpaid-wages', outcome: 'settled', sex: 'total', persons: 1, grievances: 1, medianDaysToResolve: 10 },
  ],
  'contract-substitutions': [
    { destination: 'TH', sex: 'male', persons: 1, substitutions: 1 },
    { destination: 'TH', sex: 'total', persons: 1, substitutions: 1 },
  ],
  // Bank: 30,000/1,000,000 = 3 % and 20,000/1,000,000 = 2 %, mean 2.5 %; mobile money 25,000/500,000 = 5 %.
  'sdg-10-c-1': [
    { corridor: 'KH-TH', channel: 'bank', sex: 'female', persons: 2, remittances: 2, meanCostShare: 0.025 },
    { corridor: 'KH-TH', channel: 'bank', sex: 'total', persons: 2, remittances: 2, meanCostShare: 0.025 },
    { corridor: 'KH-TH', channel: 'mobile-money', sex: 'male', persons: 1, remittances: 1, meanCostShare: 0.05 },
    { corridor: 'KH-TH', channel: 'mobile-money', sex: 'total', persons: 1, remittances: 1, meanCostShare: 0.05 },
  ],
  // J4 assessed at 0.4, no follow-up; J1 closed: 0.3 at assessment, 0.7 at the last follow-up.
  'reintegration-cases': [
    { status: 'assessed', sex: 'male', persons: 1, cases: 1, medianScoreAtAssessment: 0.4, medianScoreAtLastFollowUp: null },
    { status: 'assessed', sex: 'total', persons: 1, cases: 1, medianScoreAtAssessment: 0.4, medianScoreAtLastFollowUp: null },
    { status: 'closed', sex: 'female', persons: 1, cases: 1, medianScoreAtAssessment: 0.3, medianScoreAtLastFollowUp: 0.7 },
    { status: 'closed', sex: 'total', persons: 1, cases: 1, medianScoreAtAssessment: 0.3, medianScoreAtLastFollowUp: 0.7 },
  ],
};

describe('labour-migration statistics from the events (worked by hand)', () => {
  const journeys = foldJourneys(KNOWN_EVENTS);

  it.each(Object.keys(EXPECTED_2025))('%s: every row as worked out by hand', (name) => {
    expect(buildTable(name, journeys, YEAR_2025, KNOWN_JOB_ORDERS).rows).toEqual(EXPECTED_2025[name]);
  });

  it('the stock abroad on 1 August 2025 no longer counts the woman who returned in July', () => {
    const rows = buildTable('stock-abroad', journeys, { ...YEAR_2025, referenceDate: '2025-08-01' }, KNOWN_JOB_ORDERS).rows;
    expect(rows.find((r) => r.sex === 'female')).toMatchObject({ workersAbroad: 1 });
  });

  it('a period without the events gives empty tables', () => {
    expect(buildTable('outflows', journeys, { from: '2024-01-01', to: '2024-12-31', referenceDate: '2024-12-31' }, KNOWN_JOB_ORDERS).rows).toEqual([]);
  });

  it('small cells are withheld: fewer persons than the threshold, every measure null and suppressed = 1', () => {
    const table = suppressSmallCells(buildTable('inflows', journeys, YEAR_2025, KNOWN_JOB_ORDERS), 2);
    expect(table.rows).toEqual([
      { origin: 'KH', sex: 'female', persons: 2, arrivals: 2, suppressed: 0 },
      { origin: 'KH', sex: 'male', persons: null, arrivals: null, suppressed: 1 },
      { origin: 'KH', sex: 'total', persons: 3, arrivals: 3, suppressed: 0 },
    ]);
    expect(tableCsv(table)).toBe('origin,sex,persons,arrivals,suppressed\nKH,female,2,2,0\nKH,male,,,1\nKH,total,3,3,0\n');
  });

  it('a composite of 0 (left out of the proto3 JSON at its default) is a score; -1 or no score at all is not scored', () => {
    const scored = (journeyId: string, score: Record<string, unknown> | undefined) => [
      ev(journeyId, 'ReintegrationCaseOpened', '2025-05-05', { openedOn: '2025-05-05', sex: 'SEX_MALE' }, null),
      ev(journeyId, 'NeedsAssessed', '2025-05-10', score ? { score } : {}, null),
    ];
    const facts = foldJourneys([...scored('zero', { weightsVersion: '2026-1' }), ...scored('minus-one', { composite: -1, weightsVersion: '2026-1' }), ...scored('none', undefined)]);
    expect(['zero', 'minus-one', 'none'].map((id) => facts.get(id)!.reintegration!.assessment)).toEqual([0, null, null]);
  });

  it('medians of even counts average the middle two; ISIC divisions map to their sections', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect([isicSection('01'), isicSection('10'), isicSection('41'), isicSection('97'), isicSection('')]).toEqual(['A', 'C', 'F', 'T', 'unknown']);
  });
});
