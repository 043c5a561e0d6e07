import type { StatEvent } from '../statistics/statistics.rules';
import { agencyRecord } from './agency-record.rules';

const ev = (journeyId: string, eventType: string, on: string, details: Record<string, unknown> = {}): StatEvent => ({
  journeyId, eventType: `corridor.v1.${eventType}`, occurredAt: new Date(`${on}T09:00:00Z`), origin: 'KH', destination: 'TH', details,
});
const filed = (j: string, id: string, on: string) => ev(j, 'GrievanceFiled', on, { grievanceId: id, category: 'GRIEVANCE_CATEGORY_UNPAID_WAGES', filedOn: on });
const resolved = (j: string, id: string, on: string, outcome: string) => ev(j, 'GrievanceResolved', on, { grievanceId: id, outcome, resolvedOn: on });

/**
 * One agency's journeys, counted by hand for the twelve months to 2026-03-31 (2025-03-31 excluded):
 *  placed: a1, a2, a3, a4 departed in the window; a5 departed 2025-02-01, before it → 4
 *  fee breaches: a1, a2, a3 flagged in the window; a5's breach of 2025-01-10 is older → 3 workers
 *  contract substitutions: a1 twice, a2 and a4 once → 3 workers, 4 substitutions
 *  grievances: settled g1 (a1), g2 (a2), g3 and g4 (a3) → 3 workers, 4 grievances; g5 of a4 still
 *  open → 1 worker; g6 of a5 filed 2025-03-30 is outside the window; nothing else
 * With a smallest cell of 3, "open" (1 worker) and every zero are withheld.
 */
const AGENCY_EVENTS: StatEvent[] = [
  ev('a1', 'WorkerRegistered', '2025-04-01'), ev('a1', 'FeeBreachFlagged', '2025-04-02'), ev('a1', 'DepartureRecorded', '2025-05-01', { departedOn: '2025-05-01' }),
  ev('a1', 'ContractSubstitutionDetected', '2025-06-01'), ev('a1', 'ContractSubstitutionDetected', '2025-07-01'), filed('a1', 'g1', '2025-08-01'), resolved('a1', 'g1', '2025-08-20', 'settled'),
  ev('a2', 'WorkerRegistered', '2025-05-01'), ev('a2', 'FeeBreachFlagged', '2025-05-02'), ev('a2', 'DepartureRecorded', '2025-06-01', { departedOn: '2025-06-01' }),
  ev('a2', 'ContractSubstitutionDetected', '2025-07-01'), filed('a2', 'g2', '2025-09-01'), resolved('a2', 'g2', '2025-09-15', 'settled'),
  ev('a3', 'WorkerRegistered', '2025-06-01'), ev('a3', 'FeeBreachFlagged', '2025-06-02'), ev('a3', 'DepartureRecorded', '2025-07-01', { departedOn: '2025-07-01' }),
  filed('a3', 'g3', '2025-10-01'), resolved('a3', 'g3', '2025-10-10', 'settled'), filed('a3', 'g4', '2025-11-01'), resolved('a3', 'g4', '2025-11-10', 'settled'),
  ev('a4', 'WorkerRegistered', '2026-01-01'), ev('a4', 'DepartureRecorded', '2026-02-01', { departedOn: '2026-02-01' }), ev('a4', 'ContractSubstitutionDetected', '2026-03-01'), filed('a4', 'g5', '2026-03-15'),
  ev('a5', 'WorkerRegistered', '2025-01-01'), ev('a5', 'FeeBreachFlagged', '2025-01-10'), ev('a5', 'DepartureRecorded', '2025-02-01', { departedOn: '2025-02-01' }), filed('a5', 'g6', '2025-03-30'),
];

describe('the public agency record', () => {
  it('counts the twelve months to today as worked out by hand, withholding cells of fewer workers than the smallest cell', () => {
    const record = agencyRecord(AGENCY_EVENTS, '2026-03-31', 3);
    expect({ from: record.from, to: record.to, minCell: record.minCell }).toEqual({ from: '2025-03-31', to: '2026-03-31', minCell: 3 });
    expect(record.rows).toEqual([
      { measure: 'placed', count: 4, suppressed: 0 },
      { measure: 'fee-breaches', count: 3, suppressed: 0 },
      { measure: 'contract-substitutions', count: 4, suppressed: 0 },
      { measure: 'grievances-open', count: null, suppressed: 1 },
      { measure: 'grievances-upheld-paid', count: null, suppressed: 1 },
      { measure: 'grievances-upheld-unpaid', count: null, suppressed: 1 },
      { measure: 'grievances-settled', count: 4, suppressed: 0 },
      { measure: 'grievances-not-upheld', count: null, suppressed: 1 },
      { measure: 'grievances-withdrawn', count: null, suppressed: 1 },
    ]);
  });

  it('is judged on workers, not on cases: four grievances of two workers are withheld at a smallest cell of 3', () => {
    const twoWorkers = AGENCY_EVENTS.filter((e) => ['a1', 'a3'].includes(e.journeyId));
    const settled = agencyRecord(twoWorkers, '2026-03-31', 3).rows.find((r) => r.measure === 'grievances-settled');
    expect(settled).toEqual({ measure: 'grievances-settled', count: null, suppressed: 1 });
    expect(agencyRecord(twoWorkers, '2026-03-31', 2).rows.find((r) => r.measure === 'grievances-settled')).toEqual({ measure: 'grievances-settled', count: 3, suppressed: 0 });
  });

  it('an agency nobody worked with shows every cell withheld, exactly like an unknown one', () => {
    expect(agencyRecord([], '2026-03-31', 5).rows.every((r) => r.count === null && r.suppressed === 1)).toBe(true);
  });
});
