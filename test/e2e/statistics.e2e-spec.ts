import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createJourneyApp, rebuildJourneyReadModel } from '@corridor/journey-service';
import { addDays, isoDay } from '@corridor/reference-data';
import { bearer, dropTestDatabases, eventually, startPrivateBroker, testNodeConfig, uniqueName, type PrivateBroker } from '@corridor/testing';
import { aVerifiedJobOrder, startCountryNodes } from '../support/country-nodes';
import { aJourneyAbroad, anAgency, assessesAndFollowsUp, filesGrievanceResolvedAtTh, remits, returneeWithoutJourney, returnsHome, type AppOf } from '../support/journey-builder';
import type { ScenarioCountry } from '../support/platform-scenario';

// A private broker (~10-30 s to start) and four journeys through every stage.
jest.setTimeout(300_000);

/**
 * Labour-migration statistics (docs/statistics.md) from a known set of journeys driven through
 * the real services of KH and TH: every table of both nodes read over HTTP as JSON and as CSV,
 * checked against figures worked out by hand below; the CSV equals the JSON cell by cell; small
 * cells are withheld; a rebuild of each node's journey read model from the topics gives the same
 * tables.
 *
 * Scope: a Kafka broker of this suite's own. The tables count every journey a node's read model
 * holds, and a rebuild replays the topics from their beginning: on the run's shared broker that is
 * every journey every suite published on the KH→TH topics, in the same days as ours, so no
 * period, corridor or node filter could keep them out. A private broker holds only these journeys.
 */
const TODAY = isoDay();
const TEN_DAYS_AGO = addDays(TODAY, -10);
// The period of every table: the last 30 days; stocks are counted today.
const PERIOD = { from: addDays(TODAY, -30), to: TODAY };
// The corridor cap this suite configures for KH>TH (the shipped policy is 0, which every fee breaches).
const FEE_CAP_MINOR = 300_000;

/** Answers of the sustainability instrument (docs/sustainability-score.md, weight table 2026-1). */
const ECONOMIC_WORST = { 'econ.income-sufficiency': 'very-poor', 'econ.employment': 'none', 'econ.debt-burden': 'unpayable' };
const ECONOMIC_BEST = { 'econ.income-sufficiency': 'very-good', 'econ.employment': 'full-time', 'econ.debt-burden': 'none' };
const SOCIAL_WORST = { 'social.housing': 'very-poor', 'social.services-access': 'very-poor', 'social.network': 'no' };
const SOCIAL_BEST = { 'social.housing': 'very-good', 'social.services-access': 'very-good', 'social.network': 'yes' };
const PSY_WORST = { 'psy.distress': 'always', 'psy.belonging': 'very-poor', 'psy.discrimination': 'always' };
const PSY_BEST = { 'psy.distress': 'never', 'psy.belonging': 'very-good', 'psy.discrimination': 'never' };
// Every answer at its scale's top (1) or bottom (0): each dimension scores 1 or 0, the composite
// is the weighted sum of the dimensions (economic 0.4, social 0.3, psychosocial 0.3).
const SCORE_0_6 = { ...ECONOMIC_WORST, ...SOCIAL_BEST, ...PSY_BEST }; // 0.4·0 + 0.3·1 + 0.3·1 = 0.6
const SCORE_1 = { ...ECONOMIC_BEST, ...SOCIAL_BEST, ...PSY_BEST }; // 1
const SCORE_0 = { ...ECONOMIC_WORST, ...SOCIAL_WORST, ...PSY_WORST }; // 0

/**
 * The journeys (all dated today unless said otherwise):
 * - W1, a woman, ISCO 9333 (major group 9) at a food processor (ISIC division 10 → section C), wage
 *   1,000,000 THB a month; paid 200,000 (under the cap); departed, arrived, permit; remitted 1,000,000
 *   by bank for 30,000; a grievance about unpaid wages filed 10 days ago, resolved today
 *   (upheld-paid); came home early today; her case assessed at 0.6, planned, followed up at 1.
 * - W2, a woman on the same job order; paid 100,000; departed, arrived, permit; remitted 1,000,000 by
 *   bank for 20,000; still abroad.
 * - W3, a man, ISCO 7112 (major group 7) on a construction site (ISIC 41 → F), wage 900,000; paid
 *   450,000 (above the cap: a breach); his contract substituted at TH; departed, arrived, permit;
 *   remitted 500,000 by mobile money for 25,000; still abroad.
 * - R4, a man KH never sent abroad, deported from MY today: a minimal record, his case assessed at 0.
 */
const ROW = (row: Record<string, string | number | null>) => ({ ...row, suppressed: 0 });

/** Every table of KH (the origin), worked out by hand from the journeys above. */
const KH_TABLES: Record<string, Record<string, string | number | null>[]> = {
  // Departures: W1 and W2 (TH, 9, C), W3 (TH, 7, F). Rows are ordered by their groups, then sex.
  outflows: [
    ROW({ destination: 'TH', iscoMajorGroup: '7', isicSection: 'F', sex: 'male', persons: 1, departures: 1 }),
    ROW({ destination: 'TH', iscoMajorGroup: '7', isicSection: 'F', sex: 'total', persons: 1, departures: 1 }),
    ROW({ destination: 'TH', iscoMajorGroup: '9', isicSection: 'C', sex: 'female', persons: 2, departures: 2 }),
    ROW({ destination: 'TH', iscoMajorGroup: '9', isicSection: 'C', sex: 'total', persons: 2, departures: 2 }),
  ],
  // Arrivals confirmed by TH: W1, W2, W3.
  inflows: [
    ROW({ origin: 'KH', sex: 'female', persons: 2, arrivals: 2 }),
    ROW({ origin: 'KH', sex: 'male', persons: 1, arrivals: 1 }),
    ROW({ origin: 'KH', sex: 'total', persons: 3, arrivals: 3 }),
  ],
  // Abroad today: W2 and W3 (W1 came home today).
  'stock-abroad': [
    ROW({ destination: 'TH', sex: 'female', persons: 1, workersAbroad: 1 }),
    ROW({ destination: 'TH', sex: 'male', persons: 1, workersAbroad: 1 }),
    ROW({ destination: 'TH', sex: 'total', persons: 2, workersAbroad: 2 }),
  ],
  // Permits valid today of those not returned: W2 and W3.
  'stock-with-permit': [
    ROW({ origin: 'KH', sex: 'female', persons: 1, workersWithPermit: 1 }),
    ROW({ origin: 'KH', sex: 'male', persons: 1, workersWithPermit: 1 }),
    ROW({ origin: 'KH', sex: 'total', persons: 2, workersWithPermit: 2 }),
  ],
  // R4 deported from MY, W1 early from TH ('deported' sorts first).
  returns: [
    ROW({ returnType: 'deported', returnedFrom: 'MY', sex: 'male', persons: 1, returns: 1 }),
    ROW({ returnType: 'deported', returnedFrom: 'MY', sex: 'total', persons: 1, returns: 1 }),
    ROW({ returnType: 'early', returnedFrom: 'TH', sex: 'female', persons: 1, returns: 1 }),
    ROW({ returnType: 'early', returnedFrom: 'TH', sex: 'total', persons: 1, returns: 1 }),
  ],
  // Registered and departed the same day: 0 days for each of the three.
  'days-to-departure': [
    ROW({ destination: 'TH', sex: 'female', persons: 2, medianDays: 0 }),
    ROW({ destination: 'TH', sex: 'male', persons: 1, medianDays: 0 }),
    ROW({ destination: 'TH', sex: 'total', persons: 3, medianDays: 0 }),
  ],
  // Women 200,000 and 100,000: median 150,000, none above the cap of 300,000; the man 450,000, above;
  // all three: median of (100,000, 200,000, 450,000) = 200,000, 1 of 3 above = 0.3333.
  'recruitment-fees': [
    ROW({ corridor: 'KH-TH', currency: 'THB', sex: 'female', persons: 2, medianFeeMinor: 150_000, shareAboveCap: 0 }),
    ROW({ corridor: 'KH-TH', currency: 'THB', sex: 'male', persons: 1, medianFeeMinor: 450_000, shareAboveCap: 1 }),
    ROW({ corridor: 'KH-TH', currency: 'THB', sex: 'total', persons: 3, medianFeeMinor: 200_000, shareAboveCap: 0.3333 }),
  ],
  // Fee / monthly wage: 200,000/1,000,000 = 0.2 and 100,000/1,000,000 = 0.1 (median 0.15);
  // 450,000/900,000 = 0.5; all: median of (0.1, 0.2, 0.5) = 0.2.
  'sdg-10-7-1': [
    ROW({ corridor: 'KH-TH', sex: 'female', persons: 2, medianCostToMonthlyEarnings: 0.15 }),
    ROW({ corridor: 'KH-TH', sex: 'male', persons: 1, medianCostToMonthlyEarnings: 0.5 }),
    ROW({ corridor: 'KH-TH', sex: 'total', persons: 3, medianCostToMonthlyEarnings: 0.2 }),
  ],
  // W1's grievance: filed 10 days ago, resolved today.
  grievances: [
    ROW({ category: 'unpaid-wages', outcome: 'upheld-paid', sex: 'female', persons: 1, grievances: 1, medianDaysToResolve: 10 }),
    ROW({ category: 'unpaid-wages', outcome: 'upheld-paid', sex: 'total', persons: 1, grievances: 1, medianDaysToResolve: 10 }),
  ],
  // W3's substitution, detected today.
  'contract-substitutions': [
    ROW({ destination: 'TH', sex: 'male', persons: 1, substitutions: 1 }),
    ROW({ destination: 'TH', sex: 'total', persons: 1, substitutions: 1 }),
  ],
  // Bank: 30,000/1,000,000 = 0.03 and 20,000/1,000,000 = 0.02, mean 0.025; mobile money: 25,000/500,000 = 0.05.
  'sdg-10-c-1': [
    ROW({ corridor: 'KH-TH', channel: 'bank', sex: 'female', persons: 2, remittances: 2, meanCostShare: 0.025 }),
    ROW({ corridor: 'KH-TH', channel: 'bank', sex: 'total', persons: 2, remittances: 2, meanCostShare: 0.025 }),
    ROW({ corridor: 'KH-TH', channel: 'mobile-money', sex: 'male', persons: 1, remittances: 1, meanCostShare: 0.05 }),
    ROW({ corridor: 'KH-TH', channel: 'mobile-money', sex: 'total', persons: 1, remittances: 1, meanCostShare: 0.05 }),
  ],
  // W1's case planned (follow-ups need a plan): 0.6 at assessment, 1 at the last follow-up; R4's
  // assessed: 0, no follow-up ('assessed' sorts first).
  'reintegration-cases': [
    ROW({ status: 'assessed', sex: 'male', persons: 1, cases: 1, medianScoreAtAssessment: 0, medianScoreAtLastFollowUp: null }),
    ROW({ status: 'assessed', sex: 'total', persons: 1, cases: 1, medianScoreAtAssessment: 0, medianScoreAtLastFollowUp: null }),
    ROW({ status: 'planned', sex: 'female', persons: 1, cases: 1, medianScoreAtAssessment: 0.6, medianScoreAtLastFollowUp: 1 }),
    ROW({ status: 'planned', sex: 'total', persons: 1, cases: 1, medianScoreAtAssessment: 0.6, medianScoreAtLastFollowUp: 1 }),
  ],
};

/**
 * TH (the destination) sees the corridor's events only: not the registration (so no days to
 * departure) nor anything of reintegration, and nothing of R4 (a record of the origin only), so
 * only W1's return. Fees and the breach travel on the corridor (the destination follows the fee
 * rule too), so the fee tables, like the rest, are as at KH.
 */
const TH_TABLES: Record<string, Record<string, string | number | null>[]> = {
  ...KH_TABLES,
  returns: KH_TABLES.returns.slice(2),
  'days-to-departure': [],
  'reintegration-cases': [],
};

const COUNTRIES: ScenarioCountry[] = ['KH', 'TH'];
const EXPECTED: Record<ScenarioCountry, Record<string, Record<string, string | number | null>[]>> = { KH: KH_TABLES, TH: TH_TABLES };
const STATISTICIAN = (country: string) => bearer(country, ['statistician'], undefined, `statistician-${country.toLowerCase()}`);

type Tables = Record<string, { columns: string[]; rows: Record<string, string | number | null>[] }>;

/** Every table of a node's journey service over HTTP, as JSON (columns and rows). */
async function tablesOf(journey: INestApplication, country: string, query: Record<string, string | number> = {}): Promise<Tables> {
  const names = (await request(journey.getHttpServer()).get('/api/v1/statistics').set('Authorization', STATISTICIAN(country))).body as { name: string }[];
  const tables: Tables = {};
  for (const { name } of names) {
    const r = await request(journey.getHttpServer()).get(`/api/v1/statistics/${name}`).query({ ...PERIOD, ...query }).set('Authorization', STATISTICIAN(country));
    if (r.status !== 200) throw new Error(`statistics/${name} on ${country} answered ${r.status}: ${r.text.slice(0, 300)}`);
    tables[name] = { columns: r.body.columns, rows: r.body.rows };
  }
  return tables;
}

/** A CSV (RFC 4180, as the service writes it) read back into its header and rows of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n')) {
      field += c;
    } else {
      record.push(field);
      field = '';
      if (c === '\n') {
        records.push(record);
        record = [];
      }
    }
  }
  return records;
}

/** A table as the CSV must write it: the header, then each row's cells in column order, a withheld (null) value as an empty field. */
const asCsvFields = (table: Tables[string]) => [table.columns, ...table.rows.map((row) => table.columns.map((c) => (row[c] === null ? '' : String(row[c]))))];

describe('labour-migration statistics from journeys through the real services, KH and TH', () => {
  let broker: PrivateBroker;
  let policies: string;
  let platform: Awaited<ReturnType<typeof startCountryNodes>>;
  const rebuiltDatabases: string[] = [];
  const minCellBefore = process.env.STATISTICS_MIN_CELL;
  // Twelve services in one process on the machine's shared Postgres: three connections each, not five.
  const nodeConfig = (country: string) => broker.nodeConfig(testNodeConfig(country, 'KH>TH', { CORRIDOR_POLICIES_FILE: path.join(policies, 'corridor-policies.json'), DB_POOL_MAX: '3' }));
  const app: AppOf = (country, service) => {
    const node = platform.nodes[country]!;
    return service === 'recruitment' || service === 'contracts' || service === 'journey' ? node[service]! : node.stages[service];
  };
  const tablesBefore: Partial<Record<ScenarioCountry, Tables>> = {};

  beforeAll(async () => {
    // The node's smallest cell (read on each request): 1 shows every figure; a request raises it to test suppression.
    process.env.STATISTICS_MIN_CELL = '1';
    policies = await mkdtemp(path.join(tmpdir(), 'corridor-statistics-'));
    const shipped = JSON.parse(await readFile(path.resolve(__dirname, '../../infra/config/corridor-policies.json'), 'utf8'));
    shipped['KH>TH'] = { ...shipped['KH>TH'], recruitmentFeeCap: { amountMinor: FEE_CAP_MINOR, currency: 'THB' } };
    await writeFile(path.join(policies, 'corridor-policies.json'), JSON.stringify(shipped));
    broker = await startPrivateBroker();
    platform = await startCountryNodes(['KH', 'TH'], 'KH>TH', { withContracts: true, nodeConfig });
  });

  afterAll(async () => {
    if (minCellBefore === undefined) delete process.env.STATISTICS_MIN_CELL;
    else process.env.STATISTICS_MIN_CELL = minCellBefore;
    await platform?.stop();
    await dropTestDatabases(testNodeConfig('KH'), ...rebuiltDatabases);
    await broker?.destroy();
    await rm(policies, { recursive: true, force: true });
  });

  it('every table of both nodes, as worked out by hand', async () => {
    const kh = platform.nodes.KH!;
    const th = platform.nodes.TH!;
    const foodProcessing = await aVerifiedJobOrder(kh, th, { occupationIsco: '9333', sectorIsic: '10', workersRequested: 2, wageAmountMinor: 1_000_000 });
    const construction = await aVerifiedJobOrder(kh, th, { employerName: 'Siam Frozen Foods Co., Ltd.', occupationIsco: '7112', sectorIsic: '41', wageAmountMinor: 900_000 });
    const agency = await anAgency(app);
    const document = (n: number) => `NS${Date.now().toString().slice(-6)}${n}`;
    const [w1, w2, w3] = await Promise.all([
      aJourneyAbroad(agency, { sex: 'female', occupationIsco: '9333', jobOrderId: foodProcessing, employerName: 'Samut Prakan Garments Co., Ltd.', feeMinor: 200_000, documentNumber: document(1), departedOn: TODAY, permitNumber: 'WP-TH-S-000001' }),
      aJourneyAbroad(agency, { sex: 'female', occupationIsco: '9333', jobOrderId: foodProcessing, employerName: 'Samut Prakan Garments Co., Ltd.', feeMinor: 100_000, documentNumber: document(2), departedOn: TODAY, permitNumber: 'WP-TH-S-000002' }),
      aJourneyAbroad(agency, { sex: 'male', occupationIsco: '7112', jobOrderId: construction, employerName: 'Siam Frozen Foods Co., Ltd.', feeMinor: 450_000, substitution: true, documentNumber: document(3), departedOn: TODAY, permitNumber: 'WP-TH-S-000003' }),
    ]);
    await Promise.all([
      remits(w1, { sentOn: TODAY, amountMinor: 1_000_000, feeMinor: 30_000, channel: 'bank' }),
      remits(w2, { sentOn: TODAY, amountMinor: 1_000_000, feeMinor: 20_000, channel: 'bank' }),
      remits(w3, { sentOn: TODAY, amountMinor: 500_000, feeMinor: 25_000, channel: 'mobile-money' }),
      (async () => {
        await filesGrievanceResolvedAtTh(w1, { category: 'unpaid-wages', filedOn: TEN_DAYS_AGO, resolvedOn: TODAY, outcome: 'upheld-paid', amountRecoveredMinor: 2_000_000 });
        const { caseId } = await returnsHome(w1, { type: 'early', returnDate: TODAY });
        await assessesAndFollowsUp(app, caseId, TODAY, SCORE_0_6, [SCORE_1]);
      })(),
      (async () => {
        const { caseId } = await returneeWithoutJourney(app, { sex: 'male', returnedFrom: 'MY', type: 'deported', returnDate: TODAY });
        await assessesAndFollowsUp(app, caseId, TODAY, SCORE_0);
      })(),
    ]);

    for (const country of COUNTRIES) {
      const expected = EXPECTED[country];
      const rowsOf = (tables: Tables) => Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.rows]));
      // The last events are still on their way to the node: read until the tables hold them (or the deadline), then compare.
      const settled = await eventually(async () => {
        const tables = await tablesOf(app(country, 'journey'), country);
        return isDeepStrictEqual(rowsOf(tables), expected) ? tables : undefined;
      }, 60_000, `the statistics of ${country}`).catch(() => undefined);
      tablesBefore[country] = settled ?? (await tablesOf(app(country, 'journey'), country));
      expect(rowsOf(tablesBefore[country]!)).toEqual(expected);
    }
  });

  it('the CSV of every table equals its JSON cell by cell', async () => {
    for (const country of COUNTRIES) {
      for (const [name, json] of Object.entries(tablesBefore[country]!)) {
        const r = await request(app(country, 'journey').getHttpServer()).get(`/api/v1/statistics/${name}/csv`).query(PERIOD).set('Authorization', STATISTICIAN(country));
        expect(r.status).toBe(200);
        expect(r.headers['content-type']).toMatch(/^text\/csv/);
        expect({ table: `${country} ${name}`, fields: parseCsv(r.text) }).toEqual({ table: `${country} ${name}`, fields: asCsvFields(json) });
      }
    }
  });

  it('small cells are withheld in JSON and CSV: with a smallest cell of 2, every row of one person', async () => {
    const kh = app('KH', 'journey');
    const suppressed = await tablesOf(kh, 'KH', { minCell: 2 });
    // Worked by hand: the two women are shown, the man's row (1 person) is withheld, the total (3) shown.
    expect(suppressed.inflows.rows).toEqual([
      { origin: 'KH', sex: 'female', persons: 2, arrivals: 2, suppressed: 0 },
      { origin: 'KH', sex: 'male', persons: null, arrivals: null, suppressed: 1 },
      { origin: 'KH', sex: 'total', persons: 3, arrivals: 3, suppressed: 0 },
    ]);
    const csv = await request(kh.getHttpServer()).get('/api/v1/statistics/inflows/csv').query({ ...PERIOD, minCell: 2 }).set('Authorization', STATISTICIAN('KH'));
    expect(csv.text).toBe('origin,sex,persons,arrivals,suppressed\nKH,female,2,2,0\nKH,male,,,1\nKH,total,3,3,0\n');
    // Every other table: exactly the rows of one person (in the hand-worked tables) are withheld, the rest unchanged.
    for (const [name, rows] of Object.entries(KH_TABLES)) {
      const withheld = rows.map((row) =>
        Number(row.persons) < 2 ? { ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, suppressed[name].columns.indexOf(k) >= suppressed[name].columns.indexOf('persons') ? null : v])), suppressed: 1 } : row,
      );
      expect({ name, rows: suppressed[name].rows }).toEqual({ name, rows: withheld });
    }
    // A request may not lower the node's smallest cell: with STATISTICS_MIN_CELL 2, minCell 1 still withholds.
    process.env.STATISTICS_MIN_CELL = '2';
    try {
      const floor = await request(kh.getHttpServer()).get('/api/v1/statistics/inflows').query({ ...PERIOD, minCell: 1 }).set('Authorization', STATISTICIAN('KH'));
      expect(floor.body).toMatchObject({ minCell: 2, rows: suppressed.inflows.rows });
    } finally {
      process.env.STATISTICS_MIN_CELL = '1';
    }
  });

  it('a rebuild of each node\'s journey read model from the topics gives identical tables', async () => {
    for (const country of COUNTRIES) {
      const config = nodeConfig(country);
      const database = uniqueName(`e2e_${country.toLowerCase()}_journey_rebuilt`);
      rebuiltDatabases.push(database);
      // As `npm run rebuild:journey -- --database <new>` does: a fresh database, a group of its own from the earliest offsets.
      const report = await rebuildJourneyReadModel(config, { database }, 120_000);
      expect(report.events).toBeGreaterThan(0);
      const rebuilt = (await createJourneyApp(config, { database, groupId: report.groupId })).app;
      try {
        expect(await tablesOf(rebuilt, country)).toEqual(tablesBefore[country]);
      } finally {
        await rebuilt.close();
      }
    }
  });
});
