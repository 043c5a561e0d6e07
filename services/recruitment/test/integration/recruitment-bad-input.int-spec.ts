import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { aJobOrder, anAgency, khMinistry, registerAgency, registerWorker, thDestination, verifiedJobOrder } from '@corridor/testing';

jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_recruitment_badinput');
const thDb = uniqueName('it_th_recruitment_badinput');
const TABLES = ['agency', 'job_order', 'worker', 'worker_match', 'orientation_session', 'orientation_attendance', 'fee_payment', 'fee_breach', 'fee_refund', 'outbox', 'audit_log'];
let khApp: INestApplication;
let thApp: INestApplication;
const clients: Record<'KH' | 'TH', Client> = {} as never;
const ids: Record<string, string> = {};

beforeAll(async () => {
  khApp = (await createRecruitmentApp(kh, { database: khDb })).app;
  thApp = (await createRecruitmentApp(th, { database: thDb })).app;
  clients.KH = new Client({ ...kh.postgres, database: khDb });
  clients.TH = new Client({ ...th.postgres, database: thDb });
  await clients.KH.connect();
  await clients.TH.connect();
  // One of everything the endpoints act on, made through the API.
  ids.agency = await registerAgency(khApp);
  ids.jobOrder = await verifiedJobOrder(khApp, thApp, { workersRequested: 3 });
  const created = await request(thApp.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thDestination()).send(aJobOrder()).expect(201);
  ids.submittedJobOrder = created.body.jobOrderId;
  const worker = await registerWorker(khApp);
  ids.worker = worker.workerId;
  await request(khApp.getHttpServer()).post(`/api/v1/job-orders/${ids.jobOrder}/matches`).set('Authorization', khMinistry()).send({ workerId: ids.worker }).expect(201);
  ids.freeWorker = (await registerWorker(khApp)).workerId;
  const session = await request(khApp.getHttpServer())
    .post('/api/v1/orientation-sessions')
    .set('Authorization', khMinistry())
    .send({ heldOn: '2026-01-15', place: 'Phnom Penh', topics: ['rights-and-obligations'] })
    .expect(201);
  ids.session = session.body.sessionId;
  const fee = await request(khApp.getHttpServer())
    .post(`/api/v1/workers/${ids.worker}/fees`)
    .set('Authorization', khMinistry())
    .send({ amountMinor: 500000, currency: 'THB', purpose: 'recruitment-service', paidOn: '2026-01-10' })
    .expect(201);
  ids.breach = fee.body.breach.breachId;
  // Let TH apply the match to its copy first: its audit log must not grow during the checks below.
  await eventually(async () => {
    const r = await request(thApp.getHttpServer()).get(`/api/v1/job-orders/${ids.jobOrder}`).set('Authorization', thDestination());
    return r.body.workersMatched === 1 ? true : undefined;
  }, 30_000, 'the match on the TH copy');
});

afterAll(async () => {
  await clients.KH?.end().catch(() => undefined);
  await clients.TH?.end().catch(() => undefined);
  await khApp?.close();
  await thApp?.close();
  await dropTestDatabases(kh, khDb, thDb);
});

async function stored(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [country, client] of Object.entries(clients)) {
    for (const table of TABLES) {
      // Each node also replicates what other suites publish on the shared corridor topics, at any
      // moment: count only what this node's officers wrote.
      const own = table === 'job_order' ? ` WHERE authored_by = '${country}'` : table === 'audit_log' ? ` WHERE actor_officer NOT LIKE 'system:%'` : '';
      counts[`${country}.${table}`] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}${own}`)).rows[0].n;
    }
  }
  return counts;
}

interface Endpoint {
  name: string;
  node: 'KH' | 'TH';
  path: () => string;
  token: () => string;
  valid: () => Record<string, unknown>;
  /** A field of the valid body and a value of the wrong type for it. */
  wrongType: [string, unknown];
  /** Bodies that are well-typed but out of range or not a known code. */
  outOfRange?: [string, Record<string, unknown>][];
  /** The endpoint has no required field (its body is optional). */
  noRequired?: boolean;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /api/v1/agencies',
    node: 'KH',
    path: () => '/api/v1/agencies',
    token: khMinistry,
    valid: () => anAgency(),
    wrongType: ['licenceValidFrom', 20260101],
    outOfRange: [['empty name', { name: '' }], ['licence number with spaces', { licenceNumber: 'RA 1' }]],
  },
  { name: 'POST /api/v1/agencies/{id}/suspension', node: 'KH', path: () => `/api/v1/agencies/${ids.agency}/suspension`, token: khMinistry, valid: () => ({ reason: 'inspection' }), wrongType: ['reason', 42] },
  { name: 'POST /api/v1/agencies/{id}/reinstatement', node: 'KH', path: () => `/api/v1/agencies/${ids.agency}/reinstatement`, token: khMinistry, valid: () => ({ reason: 'fine' }), wrongType: ['reason', ['x']], noRequired: true },
  { name: 'POST /api/v1/agencies/{id}/revocation', node: 'KH', path: () => `/api/v1/agencies/${ids.agency}/revocation`, token: khMinistry, valid: () => ({ reason: 'fraud' }), wrongType: ['reason', true] },
  {
    name: 'POST /api/v1/job-orders',
    node: 'TH',
    path: () => '/api/v1/job-orders',
    token: thDestination,
    valid: () => aJobOrder(),
    wrongType: ['workersRequested', 'ten'],
    outOfRange: [
      ['invalid ISCO-08 code 9999', { occupationIsco: '9999' }],
      ['ISCO-08 sub-major group instead of a unit group', { occupationIsco: '93' }],
      ['invalid ISIC division', { sectorIsic: '04' }],
      ['invalid currency XXX', { wageCurrency: 'XXX' }],
      ['lower-case currency', { wageCurrency: 'thb' }],
      ['zero wage', { wageAmountMinor: 0 }],
      ['negative wage', { wageAmountMinor: -100 }],
      ['wage above 10^12 minor units', { wageAmountMinor: 1e13 }],
      ['fractional minor units', { wageAmountMinor: 1040000.5 }],
      ['zero workers', { workersRequested: 0 }],
      ['25 hours a day', { hoursPerDay: 25 }],
      ['unknown origin', { origin: 'XX' }],
    ],
  },
  { name: 'POST /api/v1/job-orders/{id}/approval', node: 'TH', path: () => `/api/v1/job-orders/${ids.submittedJobOrder}/approval`, token: thDestination, valid: () => ({}), wrongType: ['note', 7], noRequired: true },
  { name: 'POST /api/v1/job-orders/{id}/verification', node: 'KH', path: () => `/api/v1/job-orders/${ids.jobOrder}/verification`, token: khMinistry, valid: () => ({}), wrongType: ['note', {}], noRequired: true },
  { name: 'POST /api/v1/job-orders/{id}/rejection', node: 'KH', path: () => `/api/v1/job-orders/${ids.jobOrder}/rejection`, token: khMinistry, valid: () => ({ reason: 'wage too low' }), wrongType: ['reason', 1] },
  {
    name: 'POST /api/v1/job-orders/{id}/matches',
    node: 'KH',
    path: () => `/api/v1/job-orders/${ids.jobOrder}/matches`,
    token: khMinistry,
    valid: () => ({ workerId: ids.freeWorker }),
    wrongType: ['workerId', 12345],
    outOfRange: [['not a UUID', { workerId: 'worker-1' }]],
  },
  {
    name: 'POST /api/v1/orientation-sessions',
    node: 'KH',
    path: () => '/api/v1/orientation-sessions',
    token: khMinistry,
    valid: () => ({ heldOn: '2026-01-20', place: 'Battambang', topics: ['fees-and-debt'] }),
    wrongType: ['topics', 'fees-and-debt'],
    outOfRange: [['unknown topic', { topics: ['astrology'] }], ['no topic', { topics: [] }], ['date with time', { heldOn: '2026-01-20T10:00:00Z' }]],
  },
  { name: 'POST /api/v1/orientation-sessions/{id}/attendance', node: 'KH', path: () => `/api/v1/orientation-sessions/${ids.session}/attendance`, token: khMinistry, valid: () => ({ workerId: ids.worker }), wrongType: ['workerId', false] },
  { name: 'POST /api/v1/orientation-sessions/{id}/completion', node: 'KH', path: () => `/api/v1/orientation-sessions/${ids.session}/completion`, token: khMinistry, valid: () => ({}), wrongType: ['note', 3], noRequired: true },
  {
    name: 'POST /api/v1/workers/{id}/fees',
    node: 'KH',
    path: () => `/api/v1/workers/${ids.worker}/fees`,
    token: khMinistry,
    valid: () => ({ amountMinor: 100000, currency: 'THB', purpose: 'medical-examination', paidOn: '2026-01-11' }),
    wrongType: ['amountMinor', '100000'],
    outOfRange: [
      ['zero amount', { amountMinor: 0 }],
      ['negative amount', { amountMinor: -1 }],
      ['amount above 10^12 minor units', { amountMinor: 1_000_000_000_001 }],
      ['fractional amount', { amountMinor: 12.5 }],
      ['invalid currency', { currency: 'BAHT' }],
      ['retired currency', { currency: 'DEM' }],
      ['unknown purpose', { purpose: 'gift' }],
      ['payee agency not a UUID', { payeeAgencyId: 'AG-1' }],
    ],
  },
  {
    name: 'POST /api/v1/fee-breaches/{id}/refunds',
    node: 'KH',
    path: () => `/api/v1/fee-breaches/${ids.breach}/refunds`,
    token: khMinistry,
    valid: () => ({ amountMinor: 100, currency: 'THB', refundedOn: '2026-01-12' }),
    wrongType: ['refundedOn', 20260112],
    outOfRange: [['zero refund', { amountMinor: 0 }], ['huge refund', { amountMinor: 1e15 }], ['invalid currency', { currency: 'ZZZ' }]],
  },
  { name: 'POST /api/v1/fee-breaches/{id}/decisions', node: 'KH', path: () => `/api/v1/fee-breaches/${ids.breach}/decisions`, token: khMinistry, valid: () => ({ reason: 'receipt shows it was the passport fee' }), wrongType: ['reason', 99], outOfRange: [['reason too short', { reason: 'ok' }]] },
];

async function expectRefused(endpoint: Endpoint, body: unknown, status = 400): Promise<{ type: string; detail: string; errors?: { field: string }[]; [extension: string]: unknown }> {
  const before = await stored();
  const app = endpoint.node === 'KH' ? khApp : thApp;
  const response = await request(app.getHttpServer()).post(endpoint.path()).set('Authorization', endpoint.token()).send(body as object);
  expect({ status: response.status, body: response.text.slice(0, 300) }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(await stored()).toEqual(before);
  return response.body;
}

// Only the endpoints whose body has a required field: the others had a test here that returned
// before asserting anything, and passed.
describe.each(endpoints.filter((endpoint) => !endpoint.noRequired))('$name refuses a missing required field with problem+json and stores nothing', (endpoint) => {
  it('400 for a missing required field', async () => {
    const body = endpoint.valid();
    const [first] = Object.keys(body);
    delete body[first];
    const problem = await expectRefused(endpoint, body);
    expect(problem.errors?.map((e) => e.field)).toContain(first);
  });
});

describe.each(endpoints)('$name refuses bad input with problem+json and stores nothing', (endpoint) => {
  it('400 for a value of the wrong type', async () => {
    const [field, value] = endpoint.wrongType;
    const problem = await expectRefused(endpoint, { ...endpoint.valid(), [field]: value });
    expect(problem.detail).toContain(field);
  });

  it('400 for an unknown property', async () => {
    const problem = await expectRefused(endpoint, { ...endpoint.valid(), favouriteColour: 'blue' });
    expect(problem.errors?.map((e) => e.field)).toEqual(['favouriteColour']);
  });

  it('400 for malformed JSON', async () => {
    const before = await stored();
    const app = endpoint.node === 'KH' ? khApp : thApp;
    const response = await request(app.getHttpServer()).post(endpoint.path()).set('Authorization', endpoint.token()).set('Content-Type', 'application/json').send('{"reason": ');
    expect(response.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  for (const [label, change] of endpoint.outOfRange ?? []) {
    it(`400 for ${label}`, async () => {
      const problem = await expectRefused(endpoint, { ...endpoint.valid(), ...change });
      expect(problem.errors?.map((e) => e.field)).toEqual(Object.keys(change));
    });
  }
});

describe('well-formed input that breaks a rule: 422 and nothing stored', () => {
  const byName = (name: string) => endpoints.find((e) => e.name === name)!;

  it('a licence that ends before it starts', async () => {
    const problem = await expectRefused(byName('POST /api/v1/agencies'), anAgency({ licenceValidFrom: '2026-06-01', licenceValidTo: '2026-01-01' }), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-period', field: 'licenceValidTo', licenceValidFrom: '2026-06-01' });
  });

  it('a licence date that is not a calendar date', async () => {
    const problem = await expectRefused(byName('POST /api/v1/agencies'), anAgency({ licenceValidTo: '2026-02-30' }), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-date', field: 'licenceValidTo' });
  });

  it('a fee paid in the future', async () => {
    const problem = await expectRefused(byName('POST /api/v1/workers/{id}/fees'), { amountMinor: 100, currency: 'THB', purpose: 'transport', paidOn: '2999-01-01' }, 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/date-in-the-future', field: 'paidOn' });
  });

  it('a refund in another currency than the breach', async () => {
    const problem = await expectRefused(byName('POST /api/v1/fee-breaches/{id}/refunds'), { amountMinor: 100, currency: 'USD', refundedOn: '2026-01-12' }, 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/refund-currency-mismatch', field: 'currency', breachCurrency: 'THB' });
  });

  it('an orientation session on a date that does not exist', async () => {
    const problem = await expectRefused(byName('POST /api/v1/orientation-sessions'), { heldOn: '2026-13-01', place: 'Kampot', topics: ['health-and-hiv'] }, 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-date', field: 'heldOn' });
  });

  it('the valid bodies are accepted, so the fixtures themselves are valid', async () => {
    for (const name of ['POST /api/v1/workers/{id}/fees', 'POST /api/v1/orientation-sessions', 'POST /api/v1/agencies']) {
      const endpoint = byName(name);
      const app = endpoint.node === 'KH' ? khApp : thApp;
      const response = await request(app.getHttpServer()).post(endpoint.path()).set('Authorization', endpoint.token()).send(endpoint.valid());
      expect({ name, status: response.status }).toEqual({ name, status: 201 });
    }
  });
});
