import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { bearer, dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { aWorker, agencyStaff, khMinistry, registerAgency, registerWorker, verifiedJobOrder } from '@corridor/testing';

const LICENCE_NOT_VALID = 'https://corridor.gms/problems/agency-licence-not-valid';
jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_recruitment_agency');
const thDb = uniqueName('it_th_recruitment_agency');
let khApp: INestApplication;
let thApp: INestApplication;
let db: Client;

async function count(table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

beforeAll(async () => {
  khApp = (await createRecruitmentApp(kh, { database: khDb })).app;
  thApp = (await createRecruitmentApp(th, { database: thDb })).app;
  db = new Client({ ...kh.postgres, database: khDb });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await khApp?.close();
  await thApp?.close();
  await dropTestDatabases(kh, khDb, thDb);
});

const post = (path: string, token: string, body: object = {}) => request(khApp.getHttpServer()).post(path).set('Authorization', token).send(body);

describe('agency licences: only a licensed agency whose licence is valid today may recruit', () => {
  it('a licensed agency registers its own worker; another agency cannot see that worker', async () => {
    const agencyId = await registerAgency(khApp);
    const worker = await registerWorker(khApp, agencyStaff(agencyId));
    const otherAgency = await registerAgency(khApp);
    const asOther = await request(khApp.getHttpServer()).get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'curious' }).set('Authorization', agencyStaff(otherAgency));
    expect([asOther.status, asOther.body.type]).toEqual([404, 'https://corridor.gms/problems/not-found']);
    // An agency reads only its own agency record.
    expect((await request(khApp.getHttpServer()).get(`/api/v1/agencies/${agencyId}`).set('Authorization', agencyStaff(otherAgency))).status).toBe(404);
    expect((await request(khApp.getHttpServer()).get(`/api/v1/agencies/${agencyId}`).set('Authorization', agencyStaff(agencyId))).body.mayRecruitToday).toBe(true);
  });

  it('a suspended agency cannot register or match workers (409 saying why), and can again once reinstated', async () => {
    const agencyId = await registerAgency(khApp);
    const worker = await registerWorker(khApp, agencyStaff(agencyId));
    const jobOrderId = await verifiedJobOrder(khApp, thApp);
    const suspended = await post(`/api/v1/agencies/${agencyId}/suspension`, khMinistry(), { reason: 'charged workers recruitment fees' });
    expect(suspended.status).toBe(201);
    expect(suspended.body).toMatchObject({ status: 'suspended', mayRecruitToday: false, allowedActions: ['reinstate', 'revoke'] });

    const workersBefore = await count('worker');
    const outboxBefore = await count('outbox');
    const refused = await post('/api/v1/workers', agencyStaff(agencyId), aWorker());
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: LICENCE_NOT_VALID, agencyId, licenceStatus: 'suspended', reason: 'suspended' });

    const match = await post(`/api/v1/job-orders/${jobOrderId}/matches`, agencyStaff(agencyId), { workerId: worker.workerId });
    expect(match.body).toMatchObject({ status: 409, type: LICENCE_NOT_VALID, reason: 'suspended' });
    expect(await count('worker')).toBe(workersBefore);
    expect(await count('worker_match')).toBe(0);
    expect(await count('outbox')).toBe(outboxBefore);

    // The ministry itself is not held back by an agency's licence (current behaviour kept).
    await registerWorker(khApp, khMinistry());

    expect((await post(`/api/v1/agencies/${agencyId}/reinstatement`, khMinistry(), { reason: 'refunds made' })).body.status).toBe('licensed');
    expect((await post('/api/v1/workers', agencyStaff(agencyId), aWorker())).status).toBe(201);
    expect((await post(`/api/v1/job-orders/${jobOrderId}/matches`, agencyStaff(agencyId), { workerId: worker.workerId })).status).toBe(201);
  });

  it.each([
    ['expired', { licenceValidFrom: '2015-01-01', licenceValidTo: '2020-12-31' }],
    ['not-yet-valid', { licenceValidFrom: '2098-01-01', licenceValidTo: '2099-12-31' }],
  ])('an agency whose licence is %s cannot register workers', async (reason, dates) => {
    const agencyId = await registerAgency(khApp, dates);
    const refused = await post('/api/v1/workers', agencyStaff(agencyId), aWorker());
    expect(refused.body).toMatchObject({ status: 409, type: LICENCE_NOT_VALID, licenceStatus: 'licensed', reason });
  });

  it('an agency unknown to the ministry cannot register workers', async () => {
    const refused = await post('/api/v1/workers', agencyStaff('AG-UNKNOWN'), aWorker());
    expect(refused.body).toMatchObject({ status: 409, type: LICENCE_NOT_VALID, licenceStatus: 'unknown', reason: 'unknown-agency' });
  });

  it('revocation is final: a later reinstatement or suspension is an illegal transition naming the state', async () => {
    const agencyId = await registerAgency(khApp);
    expect((await post(`/api/v1/agencies/${agencyId}/revocation`, khMinistry(), { reason: 'forged documents' })).body.status).toBe('revoked');
    const again = await post(`/api/v1/agencies/${agencyId}/reinstatement`, khMinistry(), { reason: 'appeal' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringContaining('illegal-transition'), currentState: 'revoked', allowedActions: [] });
    const refused = await post('/api/v1/workers', agencyStaff(agencyId), aWorker());
    expect(refused.body).toMatchObject({ type: LICENCE_NOT_VALID, licenceStatus: 'revoked', reason: 'revoked' });
  });

  it('reinstating a licensed agency is refused with the allowed actions', async () => {
    const agencyId = await registerAgency(khApp);
    const response = await post(`/api/v1/agencies/${agencyId}/reinstatement`, khMinistry(), {});
    expect(response.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/illegal-transition', currentState: 'licensed', action: 'reinstate', allowedActions: ['suspend', 'revoke'] });
  });

  it('a licence number is held by one agency: a second registration with it is licence-number-taken, naming the holder', async () => {
    const agencyId = await registerAgency(khApp);
    const held = await request(khApp.getHttpServer()).get(`/api/v1/agencies/${agencyId}`).set('Authorization', khMinistry()).expect(200);
    const again = await post('/api/v1/agencies', khMinistry(), { name: 'Copycat Co.', licenceNumber: held.body.licenceNumber, licenceValidFrom: '2026-01-01', licenceValidTo: '2028-12-31' });
    expect(again.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/licence-number-taken', existingAgencyId: agencyId });
  });

  it('only the node’s ministry officers manage agencies', async () => {
    const agencyId = await registerAgency(khApp);
    const bySelf = await post(`/api/v1/agencies/${agencyId}/suspension`, agencyStaff(agencyId), { reason: 'self-suspension' });
    expect([bySelf.status, bySelf.body.type]).toEqual([403, 'https://corridor.gms/problems/forbidden']);
    expect((await post(`/api/v1/agencies/${agencyId}/suspension`, bearer('LA', ['ministry-officer']), { reason: 'foreign officer' })).status).toBe(403);
    expect((await post('/api/v1/agencies', bearer('TH', ['ministry-officer', 'admin']), { name: 'x' })).status).toBe(403);
    expect((await request(khApp.getHttpServer()).get('/api/v1/agencies').set('Authorization', bearer('KH', ['statistician']))).status).toBe(403);
  });

  it('lists agencies with paging and a status filter', async () => {
    const suspendedId = await registerAgency(khApp);
    await post(`/api/v1/agencies/${suspendedId}/suspension`, khMinistry(), { reason: 'inspection pending' });
    const page = await request(khApp.getHttpServer()).get('/api/v1/agencies').query({ status: 'suspended', limit: 1 }).set('Authorization', khMinistry()).expect(200);
    expect(page.body.limit).toBe(1);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
    expect(page.body.items.every((a: { status: string }) => a.status === 'suspended')).toBe(true);
    const own = await request(khApp.getHttpServer()).get('/api/v1/agencies').set('Authorization', agencyStaff(suspendedId)).expect(200);
    expect(own.body.items.map((a: { agencyId: string }) => a.agencyId)).toEqual([suspendedId]);
  });
});
