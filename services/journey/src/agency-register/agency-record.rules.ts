import { addDays, isoDay } from '@corridor/reference-data';
import { foldJourneys, suppressSmallCells, type StatEvent, type StatTable } from '../statistics/statistics.rules';

/** What the public record counts, in the order it shows them. */
export const RECORD_MEASURES = [
  'placed',
  'fee-breaches',
  'contract-substitutions',
  'grievances-open',
  'grievances-upheld-paid',
  'grievances-upheld-unpaid',
  'grievances-settled',
  'grievances-not-upheld',
  'grievances-withdrawn',
] as const;
export type RecordMeasure = (typeof RECORD_MEASURES)[number];

export interface AgencyRecord {
  from: string;
  to: string;
  minCell: number;
  /** One row per measure: `count` is null (and `suppressed` 1) when fewer than minCell workers are behind it. */
  rows: { measure: RecordMeasure; count: number | null; suppressed: 0 | 1 }[];
}


/**
 * An agency's public record from the events of the journeys it registered or matched, over the
 * twelve months to `today`: workers placed (departed), workers with a fee breach, contract
 * substitutions, grievances filed by their outcome (open while unresolved). Each row is judged by
 * the statistics' small-cell rule on the number of workers behind it, so a record never says
 * anything about one or two workers; a zero is a small cell too.
 */
export function agencyRecord(events: readonly StatEvent[], today: string, minCell: number): AgencyRecord {
  const to = today;
  const from = addDays(today, -365);
  const inWindow = events.filter((e) => {
    const day = isoDay(e.occurredAt);
    return day > from && day <= to;
  });
  const journeys = [...foldJourneys(inWindow).values()];
  const row = (measure: RecordMeasure, persons: number, count = persons) => ({ measure, persons, count });
  const grievances = (outcome: string | null) => {
    const per = journeys.map((j) => [...j.grievances.values()].filter((g) => g.outcome === outcome).length).filter((n) => n > 0);
    return [per.length, per.reduce((a, b) => a + b, 0)] as const;
  };
  const outcomeOf = (measure: RecordMeasure) => (measure === 'grievances-open' ? null : measure.replace('grievances-', ''));
  const table: StatTable = {
    name: 'agency-record',
    title: 'The agency’s record',
    concept: 'counts of workers and of their cases over twelve months',
    unit: 'workers of the agency',
    columns: ['measure', 'persons', 'count'],
    rows: [
      row('placed', journeys.filter((j) => j.departedOn !== null).length),
      row('fee-breaches', journeys.filter((j) => j.feeBreach).length),
      row('contract-substitutions', journeys.filter((j) => j.substitutions.length > 0).length, journeys.reduce((n, j) => n + j.substitutions.length, 0)),
      ...RECORD_MEASURES.filter((m) => m.startsWith('grievances-')).map((m) => row(m, ...grievances(outcomeOf(m)))),
    ],
  };
  const suppressed = suppressSmallCells(table, minCell);
  return {
    from,
    to,
    minCell,
    rows: suppressed.rows.map((r) => ({ measure: r.measure as RecordMeasure, count: r.count === null ? null : Number(r.count), suppressed: r.suppressed ? 1 : 0 })),
  };
}
