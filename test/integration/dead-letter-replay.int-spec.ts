import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { countryTopic } from '@corridor/events';
import { createKafka, listDeadLetters, replayDeadLetters, type CorridorEventServer } from '@corridor/messaging';
import { aWorkerRegistration, bearer, dropTestDatabases, eventually, expectServiceLogs, observeOutcomes, startConsumerGroupAtEnd, testNodeConfig, uniqueGroupId, uniqueName, waitUntilConsumedToEnd, type ObservedRecord } from '@corridor/testing';
import { createRecruitmentApp } from '@corridor/recruitment-service';
// Cross-service by design: the journey consumer fails on recruitment's record, the operator replays it.
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';

/**
 * The operator's dead-letter tool (npm run dlq, libs/messaging ops/dead-letter-tool.ts) on the real
 * broker and Postgres, as the node's own Kafka principal: a record the journey cannot apply (its
 * timeline table is gone) is dead-lettered; after the fix the operator lists it with its error and
 * replays it twice; it is applied once.
 */
jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const topic = countryTopic('KH', 'recruitment');
const recruitmentDb = uniqueName('it_kh_recruitment_dlq');
const journeyDb = uniqueName('it_kh_journey_dlq');
const journeyGroup = uniqueGroupId('KH', 'journey-dlq');
const officer = bearer('KH', ['ministry-officer']);
const kafka = createKafka('it-ops-dlq', { brokers: kh.kafkaBrokers, sasl: kh.kafkaSasl });

let journey: INestApplication;
let journeyEvents: CorridorEventServer;
let observed: ObservedRecord[] = [];
let recruitment: INestApplication;
let db: Client;

beforeAll(async () => {
  await startConsumerGroupAtEnd(kh.kafkaBrokers, journeyGroup, journeyTopics(kh));
  const service = await createJourneyApp(kh, { database: journeyDb, groupId: journeyGroup, retry: { maxAttempts: 2, initialMs: 20, maxMs: 50 } });
  journey = service.app;
  journeyEvents = service.events!;
  observed = observeOutcomes(journeyEvents);
  await journeyEvents.whenAssigned();
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
  db = new Client({ ...kh.postgres, database: journeyDb });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await recruitment?.close();
  await journey?.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

describe('dead letters: list and replay', () => {
  it('lists a dead letter with its error, and replaying it twice applies it once', async () => {
    const logs = expectServiceLogs(/dead-lettered after 2 attempt/);
    await db.query('ALTER TABLE timeline_entry RENAME TO timeline_entry_away');
    const registered = await request(recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', officer).send(aWorkerRegistration()).expect(201);
    const { journeyId } = registered.body as { journeyId: string };
    await eventually(async () => (observed.some((o) => o.key === journeyId && o.outcome === 'dead-lettered') ? true : undefined), 30_000, 'the registration dead-lettered');
    await db.query('ALTER TABLE timeline_entry_away RENAME TO timeline_entry');

    const letters = (await listDeadLetters(kafka, topic, uniqueGroupId('KH', 'ops.dlq'))).filter((l) => l.message.key?.toString() === journeyId);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter).toMatchObject({ eventType: 'corridor.v1.WorkerRegistered', consumerGroup: journeyGroup, attempts: 2, errorType: 'QueryFailedError', original: { topic } });
    expect(letter.error).toMatch(/timeline_entry/);
    // Logged once, as its own record: other suites' registrations on the shared topic that this consumer
    // took while the table was away were dead-lettered (and logged) too.
    expect(logs.matching(new RegExp(`record ${topic}/${letter.original.partition}@${letter.original.offset} dead-lettered after 2 attempt`))).toHaveLength(1);

    await replayDeadLetters(kafka, topic, [letter]);
    await replayDeadLetters(kafka, topic, [letter]);
    await waitUntilConsumedToEnd(kh.kafkaBrokers, journeyGroup, [topic]);
    expect(observed.filter((o) => o.eventId === letter.eventId).map((o) => o.outcome)).toEqual(['dead-lettered', 'applied', 'duplicate']);
    const { rows: entries } = await db.query('SELECT event_id FROM timeline_entry WHERE journey_id = $1', [journeyId]);
    expect(entries).toEqual([{ event_id: letter.eventId }]);
    const { rows: inbox } = await db.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [letter.eventId]);
    expect(inbox[0].n).toBe(1);
  });
});
