import { daysBetween, isoDay } from '@corridor/reference-data';

/**
 * Labour-migration statistics from the events a node received (docs/statistics.md): a pure fold
 * of the events into one record of facts per journey, then one function per table. Every table is
 * broken down by sex (female, male, other, unknown, and total), reproducible for any period, and
 * the same events always give the same tables: the rebuild command proves it.
 */

/** One event as the journey read model holds it: its type, journey, time and payload as JSON. */
export interface StatEvent {
  journeyId: string;
  eventType: string;
  occurredAt: Date;
  origin: string;
  destination: string | null;
  details: Record<string, unknown>;
}

/** A job order as its JobOrderCreated event described it: the sector of the journeys matched to it. */
export interface JobOrderFact {
  jobOrderId: string;
  sectorIsic: string;
  occupationIsco: string;
}

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface JourneyFacts {
  journeyId: string;
  origin: string;
  destination: string | null;
  sex: string;
  registeredOn: string | null;
  occupationIsco: string | null;
  jobOrderId: string | null;
  departedOn: string | null;
  arrivedOn: string | null;
  permits: { issuedOn: string; expiresOn: string; permitId: string }[];
  returned: { on: string; type: string; from: string } | null;
  fees: Money[];
  feeBreach: boolean;
  monthlyWage: Money | null;
  substitutions: string[];
  grievances: Map<string, { category: string; filedOn: string; outcome: string | null; resolvedOn: string | null }>;
  remittances: { sentOn: string; sent: Money; fee: Money; channel: string }[];
  reintegration: { status: string; openedOn: string; assessment: number | null; lastFollowUp: number | null } | null;
}

const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const enumTail = (v: unknown, prefix: string) => str(v).replace(prefix, '').toLowerCase().replace(/_/g, '-');
const money = (v: unknown): Money | null => {
  const m = v as { amountMinor?: string | number; currency?: string } | undefined;
  return m && m.currency ? { amountMinor: Number(m.amountMinor ?? 0), currency: m.currency } : null;
};
const sexOf = (v: unknown) => {
  const s = enumTail(v, 'SEX_');
  return (SEXES as readonly string[]).includes(s) && s !== 'unknown' ? s : null;
};

/** Folds the events (in the order they occurred) into one record of facts per journey. */
export function foldJourneys(events: readonly StatEvent[]): Map<string, JourneyFacts> {
  const journeys = new Map<string, JourneyFacts>();
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.journeyId.localeCompare(b.journeyId));
  for (const e of sorted) {
    let j = journeys.get(e.journeyId);
    if (!j) {
      j = {
        journeyId: e.journeyId, origin: e.origin, destination: e.destination, sex: 'unknown', registeredOn: null, occupationIsco: null, jobOrderId: null,
        departedOn: null, arrivedOn: null, permits: [], returned: null, fees: [], feeBreach: false, monthlyWage: null, substitutions: [], grievances: new Map(), remittances: [], reintegration: null,
      };
      journeys.set(e.journeyId, j);
    }
    j.destination ??= e.destination;
    const d = e.details;
    const sex = sexOf(d.sex);
    if (sex) j.sex = sex;
    const type = e.eventType.replace('corridor.v1.', '');
    switch (type) {
      case 'WorkerRegistered':
        j.registeredOn ??= isoDay(e.occurredAt);
        j.occupationIsco ??= str(d.occupationIsco) || null;
        break;
      case 'WorkerMatched':
        j.jobOrderId = str(d.jobOrderId) || j.jobOrderId;
        j.occupationIsco = str(d.occupationIsco) || j.occupationIsco;
        j.destination = str(d.destination) || j.destination;
        break;
      case 'WorkerNominated':
        j.destination = str(d.destination) || j.destination;
        break;
      case 'ContractDrafted':
      case 'ContractVerified':
      case 'ContractAmended': {
        const terms = (d.terms ?? {}) as Record<string, unknown>;
        const wage = money(terms.wage);
        // The wage of the latest terms: amendments replace it. Monthly earnings only from a monthly wage.
        if (wage && str(terms.payPeriod) === 'month') j.monthlyWage = wage;
        j.occupationIsco = str(terms.occupationIsco) || j.occupationIsco;
        break;
      }
      case 'ContractSubstitutionDetected':
        j.substitutions.push(isoDay(e.occurredAt));
        break;
      case 'FeePaid': {
        const amount = money(d.amount);
        if (amount) j.fees.push(amount);
        break;
      }
      case 'FeeBreachFlagged':
        j.feeBreach = true;
        break;
      case 'DepartureRecorded':
        j.departedOn ??= str(d.departedOn) || null;
        break;
      case 'ArrivalConfirmed':
        j.arrivedOn ??= str(d.arrivedOn) || null;
        break;
      case 'WorkPermitIssued':
        j.permits.push({ permitId: str(d.permitId), issuedOn: str(d.issuedOn), expiresOn: str(d.expiresOn) });
        break;
      case 'WorkPermitExtended': {
        const permit = j.permits.find((p) => p.permitId === str(d.permitId));
        if (permit) permit.expiresOn = str(d.expiresOn);
        break;
      }
      case 'ReturnRecorded':
        if (str(d.status) === 'RETURN_STATUS_HAPPENED') j.returned = { on: str(d.returnDate), type: enumTail(d.type, 'RETURN_TYPE_'), from: str(d.returnedFrom) || j.destination || '' };
        break;
      case 'GrievanceFiled':
        j.grievances.set(str(d.grievanceId), { category: enumTail(d.category, 'GRIEVANCE_CATEGORY_'), filedOn: str(d.filedOn), outcome: null, resolvedOn: null });
        break;
      case 'GrievanceResolved': {
        const g = j.grievances.get(str(d.grievanceId));
        if (g) Object.assign(g, { outcome: str(d.outcome), resolvedOn: str(d.resolvedOn) });
        break;
      }
      case 'RemittanceRecorded': {
        const sent = money(d.amountSent);
        const fee = money(d.fee);
        if (sent && fee && sent.amountMinor > 0) j.remittances.push({ sentOn: str(d.sentOn), sent, fee, channel: enumTail(d.channel, 'REMITTANCE_CHANNEL_') });
        break;
      }
      case 'ReintegrationCaseOpened':
        j.reintegration = { status: 'open', openedOn: str(d.openedOn), assessment: null, lastFollowUp: null };
        break;
      case 'NeedsAssessed':
        if (j.reintegration) {
          if (j.reintegration.status === 'open') j.reintegration.status = 'assessed';
          j.reintegration.assessment ??= composite(d);
        }
        break;
      case 'ReintegrationPlanRecorded':
        if (j.reintegration && j.reintegration.status !== 'closed') j.reintegration.status = 'planned';
        break;
      case 'FollowUpRecorded':
        if (j.reintegration) j.reintegration.lastFollowUp = composite(d) ?? j.reintegration.lastFollowUp;
        break;
      case 'ReintegrationCaseClosed':
        if (j.reintegration) j.reintegration.status = 'closed';
        break;
      case 'ReintegrationCaseReopened':
        if (j.reintegration) j.reintegration.status = j.reintegration.assessment === null ? 'open' : 'assessed';
        break;
    }
  }
  return journeys;
}

/**
 * The composite of a scored event; null when not scored (-1 on the wire) or without a score. The
 * details are the payload's proto3 JSON, which leaves out a field at its default: a score whose
 * composite is absent is a composite of 0 (every answer at the bottom of its scale).
 */
function composite(d: Record<string, unknown>): number | null {
  const score = d.score as { composite?: number } | undefined;
  if (!score) return null;
  const value = score.composite ?? 0;
  return typeof value === 'number' && value >= 0 ? value : null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (x: number | null, places = 4) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);
const within = (on: string | null | undefined, p: Period) => !!on && on >= p.from && on <= p.to;

/** ISCO-08 major group: the first digit of the code. */
export const iscoMajorGroup = (code: string | null) => (code ? code.slice(0, 1) : 'unknown');

/** ISIC Rev.4 section of a division (2 digits). */
const ISIC_SECTIONS: [number, number, string][] = [
  [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'], [45, 47, 'G'], [49, 53, 'H'], [55, 56, 'I'], [58, 63, 'J'], [64, 66, 'K'],
  [68, 68, 'L'], [69, 75, 'M'], [77, 82, 'N'], [84, 84, 'O'], [85, 85, 'P'], [86, 88, 'Q'], [90, 93, 'R'], [94, 96, 'S'], [97, 98, 'T'], [99, 99, 'U'],
];
export function isicSection(division: string | null | undefined): string {
  const n = Number((division ?? '').slice(0, 2));
  return ISIC_SECTIONS.find(([lo, hi]) => n >= lo && n <= hi)?.[2] ?? 'unknown';
}

export interface Period {
  from: string;
  to: string;
  /** For stocks: the day they are counted on (default: `to`). */
  referenceDate: string;
}

/** A table: its columns in order (the CSV header), one row per group and sex. */
export interface StatTable {
  name: string;
  title: string;
  /** The ILO 20th ICLS (2018) concept (or SDG indicator) the table follows. */
  concept: string;
  /** Who is counted in `persons`, the number small cells are judged on. */
  unit: string;
  columns: string[];
  rows: Record<string, string | number | null>[];
}

/** Rows for each group and sex, plus a total over the sexes; each group's persons counted for suppression. */
function bySex<T>(
  items: readonly T[],
  groupOf: (item: T) => Record<string, string>,
  sexOf: (item: T) => string,
  personOf: (item: T) => string,
  measures: (items: T[]) => Record<string, number | null>,
): Record<string, string | number | null>[] {
  const groups = new Map<string, { group: Record<string, string>; items: T[] }>();
  for (const item of items) {
    const group = groupOf(item);
    for (const sex of [sexOf(item), 'total']) {
      const key = JSON.stringify({ ...group, sex });
      const entry = groups.get(key) ?? { group: { ...group, sex }, items: [] };
      entry.items.push(item);
      groups.set(key, entry);
    }
  }
  return [...groups.values()]
    .map(({ group, items: its }) => ({ ...group, persons: new Set(its.map(personOf)).size, ...measures(its) }))
    .sort((a, b) => JSON.stringify(Object.values(a).slice(0, -1)).localeCompare(JSON.stringify(Object.values(b).slice(0, -1))));
}

const ORDERED = (groupColumns: string[], measureColumns: string[]) => [...groupColumns, 'sex', 'persons', ...measureColumns];

type Builder = (journeys: JourneyFacts[], p: Period, jobOrders: Map<string, JobOrderFact>) => Omit<StatTable, 'name' | 'title' | 'concept' | 'unit'>;

interface TableSpec {
  title: string;
  concept: string;
  unit: string;
  build: Builder;
}

const ILO_2018 = 'ILO Guidelines concerning statistics of international labour migration (20th ICLS, 2018)';
const sexOfJourney = (j: JourneyFacts) => j.sex;
const idOf = (j: { journeyId: string }) => j.journeyId;

export const STATISTIC_TABLES: Record<string, TableSpec> = {
  outflows: {
    title: 'Outflows of nationals for employment abroad, by destination, occupation (ISCO-08 major group) and sector (ISIC Rev.4 section)',
    concept: `${ILO_2018}: international migrant workers — outflow of nationals leaving for work abroad (for-work international migrants), counted at departure`,
    unit: 'workers who departed in the period',
    build: (js, p, jobOrders) => ({
      columns: ORDERED(['destination', 'iscoMajorGroup', 'isicSection'], ['departures']),
      rows: bySex(
        js.filter((j) => within(j.departedOn, p)),
        (j) => ({ destination: j.destination ?? 'unknown', iscoMajorGroup: iscoMajorGroup(j.occupationIsco), isicSection: isicSection(j.jobOrderId ? jobOrders.get(j.jobOrderId)?.sectorIsic : null) }),
        sexOfJourney, idOf, (its) => ({ departures: its.length }),
      ),
    }),
  },
  inflows: {
    title: 'Inflows of migrant workers at destination, by origin, counted at arrival confirmation',
    concept: `${ILO_2018}: international migrant workers — inflow of for-work international migrants, counted at the destination's arrival confirmation`,
    unit: 'workers whose arrival was confirmed in the period',
    build: (js, p) => ({
      columns: ORDERED(['origin'], ['arrivals']),
      rows: bySex(js.filter((j) => within(j.arrivedOn, p)), (j) => ({ origin: j.origin }), sexOfJourney, idOf, (its) => ({ arrivals: its.length })),
    }),
  },
  'stock-abroad': {
    title: 'Stock of nationals working abroad at the reference date (departed, arrival confirmed, not returned), by destination',
    concept: `${ILO_2018}: international migrant workers — stock of nationals working abroad (for-work international migrants) at a reference date`,
    unit: 'workers abroad on the reference date',
    build: (js, p) => ({
      columns: ORDERED(['destination'], ['workersAbroad']),
      rows: bySex(
        js.filter((j) => j.departedOn && j.departedOn <= p.referenceDate && j.arrivedOn && j.arrivedOn <= p.referenceDate && !(j.returned && j.returned.on <= p.referenceDate)),
        (j) => ({ destination: j.destination ?? 'unknown' }), sexOfJourney, idOf, (its) => ({ workersAbroad: its.length }),
      ),
    }),
  },
  'stock-with-permit': {
    title: 'Stock of migrant workers at destination with a valid work permit at the reference date, by origin',
    concept: `${ILO_2018}: international migrant workers — stock of migrant workers employed in the country, restricted to those with a valid work permit`,
    unit: 'workers with a permit valid on the reference date, not returned',
    build: (js, p) => ({
      columns: ORDERED(['origin'], ['workersWithPermit']),
      rows: bySex(
        js.filter((j) => j.permits.some((x) => x.issuedOn <= p.referenceDate && p.referenceDate <= x.expiresOn) && !(j.returned && j.returned.on <= p.referenceDate)),
        (j) => ({ origin: j.origin }), sexOfJourney, idOf, (its) => ({ workersWithPermit: its.length }),
      ),
    }),
  },
  returns: {
    title: 'Returns of migrant workers, by type of return and country returned from',
    concept: `${ILO_2018}: return international migrant workers — nationals who returned in the period after working abroad`,
    unit: 'workers who returned in the period',
    build: (js, p) => ({
      columns: ORDERED(['returnType', 'returnedFrom'], ['returns']),
      rows: bySex(js.filter((j) => within(j.returned?.on, p)), (j) => ({ returnType: j.returned!.type, returnedFrom: j.returned!.from || 'unknown' }), sexOfJourney, idOf, (its) => ({ returns: its.length })),
    }),
  },
  'days-to-departure': {
    title: 'Median days from registration to departure, by destination (departures in the period)',
    concept: `${ILO_2018}: international migrant workers (outflow) — a process indicator of the recruitment stage`,
    unit: 'workers who departed in the period, registered at this node',
    build: (js, p) => ({
      columns: ORDERED(['destination'], ['medianDays']),
      rows: bySex(
        js.filter((j) => j.registeredOn && within(j.departedOn, p)),
        (j) => ({ destination: j.destination ?? 'unknown' }), sexOfJourney, idOf,
        (its) => ({ medianDays: median(its.map((j) => daysBetween(j.registeredOn!, j.departedOn!))) }),
      ),
    }),
  },
  'recruitment-fees': {
    title: 'Recruitment fees paid by workers, per corridor and currency: median total paid, and share above the corridor cap',
    concept: `${ILO_2018}: international migrant workers — recruitment costs borne by the worker (ILO General principles for fair recruitment); the cap is the corridor's, as the recruitment service applied it (a fee-breach flag)`,
    unit: 'workers who paid any fee, by the day they registered in the period (all registered when registration is not seen)',
    build: (js, p) => ({
      columns: ORDERED(['corridor', 'currency'], ['medianFeeMinor', 'shareAboveCap']),
      rows: bySex(
        js.filter((j) => j.fees.length && (j.registeredOn ? within(j.registeredOn, p) : true)).flatMap((j) => [...new Set(j.fees.map((f) => f.currency))].map((currency) => ({ j, currency, total: j.fees.filter((f) => f.currency === currency).reduce((s, f) => s + f.amountMinor, 0) }))),
        ({ j, currency }) => ({ corridor: `${j.origin}-${j.destination ?? ''}`, currency }), ({ j }) => j.sex, ({ j }) => j.journeyId,
        (its) => ({ medianFeeMinor: median(its.map((i) => i.total)), shareAboveCap: round(its.filter((i) => i.j.feeBreach).length / its.length) }),
      ),
    }),
  },
  'sdg-10-7-1': {
    title: 'SDG 10.7.1: recruitment cost borne by the worker as a share of monthly earnings at destination (the contract wage), median per corridor',
    concept: 'SDG indicator 10.7.1 (ILO/World Bank method: recruitment costs / monthly earnings), for workers with both, in the same currency; the population is international migrant workers (20th ICLS, 2018)',
    unit: 'workers with fees and a monthly contract wage in the same currency',
    build: (js, p) => ({
      columns: ORDERED(['corridor'], ['medianCostToMonthlyEarnings']),
      rows: bySex(
        js.filter((j) => j.monthlyWage && j.monthlyWage.amountMinor > 0 && j.fees.some((f) => f.currency === j.monthlyWage!.currency) && (j.registeredOn ? within(j.registeredOn, p) : true)),
        (j) => ({ corridor: `${j.origin}-${j.destination ?? ''}` }), sexOfJourney, idOf,
        (its) => ({ medianCostToMonthlyEarnings: round(median(its.map((j) => j.fees.filter((f) => f.currency === j.monthlyWage!.currency).reduce((s, f) => s + f.amountMinor, 0) / j.monthlyWage!.amountMinor))) }),
      ),
    }),
  },
  grievances: {
    title: 'Grievances by category and outcome (filed in the period), with the median days to resolve',
    concept: `${ILO_2018}: international migrant workers — a protection indicator of the platform (no ICLS table of its own)`,
    unit: 'workers with a grievance filed in the period',
    build: (js, p) => ({
      columns: ORDERED(['category', 'outcome'], ['grievances', 'medianDaysToResolve']),
      rows: bySex(
        js.flatMap((j) => [...j.grievances.values()].filter((g) => within(g.filedOn, p)).map((g) => ({ j, g }))),
        ({ g }) => ({ category: g.category, outcome: g.outcome ?? 'unresolved' }), ({ j }) => j.sex, ({ j }) => j.journeyId,
        (its) => ({ grievances: its.length, medianDaysToResolve: median(its.filter((i) => i.g.resolvedOn).map((i) => daysBetween(i.g.filedOn, i.g.resolvedOn!))) }),
      ),
    }),
  },
  'contract-substitutions': {
    title: 'Contract substitutions detected in the period, by destination',
    concept: `${ILO_2018}: international migrant workers — a protection indicator of the platform (no ICLS table of its own)`,
    unit: 'workers with a substitution detected in the period',
    build: (js, p) => ({
      columns: ORDERED(['destination'], ['substitutions']),
      rows: bySex(
        js.flatMap((j) => j.substitutions.filter((on) => within(on, p)).map((on) => ({ j, on }))),
        ({ j }) => ({ destination: j.destination ?? 'unknown' }), ({ j }) => j.sex, ({ j }) => j.journeyId, (its) => ({ substitutions: its.length }),
      ),
    }),
  },
  'sdg-10-c-1': {
    title: 'SDG 10.c.1: remittance cost as a share of the amount sent, per corridor and channel (mean over the remittances sent in the period)',
    concept: 'SDG indicator 10.c.1 (remittance costs as a proportion of the amount remitted), for remittances of international migrant workers (20th ICLS, 2018)',
    unit: 'workers who sent a remittance in the period',
    build: (js, p) => ({
      columns: ORDERED(['corridor', 'channel'], ['remittances', 'meanCostShare']),
      rows: bySex(
        js.flatMap((j) => j.remittances.filter((r) => within(r.sentOn, p)).map((r) => ({ j, r }))),
        ({ j, r }) => ({ corridor: `${j.origin}-${j.destination ?? ''}`, channel: r.channel }), ({ j }) => j.sex, ({ j }) => j.journeyId,
        (its) => ({ remittances: its.length, meanCostShare: round(its.reduce((s, i) => s + i.r.fee.amountMinor / i.r.sent.amountMinor, 0) / its.length) }),
      ),
    }),
  },
  'reintegration-cases': {
    title: 'Reintegration cases by status, with the median sustainability score at assessment and at the last follow-up',
    concept: `${ILO_2018}: return international migrant workers — reintegration of returnees (score: docs/sustainability-score.md)`,
    unit: 'returnees with a case opened up to the end of the period',
    build: (js, p) => ({
      columns: ORDERED(['status'], ['cases', 'medianScoreAtAssessment', 'medianScoreAtLastFollowUp']),
      rows: bySex(
        js.filter((j) => j.reintegration && j.reintegration.openedOn <= p.to),
        (j) => ({ status: j.reintegration!.status }), sexOfJourney, idOf,
        (its) => ({
          cases: its.length,
          medianScoreAtAssessment: round(median(its.map((j) => j.reintegration!.assessment).filter((x): x is number => x !== null))),
          medianScoreAtLastFollowUp: round(median(its.map((j) => j.reintegration!.lastFollowUp).filter((x): x is number => x !== null))),
        }),
      ),
    }),
  },
};

export type StatTableName = keyof typeof STATISTIC_TABLES;

/** One table for a period, before suppression. */
export function buildTable(name: string, journeys: Map<string, JourneyFacts>, period: Period, jobOrders: Map<string, JobOrderFact>): StatTable {
  const spec = STATISTIC_TABLES[name];
  const built = spec.build([...journeys.values()], period, jobOrders);
  return { name, title: spec.title, concept: spec.concept, unit: spec.unit, ...built };
}

/**
 * Small cells: a row about fewer than `threshold` persons could identify a worker, so its
 * measures (and its persons count) are withheld: null, with suppressed = 1. Totals are rows like
 * any other and are suppressed by the same rule.
 */
export function suppressSmallCells(table: StatTable, threshold: number): StatTable {
  const measures = table.columns.slice(table.columns.indexOf('persons'));
  return {
    ...table,
    columns: [...table.columns, 'suppressed'],
    rows: table.rows.map((row) => {
      const small = Number(row.persons) < threshold;
      return { ...row, ...(small ? Object.fromEntries(measures.map((m) => [m, null])) : {}), suppressed: small ? 1 : 0 };
    }),
  };
}

/** The CSV of a table (RFC 4180): the header, then the rows; an empty field for a withheld value. */
export function tableCsv(table: StatTable): string {
  const field = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.columns.map(field).join(','), ...table.rows.map((row) => table.columns.map((c) => field(row[c])).join(','))].join('\n') + '\n';
}
