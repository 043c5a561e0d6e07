import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { JobOrderVerifiedSchema, Sex, WorkerMatchedSchema, corridorTopic, encodeEvent, type EncodedEvent } from '@corridor/events';
import type { CorridorEventServer } from '@corridor/messaging';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { aJobOrder, thDestination } from '@corridor/testing';

jest.setTimeout(90_000);

/**
 * The destination's copy of a job order must count the origin's matches whatever order they
 * arrive in: WorkerMatched is keyed by journey, the job order's own events by job order, so they
 * travel on different partitions and are applied concurrently.
 */
const th = testNodeConfig('TH');
const thDb = uniqueName('it_th_recruitment_replica');
const topic = corridorTopic('KH', 'TH', 'recruitment');
let app: INestApplication;
let events: CorridorEventServer;

beforeAll(async () => {
  const service = await createRecruitmentApp(th, { database: thDb });
  app = service.app;
  events = service.events!;
});

afterAll(async () => {
  await app?.close();
  await dropTestDatabases(th, thDb);
});

let offset = 0;
function deliver(event: EncodedEvent) {
  offset += 1;
  return events.processRecord({
    topic,
    partition: 0,
    message: { key: Buffer.from(event.journeyId), value: Buffer.from(event.bytes), offset: String(offset), timestamp: String(Date.now()), attributes: 0, headers: {}, size: 0 },
    heartbeat: async () => undefined,
    pause: () => () => undefined,
  } as never);
}

const byKh = { country: 'KH', officerId: 'officer-kh-1' };
const matched = (jobOrderId: string) =>
  encodeEvent({
    schema: WorkerMatchedSchema,
    journeyId: uuidv7(),
    corridor: { origin: 'KH', destination: 'TH' },
    recordedBy: byKh,
    payload: create(WorkerMatchedSchema, { workerId: uuidv7(), jobOrderId, destination: 'TH', sex: Sex.MALE, birthYear: 1995, occupationIsco: '9329' }),
  });
const verified = (jobOrderId: string) =>
  encodeEvent({ schema: JobOrderVerifiedSchema, journeyId: jobOrderId, corridor: { origin: 'KH', destination: 'TH' }, recordedBy: byKh, payload: create(JobOrderVerifiedSchema, { jobOrderId }) });

async function jobOrder(id: string) {
  return (await request(app.getHttpServer()).get(`/api/v1/job-orders/${id}`).set('Authorization', thDestination()).expect(200)).body;
}

async function approvedJobOrder(workersRequested: number): Promise<string> {
  const created = await request(app.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thDestination()).send(aJobOrder({ workersRequested })).expect(201);
  await request(app.getHttpServer()).post(`/api/v1/job-orders/${created.body.jobOrderId}/approval`).set('Authorization', thDestination()).send({}).expect(201);
  return created.body.jobOrderId;
}

describe("the destination's copy of a job order counts the origin's matches", () => {
  it('matches applied concurrently are all counted', async () => {
    const id = await approvedJobOrder(5);
    await deliver(verified(id));
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliver(matched(id))));
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await jobOrder(id)).toMatchObject({ status: 'verified', workersMatched: 4, placesLeft: 1 });
  });

  it('matches that arrive before the verification still fill the job order', async () => {
    const id = await approvedJobOrder(2);
    await Promise.all([deliver(matched(id)), deliver(matched(id))]);
    expect(await jobOrder(id)).toMatchObject({ status: 'approved', workersMatched: 2 });
    await deliver(verified(id));
    expect(await jobOrder(id)).toMatchObject({ status: 'filled', workersMatched: 2, placesLeft: 0 });
  });

  it('a redelivered match is counted once', async () => {
    const id = await approvedJobOrder(3);
    await deliver(verified(id));
    const once = matched(id);
    expect(await deliver(once)).toBe('applied');
    expect(await deliver(once)).toBe('duplicate');
    expect(await jobOrder(id)).toMatchObject({ workersMatched: 1 });
  });
});
