import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { JobOrderApprovedSchema, JobOrderCreatedSchema, JobOrderVerifiedSchema, buildEvent, systemActor, type OutboxEvent } from '@corridor/events';
import type { CorridorEventServer } from '@corridor/messaging';
import { aJobOrder, deliverAndCollectWarnings, deliverEvent, dropTestDatabases, khMinistry, registerWorker, testNodeConfig, uniqueName } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';

jest.setTimeout(90_000);

/**
 * The recruitment rules that refuse a step, each told by its own problem type; and the job-order
 * replica, which refuses an event its state machine forbids with the reason the use case gives.
 * One KH node; TH's job-order events are delivered to it directly.
 */
const kh = testNodeConfig('KH');
const khDb = uniqueName('it_kh_recruitment_rules');
const P = 'https://corridor.gms/problems/';
let app: INestApplication;
let events: CorridorEventServer;

const deliver = (built: OutboxEvent) => deliverEvent(events, built);

beforeAll(async () => {
  const service = await createRecruitmentApp(kh, { database: khDb });
  app = service.app;
  events = service.events!;
});

afterAll(async () => {
  await app?.close();
  await dropTestDatabases(kh, khDb);
});

const post = (path: string, body: object = {}) => request(app.getHttpServer()).post(path).set('Authorization', khMinistry()).send(body);
const get = (path: string) => request(app.getHttpServer()).get(path).set('Authorization', khMinistry());


/** A job order TH recorded and approved, as its events reach KH. */
async function approvedJobOrderFromTh(): Promise<string> {
  const jobOrderId = uuidv7();
  const order = aJobOrder();
  const along = { stage: 'recruitment', by: { subject: 'officer-th-1', country: 'TH' }, journeyId: jobOrderId, corridor: { origin: 'KH', destination: 'TH' } } as const;
  await deliver(
    buildEvent({
      ...along,
      schema: JobOrderCreatedSchema,
      payload: create(JobOrderCreatedSchema, { ...order, jobOrderId, destination: 'TH', wage: { amountMinor: BigInt(order.wageAmountMinor), currency: order.wageCurrency } }),
    }),
  );
  await deliver(buildEvent({ ...along, schema: JobOrderApprovedSchema, payload: create(JobOrderApprovedSchema, { jobOrderId }) }));
  return jobOrderId;
}

describe('recruitment rules, each with its own problem type', () => {
  it('a worker is nominated once, and withdraws consent once', async () => {
    const worker = await registerWorker(app);
    await post(`/api/v1/workers/${worker.workerId}/nominations`, { destination: 'TH' }).expect(201);
    const again = await post(`/api/v1/workers/${worker.workerId}/nominations`, { destination: 'TH' });
    expect(again.body).toMatchObject({ status: 409, type: `${P}worker-already-nominated`, destination: 'TH' });
    await post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`, { howGiven: 'signed-form' }).expect(201);
    const twice = await post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`, { howGiven: 'signed-form' });
    expect(twice.body).toMatchObject({ status: 409, type: `${P}consent-already-withdrawn` });
  });

  it("a worker on LA's name list is not matched to a job order for TH", async () => {
    const jobOrderId = await approvedJobOrderFromTh();
    await post(`/api/v1/job-orders/${jobOrderId}/verification`).expect(201);
    const worker = await registerWorker(app);
    // Nominated for LA while a KH>LA corridor was open (this node no longer has it, nor does the test broker).
    const db = new Client({ ...kh.postgres, database: khDb });
    await db.connect();
    try {
      await db.query("UPDATE worker SET nominated_destination = 'LA' WHERE id = $1", [worker.workerId]);
    } finally {
      await db.end();
    }
    const refused = await post(`/api/v1/job-orders/${jobOrderId}/matches`, { workerId: worker.workerId });
    expect(refused.body).toMatchObject({ status: 409, type: `${P}worker-nominated-elsewhere`, nominatedDestination: 'LA', jobOrderDestination: 'TH' });
  });

  it('orientation: after matching, once per worker, completed on or after the day it is held', async () => {
    const jobOrderId = await approvedJobOrderFromTh();
    await post(`/api/v1/job-orders/${jobOrderId}/verification`).expect(201);
    const [matched, unmatched] = [await registerWorker(app), await registerWorker(app)];
    await post(`/api/v1/job-orders/${jobOrderId}/matches`, { workerId: matched.workerId }).expect(201);
    const session = await post('/api/v1/orientation-sessions', { heldOn: '2099-06-01', place: 'Kampot', topics: ['health-and-hiv'] }).expect(201);
    const path = `/api/v1/orientation-sessions/${session.body.sessionId}`;

    expect((await post(`${path}/attendance`, { workerId: unmatched.workerId })).body).toMatchObject({ status: 409, type: `${P}attendee-not-matched` });
    await post(`${path}/attendance`, { workerId: matched.workerId }).expect(201);
    expect((await post(`${path}/attendance`, { workerId: matched.workerId })).body).toMatchObject({ status: 409, type: `${P}attendance-already-recorded` });
    expect((await post(`${path}/completion`)).body).toMatchObject({ status: 409, type: `${P}session-not-held-yet`, heldOn: '2099-06-01', currentState: 'scheduled' });
  });
});

describe("the job-order replica applies the use cases' state machine", () => {
  it('an event the state machine forbids is left out, logged with the very reason the use case answers', async () => {
    const jobOrderId = await approvedJobOrderFromTh();
    await post(`/api/v1/job-orders/${jobOrderId}/verification`).expect(201);
    const useCase = await post(`/api/v1/job-orders/${jobOrderId}/verification`);
    expect(useCase.body).toMatchObject({ status: 409, type: `${P}illegal-transition`, currentState: 'verified', action: 'verify' });

    // Another node's verification of the same job order (no such step is the destination's to take).
    const forged = buildEvent({ stage: 'recruitment', by: systemActor('TH', 'replay'), journeyId: jobOrderId, corridor: { origin: 'KH', destination: 'TH' }, schema: JobOrderVerifiedSchema, payload: create(JobOrderVerifiedSchema, { jobOrderId }) });
    expect(await deliverAndCollectWarnings(events, forged)).toEqual({ outcome: 'applied', warnings: [`corridor.v1.JobOrderVerified (event ${forged.event.eventId}) left out: ${useCase.body.detail}`] });
    expect((await get(`/api/v1/job-orders/${jobOrderId}`).expect(200)).body).toMatchObject({ status: 'verified', workersMatched: 0 });
  });
});
