import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import { bearer, testNodeConfig } from '@corridor/testing';
import { aWorkerRegistration, registerWorker, startCountryNodes, type CountryNode } from '../support/country-nodes';

/**
 * Issue #8, "Input" findings 8–14: the one input policy (docs/input.md) on the real services.
 * Each refusal is problem+json, says what is wrong and what is allowed, and stores nothing.
 */
jest.setTimeout(120_000);

let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const clients: Client[] = [];
const KH_MINISTRY = bearer('KH', ['ministry-officer']);
const kh = (): CountryNode => platform.nodes.KH;

// The tables a write of these endpoints touches; replicas fed by other suites' events are left out.
const WRITTEN = {
  recruitment: ['agency', 'worker', 'fee_payment', 'fee_breach', 'outbox', 'idempotency_key', "audit_log WHERE actor_officer NOT LIKE 'system:%'"],
  contracts: ['contract', 'contract_version', 'contract_step', 'outbox', "audit_log WHERE actor_officer NOT LIKE 'system:%'"],
};

async function connect(app: INestApplication): Promise<Client> {
  const client = new Client({ ...testNodeConfig('KH').postgres, database: app.get(DataSource).options.database as string });
  await client.connect();
  clients.push(client);
  return client;
}

let recruitmentDb: Client;
let contractsDb: Client;
let worker: { workerId: string; journeyId: string };
let agencyId: string;

beforeAll(async () => {
  platform = await startCountryNodes(['KH'], 'KH>TH', { withContracts: true });
  recruitmentDb = await connect(kh().recruitment);
  contractsDb = await connect(kh().contracts!);
  worker = await registerWorker(kh());
  const agency = await request(kh().recruitment.getHttpServer())
    .post('/api/v1/agencies')
    .set('Authorization', KH_MINISTRY)
    .send({ name: 'Mekong Manpower Co., Ltd.', licenceNumber: `RA-${Date.now()}`, licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31' })
    .expect(201);
  agencyId = agency.body.agencyId;
});

afterAll(async () => {
  for (const client of clients) await client.end().catch(() => undefined);
  await platform?.stop();
});

async function stored(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [service, client] of [['recruitment', recruitmentDb], ['contracts', contractsDb]] as const) {
    for (const table of WRITTEN[service]) counts[`${service}.${table}`] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  }
  return counts;
}

interface Problem {
  type: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

/** Sends, expects the status as problem+json, and checks that no row was written. */
async function refused(send: () => request.Test, status: number, type: string): Promise<Problem> {
  const before = await stored();
  const response = await send();
  expect({ status: response.status, body: response.text.slice(0, 400) }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.text) as Problem;
  expect(problem.type).toBe(`https://corridor.gms/problems/${type}`);
  expect(problem.detail.length).toBeGreaterThan(10);
  expect(await stored()).toEqual(before);
  return problem;
}

const recruitment = () => request(kh().recruitment.getHttpServer());
const contracts = () => request(kh().contracts!.getHttpServer());
const registration = (overrides: Record<string, unknown> = {}) => aWorkerRegistration(overrides);
// Bytes go out as they are (superagent would JSON-encode a Buffer under a JSON content type).
const postWorker = (body: string | Buffer | object, contentType = 'application/json') =>
  recruitment().post('/api/v1/workers').set('Authorization', KH_MINISTRY).set('Content-Type', contentType).serialize((b: unknown) => (Buffer.isBuffer(b) || typeof b === 'string' ? b : JSON.stringify(b)) as string).send(body as object);
const fields = (problem: Problem) => problem.errors?.map((e) => e.field) ?? [];

describe('the input policy on every service (issue #8)', () => {
  it('finding 8: a 10,000-deep body is refused with 400 naming the depth limit, and an oversized one with 413, before validation', async () => {
    const deep = `{"fullName":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const tooDeep = await refused(() => postWorker(deep), 400, 'body-too-deep');
    expect(tooDeep.detail).toMatch(/limit of 32 levels/);
    await refused(() => contracts().post('/api/v1/contracts').set('Authorization', KH_MINISTRY).set('Content-Type', 'application/json').send(`{"terms":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`), 400, 'body-too-deep');
    // The journey service has no writes, but a body sent to it meets the same policy.
    await refused(() => request(kh().journey.getHttpServer()).get(`/api/v1/journeys/${worker.journeyId}/timeline`).set('Authorization', KH_MINISTRY).set('Content-Type', 'application/json').send(deep), 400, 'body-too-deep');
    const large = await refused(() => postWorker(registration({ fullName: 'x'.repeat(200 * 1024) })), 413, 'payload-too-large');
    expect(large.detail).toMatch(/102400 bytes/);
  });

  it('finding 9: NUL, unpaired surrogates and null are refused with 400 naming the field path', async () => {
    const nul = await refused(() => postWorker(registration({ homeAddress: { province: 'Battambang', district: 'Sang\u0000kae' } })), 400, 'validation');
    expect(fields(nul)).toEqual(['homeAddress.district']);
    expect(nul.detail).toMatch(/NUL/);
    const lone = await refused(() => postWorker(registration({ fullName: 'Sok \uD800 Dara' })), 400, 'validation');
    expect(fields(lone)).toEqual(['fullName']);
    const reversed = await refused(() => postWorker(registration({ skills: ['rice', '\uDC00\uD83D'] })), 400, 'validation');
    expect(fields(reversed)).toEqual(['skills.1']);
    const nulled = await refused(() => postWorker(registration({ phone: null })), 400, 'validation');
    expect(fields(nulled)).toEqual(['phone']);
    expect(nulled.detail).toMatch(/leave the property out/);
    // The query string meets the same rules: a NUL in the audited purpose used to reach Postgres.
    const query = await refused(() => recruitment().get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'check\u0000' }).set('Authorization', KH_MINISTRY), 400, 'validation');
    expect(fields(query)).toEqual(['purpose']);
  });

  it('finding 10: control characters other than tab and line feed, and bytes that are not UTF-8, are refused with 400', async () => {
    for (const [field, value] of [['fullName', 'Sok\u0007Dara'], ['fullNameLatin', 'Sok\u0085Dara'], ['fullName', 'Sok\u001B[31mDara'], ['fullName', 'Sok\rDara']] as const) {
      const problem = await refused(() => postWorker(registration({ [field]: value })), 400, 'validation');
      expect(fields(problem)).toEqual([field]);
      expect(problem.detail).toMatch(/tab and line feed are allowed/);
    }
    const invalid = Buffer.from(JSON.stringify(registration({ fullName: 'Sok Dar#' })));
    invalid[invalid.indexOf('Dar#') + 3] = 0xe9; // é in Latin-1: not UTF-8, once silently turned into U+FFFD
    const problem = await refused(() => postWorker(invalid), 400, 'invalid-encoding');
    expect(problem.detail).toMatch(/not valid UTF-8/);
  });

  it('finding 11: __proto__ and constructor keys are refused as unknown properties, not silently dropped', async () => {
    const body = JSON.stringify(registration()).replace(/}$/, ',"__proto__":{"consentToProcess":false}}');
    const proto = await refused(() => postWorker(body), 400, 'validation');
    expect(fields(proto)).toEqual(['__proto__']);
    const ctor = await refused(() => postWorker(JSON.stringify(registration({ homeAddress: { province: 'P', district: 'D', constructor: { name: 'x' } } }))), 400, 'validation');
    expect(fields(ctor)).toEqual(['homeAddress.constructor']);
    expect(ctor.detail).toMatch(/should not exist/);
  });

  it('finding 12: only JSON bodies are acted on: forms, text and untyped bodies get 415, a write without a body 400', async () => {
    const form = await refused(() => postWorker('fullName=Sok&nationality=KH&consentToProcess=true', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type');
    expect(form.detail).toMatch(/application\/json/);
    await refused(() => postWorker(JSON.stringify(registration()), 'text/plain'), 415, 'unsupported-media-type');
    await refused(() => postWorker(JSON.stringify(registration()), 'application/json; charset=latin1'), 415, 'unsupported-media-type');
    const untyped = await refused(() => recruitment().post('/api/v1/workers').set('Authorization', KH_MINISTRY).unset('Content-Type').send(Buffer.from(JSON.stringify(registration()))), 415, 'unsupported-media-type');
    expect(untyped.detail).toMatch(/without Content-Type/);
    const verification = `/api/v1/job-orders/${randomUUID()}/verification`;
    const empty = await refused(() => recruitment().post(verification).set('Authorization', KH_MINISTRY), 400, 'body-required');
    expect(empty.detail).toMatch(/send \{\}/);
    await refused(() => recruitment().post(verification).set('Authorization', KH_MINISTRY).set('Content-Type', 'application/json').set('Content-Length', '0'), 400, 'body-required');
    await refused(() => recruitment().post(verification).set('Authorization', KH_MINISTRY).set('Content-Type', 'application/json').send('[]'), 400, 'malformed-json');
    // The accepted form: JSON, optionally with charset utf-8.
    const accepted = await postWorker(JSON.stringify(registration()), 'application/json; charset=utf-8');
    expect(accepted.status).toBe(201);
  });

  it('finding 13: a nested DTO given as an array is refused with 400, and a fee paid to an agency that does not exist with 422', async () => {
    const terms = await refused(() => contracts().post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: worker.journeyId, terms: [] }), 400, 'validation');
    expect(fields(terms)).toEqual(['terms']);
    expect(terms.detail).toMatch(/terms must be an object \(DraftTermsInput\), not an array/);
    const address = await refused(() => postWorker(registration({ homeAddress: [{ province: 'P', district: 'D' }] })), 400, 'validation');
    expect(fields(address)).toContain('homeAddress');
    const fee = { amountMinor: 10000, currency: 'THB', purpose: 'medical-examination', paidOn: '2026-01-10' };
    const unknown = await refused(() => recruitment().post(`/api/v1/workers/${worker.workerId}/fees`).set('Authorization', KH_MINISTRY).send({ ...fee, payeeAgencyId: randomUUID() }), 422, 'unknown-reference');
    expect(unknown.detail).toMatch(/names no agency licensed by KH/);
    const known = await recruitment().post(`/api/v1/workers/${worker.workerId}/fees`).set('Authorization', KH_MINISTRY).send({ ...fee, payeeAgencyId: agencyId });
    expect(known.status).toBe(201);
  });

  it('finding 14: names are NFC before their length is counted, blank ones are refused, Zawgyi is converted to Unicode, and one Han character finds a Han name', async () => {
    for (const blank of ['   ', '\u200B\u200B', '\uFEFF \u200C']) {
      const problem = await refused(() => postWorker(registration({ fullName: blank })), 400, 'validation');
      expect(fields(problem)).toEqual(['fullName']);
      expect(problem.detail).toMatch(/blank/);
    }
    const vietnamese = Array(9).fill('Nguyễn Thị Ánh Nguyệt').join(' ').slice(0, 200).trim().normalize('NFC');
    const nfd = vietnamese.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(200);
    const { workerId: vietnameseId } = await registerWorker(kh(), { fullName: nfd, fullNameLatin: 'Nguyen Thi Anh Nguyet' });
    const read = (id: string) => recruitment().get(`/api/v1/workers/${id}`).query({ purpose: 'input policy e2e' }).set('Authorization', KH_MINISTRY);
    expect((await read(vietnameseId)).body.fullName).toBe(vietnamese);

    const zawgyi = 'ေအာင္ေက်ာ္';
    const unicode = 'အောင်ကျော်';
    const { workerId: myanmarId } = await registerWorker(kh(), { fullName: zawgyi, fullNameLatin: 'Aung Kyaw' });
    expect((await read(myanmarId)).body.fullName).toBe(unicode);
    const search = (name: string) => recruitment().get('/api/v1/workers').query({ name, purpose: 'input policy e2e', limit: 100 }).set('Authorization', KH_MINISTRY);
    const byUnicode = await search(unicode);
    expect(byUnicode.body.map((w: { workerId: string }) => w.workerId)).toContain(myanmarId);
    expect((await search(zawgyi)).body.map((w: { workerId: string }) => w.workerId)).toContain(myanmarId);

    const { workerId: hanId } = await registerWorker(kh(), { fullName: '王小明', fullNameLatin: 'Wang Xiaoming' });
    for (const query of ['王', '小明', '王小明', 'Wang']) expect({ query, found: (await search(query)).body.map((w: { workerId: string }) => w.workerId) }).toEqual({ query, found: expect.arrayContaining([hanId]) });
    expect((await search('李')).body.map((w: { workerId: string }) => w.workerId)).not.toContain(hanId);
  });
});
