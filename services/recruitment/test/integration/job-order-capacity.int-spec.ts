import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { aJobOrder, agencyStaff, khMinistry, registerAgency, registerWorker, thDestination, verifiedJobOrder } from '@corridor/testing';

jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_recruitment_capacity');
const thDb = uniqueName('it_th_recruitment_capacity');
let khApp: INestApplication;
let thApp: INestApplication;
let db: Client;

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

const match = (jobOrderId: string, workerId: string, token = khMinistry()) =>
  request(khApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/matches`).set('Authorization', token).send({ workerId });

async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await db.query(sql, params)).rows;
}

describe('a job order never takes more workers than it asked for', () => {
  it('two concurrent matches for the last place: exactly one wins, the other gets 409, the counts stay right', async () => {
    const jobOrderId = await verifiedJobOrder(khApp, thApp, { workersRequested: 2 });
    const [first, second, third, fourth] = [await registerWorker(khApp), await registerWorker(khApp), await registerWorker(khApp), await registerWorker(khApp)];
    expect((await match(jobOrderId, first.workerId)).status).toBe(201);

    const racing = await Promise.all([match(jobOrderId, second.workerId), match(jobOrderId, third.workerId)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = racing.find((r) => r.status === 409)!;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.body).toMatchObject({ type: 'https://corridor.gms/problems/job-order-full', workersRequested: 2, workersMatched: 2 });

    const late = await match(jobOrderId, fourth.workerId);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ type: 'https://corridor.gms/problems/job-order-full', workersRequested: 2, workersMatched: 2, currentState: 'filled' });

    expect(await rows('SELECT workers_matched, status FROM job_order WHERE id = $1', [jobOrderId])).toEqual([{ workers_matched: 2, status: 'filled' }]);
    expect(await rows('SELECT count(*)::int AS n FROM worker_match WHERE job_order_id = $1', [jobOrderId])).toEqual([{ n: 2 }]);
    expect(await rows("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'corridor.v1.WorkerMatched'")).toEqual([{ n: 2 }]);

    // The destination's copy follows: two places taken, filled.
    const onTh = await eventually(async () => {
      const r = await request(thApp.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', thDestination());
      return r.body.status === 'filled' ? r.body : undefined;
    }, 30_000, 'filled job order on TH');
    expect(onTh).toMatchObject({ workersMatched: 2, placesLeft: 0 });
  });

  it('many concurrent matches for a job order of 3 places: exactly 3 succeed', async () => {
    const jobOrderId = await verifiedJobOrder(khApp, thApp, { workersRequested: 3 });
    const workers = [];
    for (let i = 0; i < 7; i++) workers.push(await registerWorker(khApp));
    const answers = await Promise.all(workers.map((w) => match(jobOrderId, w.workerId)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(4);
    expect(await rows('SELECT count(*)::int AS n FROM worker_match WHERE job_order_id = $1', [jobOrderId])).toEqual([{ n: 3 }]);
  });

  it('matching needs a verified job order: 409 naming the state and what is allowed', async () => {
    const created = await request(thApp.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thDestination()).send(aJobOrder()).expect(201);
    const jobOrderId = created.body.jobOrderId;
    await request(thApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/approval`).set('Authorization', thDestination()).send({}).expect(201);
    await eventually(async () => {
      const r = await request(khApp.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', khMinistry());
      return r.body.status === 'approved' ? true : undefined;
    }, 30_000);
    const worker = await registerWorker(khApp);
    const refused = await match(jobOrderId, worker.workerId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'https://corridor.gms/problems/illegal-transition', currentState: 'approved', action: 'match', allowedActions: ['verify', 'reject'] });
  });

  it('each side takes only its own decision: TH cannot verify, KH cannot approve; a rejected order is final', async () => {
    const created = await request(thApp.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thDestination()).send(aJobOrder()).expect(201);
    const jobOrderId = created.body.jobOrderId;
    // TH's ministry officer acts for no side of a job order TH asked for: it is not even visible to
    // them (404, as for an unknown id); KH officers are not TH officers (403).
    expect((await request(thApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/verification`).set('Authorization', bearer('TH', ['ministry-officer'])).send({})).status).toBe(404);
    const foreign = await request(thApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/approval`).set('Authorization', bearer('KH', ['destination-officer'])).send({});
    expect([foreign.status, foreign.body.type]).toEqual([403, 'https://corridor.gms/problems/forbidden']);
    // Verifying before approval: illegal transition at origin.
    await eventually(async () => ((await request(khApp.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', khMinistry())).status === 200 ? true : undefined), 30_000);
    const early = await request(khApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/verification`).set('Authorization', khMinistry()).send({});
    expect(early.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/illegal-transition', currentState: 'submitted', action: 'verify', allowedActions: ['approve'] });
    // A KH destination officer acts for no side of a KH>TH order: on the KH node it is not even visible to them.
    expect((await request(khApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/approval`).set('Authorization', bearer('KH', ['destination-officer'])).send({})).status).toBe(404);

    await request(thApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/approval`).set('Authorization', thDestination()).send({}).expect(201);
    await eventually(async () => ((await request(khApp.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', khMinistry())).body.status === 'approved' ? true : undefined), 30_000);
    const rejected = await request(khApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/rejection`).set('Authorization', khMinistry()).send({ reason: 'wage below the legal minimum' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'wage below the legal minimum', allowedActions: [] });
    const onTh = await eventually(async () => {
      const r = await request(thApp.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', thDestination());
      return r.body.status === 'rejected' ? r.body : undefined;
    }, 30_000);
    expect(onTh.rejectionReason).toBe('wage below the legal minimum');
    const again = await request(khApp.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/verification`).set('Authorization', khMinistry()).send({});
    expect(again.body).toMatchObject({ type: 'https://corridor.gms/problems/illegal-transition', currentState: 'rejected', allowedActions: [] });
  });

  it('an agency matches only its own workers, and only while licensed', async () => {
    const jobOrderId = await verifiedJobOrder(khApp, thApp, { workersRequested: 5 });
    const agencyId = await registerAgency(khApp);
    const otherAgencyId = await registerAgency(khApp);
    const own = await registerWorker(khApp, agencyStaff(agencyId));
    const others = await registerWorker(khApp, agencyStaff(otherAgencyId));
    expect((await match(jobOrderId, others.workerId, agencyStaff(agencyId))).status).toBe(404);
    expect((await match(jobOrderId, own.workerId, bearer('LA', ['ministry-officer']))).status).toBe(403);
    const ok = await match(jobOrderId, own.workerId, agencyStaff(agencyId));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ jobOrderId, workerId: own.workerId, destination: 'TH', status: 'matched', agencyId, personDataShared: true });
    const twice = await match(jobOrderId, own.workerId, agencyStaff(agencyId));
    expect(twice.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/worker-already-matched', jobOrderId });
    const list = await request(khApp.getHttpServer()).get('/api/v1/matches').query({ jobOrderId }).set('Authorization', agencyStaff(otherAgencyId)).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('lists job orders with paging and filters', async () => {
    // A filled order of its own: the filter is checked on a list that cannot be empty.
    const filledId = await verifiedJobOrder(khApp, thApp, { workersRequested: 1 });
    expect((await match(filledId, (await registerWorker(khApp)).workerId, khMinistry())).status).toBe(201);
    const list = (status: string, limit: number) => request(khApp.getHttpServer()).get('/api/v1/job-orders').query({ status, limit, offset: 0 }).set('Authorization', khMinistry()).expect(200);
    const filled = (await list('filled', 100)).body.items as { jobOrderId: string; status: string }[];
    expect(filled.map((o) => o.jobOrderId)).toContain(filledId);
    expect([...new Set(filled.map((o) => o.status))]).toEqual(['filled']);
    expect((await list('verified', 100)).body.items.map((o: { jobOrderId: string }) => o.jobOrderId)).not.toContain(filledId);
    const page = await list('filled', 1);
    expect(page.body).toMatchObject({ limit: 1, offset: 0 });
    expect(page.body.items).toHaveLength(1);
    const bad = await request(khApp.getHttpServer()).get('/api/v1/job-orders').query({ limit: 0 }).set('Authorization', khMinistry());
    expect(bad.status).toBe(400);
  });
});
