import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { countryTopic } from '@corridor/events';
import { OutboxRelay, type CorridorEventServer } from '@corridor/messaging';
import { bearer, dropTestDatabases, eventually, expectServiceLogs, testNodeConfig, uniqueName, aWorkerRegistration, headerOf, readTopicToEnd, observeOutcomes, startConsumerGroupAtEnd, type ObservedRecord, uniqueGroupId } from '@corridor/testing';
import { createRecruitmentApp } from '@corridor/recruitment-service';
// Cross-service by design: recruitment's outbox checked end to end through the KH journey consumer.
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';

jest.setTimeout(120_000);

const kh = testNodeConfig('KH');
const topic = countryTopic('KH', 'recruitment');
const recruitmentDb = uniqueName('it_kh_recruitment_crash');
const journeyDb = uniqueName('it_kh_journey_crash');
const journeyGroup = uniqueGroupId('KH', 'journey-crash');
const officer = bearer('KH', ['ministry-officer']);

let journey: INestApplication;
let journeyEvents: CorridorEventServer;
let observed: ObservedRecord[] = [];
let recruitment: INestApplication | undefined;
let db: Client;


async function outboxRow(journeyId: string) {
  const result = await db.query<{ event_id: string; published_at: Date | null; publish_attempts: number }>(
    'SELECT event_id, published_at, publish_attempts FROM outbox WHERE record_key = $1',
    [journeyId],
  );
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

beforeAll(async () => {
  await startConsumerGroupAtEnd(kh.kafkaBrokers, journeyGroup, journeyTopics(kh));
  const service = await createJourneyApp(kh, { database: journeyDb, groupId: journeyGroup });
  journey = service.app;
  journeyEvents = service.events!;
  observed = observeOutcomes(journeyEvents);
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
    const relayLogs = expectServiceLogs(/outbox publish failed/);
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
    expect(relayLogs.lines.map((line) => line.text)).toEqual([expect.stringContaining('outbox publish failed (attempt 1), retrying in 200 ms: simulated crash after publish, before mark')]);

    // 3. Kafka holds the record twice: the duplicate really happened.
    await eventually(async () => (observed.filter((o) => o.eventId === eventId).length >= 2 ? true : undefined), 30_000, 'both copies consumed');
    const copies = (await readTopicToEnd(kh.kafkaBrokers, [topic])).filter((r) => headerOf(r, 'event-id') === eventId);
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
    expect(await recruitment.get(OutboxRelay).flush()).toBe(0);
    expect(hookCalls).toHaveLength(2);
  });
});
