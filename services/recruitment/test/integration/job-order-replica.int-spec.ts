import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { JobOrderVerifiedSchema, Sex, WorkerMatchedSchema, corridorTopic, encodeEvent, type EncodedEvent } from '@corridor/events';
import type { Producer } from 'kafkajs';
import type { CorridorEventServer } from '@corridor/messaging';
import { deliverEvent, dropTestDatabases, eventually, observeOutcomes, startConsumerGroupAtEnd, testKafka, testNodeConfig, uniqueGroupId, uniqueName, type ObservedRecord } from '@corridor/testing';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { aJobOrder, thDestination } from '@corridor/testing';

jest.setTimeout(90_000);

/**
 * The destination's copy of a job order must count the origin's matches whatever order they
 * arrive in: WorkerMatched is keyed by journey, the job order's own events by job order, so they
 * travel on different partitions and are applied concurrently. Records go through the real broker
 * to TH's consumer; one test also hands them to the record handler at once, to force the race.
 */
const th = testNodeConfig('TH');
const thDb = uniqueName('it_th_recruitment_replica');
const groupId = uniqueGroupId('TH', 'recruitment-replica');
const topic = corridorTopic('KH', 'TH', 'recruitment');
let app: INestApplication;
let events: CorridorEventServer;
let observed: ObservedRecord[];
let producer: Producer;

beforeAll(async () => {
  await startConsumerGroupAtEnd(th.kafkaBrokers, groupId, [topic]);
  const service = await createRecruitmentApp(th, { database: thDb, groupId });
  app = service.app;
  events = service.events!;
  observed = observeOutcomes(events);
  await events.whenAssigned();
  // KH publishes on its corridor to TH, as KH's own principal.
  producer = testKafka('job-order-replica-test', th.kafkaBrokers, 'KH').producer({ idempotent: true, allowAutoTopicCreation: false });
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect().catch(() => undefined);
  await app?.close();
  await dropTestDatabases(th, thDb);
});

/** Through Kafka, as KH's relay publishes: keyed by journey, so a job order's events and its matches land on different partitions. */
async function publish(...records: EncodedEvent[]): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: records.map((event) => ({ key: event.journeyId, value: Buffer.from(event.bytes), headers: { 'event-id': event.eventId, 'event-type': event.eventType } })),
  });
}

/** The outcomes of these events once the TH consumer has processed each as often as given. */
async function outcomesOf(records: EncodedEvent[], copies = 1): Promise<string[]> {
  const ids = records.map((e) => e.eventId);
  return eventually(
    async () => {
      const seen = observed.filter((o) => o.eventId !== undefined && ids.includes(o.eventId));
      return seen.length >= records.length * copies ? seen.map((o) => o.outcome) : undefined;
    },
    30_000,
    `${records.length * copies} record(s) consumed by TH`,
  );
}

/** Straight to the consumer's record handler, without Kafka: the only way to make several matches of one job order race for certain. */
const deliverDirectly = (event: EncodedEvent) => deliverEvent(events, { topic, event });

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
  it('matches published through Kafka on several partitions are all counted', async () => {
    const id = await approvedJobOrder(5);
    const verification = verified(id);
    const matches = [1, 2, 3, 4].map(() => matched(id));
    await publish(verification, ...matches);
    expect(await outcomesOf([verification, ...matches])).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await jobOrder(id)).toMatchObject({ status: 'verified', workersMatched: 4, placesLeft: 1 });
  });

  it('matches applied at the same moment (handed to the record handler at once, without Kafka) are all counted', async () => {
    const id = await approvedJobOrder(5);
    await deliverDirectly(verified(id));
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliverDirectly(matched(id))));
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await jobOrder(id)).toMatchObject({ status: 'verified', workersMatched: 4, placesLeft: 1 });
  });

  it('matches that arrive before the verification still fill the job order', async () => {
    const id = await approvedJobOrder(2);
    const matches = [matched(id), matched(id)];
    await publish(...matches);
    expect(await outcomesOf(matches)).toEqual(['applied', 'applied']);
    expect(await jobOrder(id)).toMatchObject({ status: 'approved', workersMatched: 2 });
    const verification = verified(id);
    await publish(verification);
    expect(await outcomesOf([verification])).toEqual(['applied']);
    expect(await jobOrder(id)).toMatchObject({ status: 'filled', workersMatched: 2, placesLeft: 0 });
  });

  it('a match published twice (a relay that crashed before marking it sent) is counted once', async () => {
    const id = await approvedJobOrder(3);
    const verification = verified(id);
    await publish(verification);
    expect(await outcomesOf([verification])).toEqual(['applied']);
    const once = matched(id);
    await publish(once);
    await publish(once);
    expect(await outcomesOf([once], 2)).toEqual(['applied', 'duplicate']);
    expect(await jobOrder(id)).toMatchObject({ workersMatched: 1 });
  });
});
