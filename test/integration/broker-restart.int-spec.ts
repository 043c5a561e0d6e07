import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { NodeConfig } from '@corridor/config';
import { bearer, dropTestDatabases, eventually, expectServiceLogs, startPrivateBroker, waitUntilConsumedToEnd, testNodeConfig, uniqueName, type PrivateBroker, aWorkerRegistration, uniqueGroupId } from '@corridor/testing';
import { createRecruitmentApp } from '@corridor/recruitment-service';
// Cross-service by design: this suite checks recruitment's outbox end to end through the KH journey
// consumer, as test/e2e does (the lint rule allows that there, not under services/*/test).
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';

// Two broker starts (~10-30 s each on a small machine) and up to a minute of recovery.
jest.setTimeout(300_000);

const recruitmentDb = uniqueName('it_kh_recruitment_restart');
const journeyDb = uniqueName('it_kh_journey_restart');
const journeyGroup = uniqueGroupId('KH', 'journey-restart');
const officer = bearer('KH', ['ministry-officer']);

let broker: PrivateBroker | undefined;
let brokerUp = false;
let kh: NodeConfig;
let recruitment: INestApplication | undefined;
let journey: INestApplication | undefined;
let db: Client | undefined;


interface Timeline {
  entries: { eventId: string; eventType: string; details: { workerId: string } }[];
}

async function register(): Promise<{ workerId: string; journeyId: string }> {
  const response = await request(recruitment!.getHttpServer()).post('/api/v1/workers').set('Authorization', officer).send(aWorkerRegistration()).timeout(15_000);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body;
}

async function timeline(journeyId: string): Promise<request.Response> {
  return request(journey!.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', officer).timeout(15_000);
}

async function onTimeline(journeyId: string, timeoutMs: number, what: string): Promise<Timeline> {
  return eventually(
    async () => {
      const response = await timeline(journeyId);
      return response.status === 200 ? (response.body as Timeline) : undefined;
    },
    timeoutMs,
    what,
  );
}

async function outboxRow(journeyId: string): Promise<{ published_at: Date | null }> {
  const result = await db!.query('SELECT published_at FROM outbox WHERE record_key = $1', [journeyId]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

beforeAll(async () => {
  broker = await startPrivateBroker();
  brokerUp = true;
  kh = broker.nodeConfig(testNodeConfig('KH'));
  journey = (await createJourneyApp(kh, { database: journeyDb, groupId: journeyGroup })).app;
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
  db = new Client({ ...kh.postgres, database: recruitmentDb });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  // Shutting down flushes the outbox and leaves the consumer group: give them a broker.
  if (broker && !brokerUp) await broker.start().catch(() => undefined);
  await recruitment?.close().catch(() => undefined);
  await journey?.close().catch(() => undefined);
  await broker?.destroy();
  if (kh) await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

describe('broker restart', () => {
  it('the service reconnects by itself after the broker restarts and nothing written meanwhile is lost', async () => {
    const a = await register();
    const before = await onTimeline(a.journeyId, 30_000, 'worker A on the timeline');
    expect(before.entries).toHaveLength(1);
    expect(before.entries[0].details.workerId).toBe(a.workerId);

    // The services' Kafka clients complain while the broker is away: expected here, so kept for
    // the check below instead of printed.
    const outage = expectServiceLogs(/ kafkajs$/, /outbox publish failed/, /consumer .* crashed, restarting/);
    await broker!.stop();
    brokerUp = false;

    // The broker is down: the registration still commits, its event waits in the outbox.
    const b = await register();
    expect((await outboxRow(b.journeyId)).published_at).toBeNull();
    expect((await timeline(b.journeyId)).status).toBe(404);

    await broker!.start();
    brokerUp = true;
    const restartedAt = Date.now();

    // Neither service is restarted or poked: the relay and the consumer reconnect on their own.
    const after = await onTimeline(b.journeyId, 60_000, 'worker B on the timeline within 60 s of the broker restart');
    const recoveredInMs = Date.now() - restartedAt;
    expect(recoveredInMs).toBeLessThan(60_000);
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]).toMatchObject({ eventType: 'corridor.v1.WorkerRegistered', details: { workerId: b.workerId } });
    expect((await outboxRow(b.journeyId)).published_at).toBeInstanceOf(Date);

    // The services noticed the outage (or this test did not test a restart).
    expect(outage.matching(/ECONNREFUSED|Connection error|crashed|publish failed/).length).toBeGreaterThan(0);

    // Exactly once, also after the journey consumer processed everything on its topics (a re-sent
    // batch would be deduplicated, not shown twice), and A is still there once.
    await waitUntilConsumedToEnd(kh.kafkaBrokers, journeyGroup, journeyTopics(kh));
    const bAgain = await timeline(b.journeyId);
    expect(bAgain.status).toBe(200);
    expect((bAgain.body as Timeline).entries).toHaveLength(1);
    const aAgain = await timeline(a.journeyId);
    expect(aAgain.status).toBe(200);
    expect((aAgain.body as Timeline).entries.map((e) => e.details.workerId)).toEqual([a.workerId]);
    process.stdout.write(`broker-restart: worker B reached the timeline ${recoveredInMs} ms after the broker was back\n`);
  });
});
