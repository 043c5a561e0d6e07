import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type EachMessagePayload } from 'kafkajs';
import { Client } from 'pg';
import { countryTopic, deadLetterTopic, decodeEnvelope } from '@corridor/events';
import { ensureTopics, type CorridorEventServer } from '@corridor/messaging';
import { bearer, dropTestDatabases, eventually, readTopic, testNodeConfig, uniqueName, type ReadRecord, aWorkerRegistration } from '@corridor/testing';
import { createRecruitmentApp } from '@corridor/recruitment-service';
// Cross-service by design: this suite checks recruitment's outbox end to end through the KH journey
// consumer, as test/e2e does (the lint rule allows that there, not under services/*/test).
import { createJourneyApp } from '@corridor/journey-service';
import { journeyTopics } from '@corridor/journey-service';

jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const topic = countryTopic('KH', 'recruitment');
const recruitmentDb = uniqueName('it_kh_recruitment_crash');
const journeyDb = uniqueName('it_kh_journey_crash');
const journeyGroup = uniqueName('journey-kh-crash');
const officer = bearer('KH', ['ministry-officer']);

type Outcome = Awaited<ReturnType<CorridorEventServer['processRecord']>>;

let kafka: Kafka;
let journey: INestApplication;
let journeyEvents: CorridorEventServer;
const observed: { eventId: string | undefined; outcome: Outcome }[] = [];
let recruitment: INestApplication | undefined;
let db: Client;


/** The journey group starts at the current end of the shared topics instead of replaying every earlier run. */
async function startGroupAtEnd(groupId: string, topics: string[]): Promise<void> {
  await ensureTopics(kafka, [...topics, ...topics.map(deadLetterTopic)]);
  const admin = kafka.admin();
  await admin.connect();
  const ends = await Promise.all(topics.map(async (t) => ({ t, offsets: await admin.fetchTopicOffsets(t) }))).finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    consumer.pause(topics.map((t) => ({ topic: t })));
    await joined;
    await consumer.commitOffsets(ends.flatMap(({ t, offsets }) => offsets.map((o) => ({ topic: t, partition: o.partition, offset: o.high }))));
  } finally {
    await consumer.disconnect();
  }
}

/** Records what the journey consumer did with each record (the real method still runs). */
function observeOutcomes(server: CorridorEventServer): void {
  const original = server.processRecord.bind(server);
  server.processRecord = async (payload: EachMessagePayload) => {
    const outcome = await original(payload);
    let eventId: string | undefined;
    try {
      eventId = decodeEnvelope(payload.message.value).eventId;
    } catch {
      eventId = undefined;
    }
    observed.push({ eventId, outcome });
    return outcome;
  };
}

function header(record: ReadRecord, name: string): string | undefined {
  const value = record.message.headers?.[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value[0] : value)?.toString();
}

/** Reads a topic up to its end as of now, so that records can be counted exactly. */
async function readTopicToEnd(t: string): Promise<ReadRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(t).finally(() => admin.disconnect());
  const last = new Map(offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high) - 1]));
  if (last.size === 0) return [];
  const reached = (records: ReadRecord[], partition: number, offset: number) =>
    records.some((r) => r.partition === partition && Number(r.message.offset) >= offset);
  const records = await readTopic(kh.kafkaBrokers, [t], (read) => [...last].every(([p, o]) => reached(read, p, o)), 60_000);
  expect([...last].filter(([p, o]) => !reached(records, p, o))).toEqual([]);
  return records;
}

async function outboxRow(journeyId: string) {
  const result = await db.query<{ event_id: string; published_at: Date | null; publish_attempts: number }>(
    'SELECT event_id, published_at, publish_attempts FROM outbox WHERE record_key = $1',
    [journeyId],
  );
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

beforeAll(async () => {
  kafka = new Kafka({ clientId: 'outbox-crash-test', brokers: kh.kafkaBrokers, logLevel: logLevel.NOTHING });
  await startGroupAtEnd(journeyGroup, journeyTopics(kh));
  const service = await createJourneyApp(kh, { database: journeyDb, groupId: journeyGroup });
  journey = service.app;
  journeyEvents = service.events!;
  observeOutcomes(journeyEvents);
  await journeyEvents.whenAssigned();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await recruitment?.close();
  await journey?.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

describe('outbox crash recovery', () => {
  it('the relay crashing after the database commit and before publishing loses nothing and doubles nothing', async () => {
    // 1. The registration commits, the relay never runs: a crash right after the commit.
    recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb, startRelay: false })).app;
    db = new Client({ ...kh.postgres, database: recruitmentDb });
    await db.connect();
    const registered = await request(recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', officer).send(aWorkerRegistration()).expect(201);
    const { journeyId, workerId } = registered.body as { journeyId: string; workerId: string };
    const pending = await outboxRow(journeyId);
    expect(pending.published_at).toBeNull();
    const eventId = pending.event_id;
    await recruitment.close();
    recruitment = undefined;
    expect((await outboxRow(journeyId)).published_at).toBeNull();
    const workers = await db.query('SELECT id FROM worker WHERE journey_id = $1', [journeyId]);
    expect(workers.rows).toEqual([{ id: workerId }]);

    // 2. Restarted, the relay publishes, then "crashes" once after Kafka acknowledged the batch
    //    and before it marked the row sent; the next attempt publishes the same row again.
    const hookCalls: string[][] = [];
    recruitment = (
      await createRecruitmentApp(kh, {
        database: recruitmentDb,
        relay: {
          pollIntervalMs: 200,
          afterPublishBeforeMark: async (eventIds) => {
            hookCalls.push(eventIds);
            if (hookCalls.length === 1) throw new Error('simulated crash after publish, before mark');
          },
        },
      })
    ).app;

    const published = await eventually(async () => (await outboxRow(journeyId)).published_at ?? undefined, 30_000, 'the outbox row marked sent');
    expect(published).toBeInstanceOf(Date);
    expect(hookCalls).toEqual([[eventId], [eventId]]);

    // 3. Kafka holds the record twice: the duplicate really happened.
    await eventually(async () => (observed.filter((o) => o.eventId === eventId).length >= 2 ? true : undefined), 30_000, 'both copies consumed');
    const copies = (await readTopicToEnd(topic)).filter((r) => header(r, 'event-id') === eventId);
    expect(copies).toHaveLength(2);
    expect(copies.map((r) => r.message.key?.toString())).toEqual([journeyId, journeyId]);
    expect(Buffer.compare(copies[0].message.value!, copies[1].message.value!)).toBe(0);
    expect(copies[0].partition).toBe(copies[1].partition);

    // 4. ...and the journey timeline shows it once: the second copy was recognised as a duplicate.
    expect(observed.filter((o) => o.eventId === eventId).map((o) => o.outcome)).toEqual(['applied', 'duplicate']);
    const timeline = await request(journey.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', officer).expect(200);
    expect(timeline.body.entries).toHaveLength(1);
    expect(timeline.body.entries[0]).toMatchObject({ eventId, eventType: 'corridor.v1.WorkerRegistered', details: { workerId } });

    // 5. Nothing is left to send, and a later relay pass sends nothing more.
    const unsent = await db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    expect(unsent.rows[0].n).toBe(0);
    expect((await outboxRow(journeyId)).publish_attempts).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(hookCalls).toHaveLength(2);
  });
});
