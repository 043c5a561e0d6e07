import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { countryTopic } from '@corridor/events';
import { OutboxRelay, createKafka, rewindConsumerGroup } from '@corridor/messaging';
import { dropDatabase } from '@corridor/persistence';
import { aJobOrder, aWorkerRegistration, bearer, dropTestDatabases, eventually, observeOutcomes, readTopicToEnd, startConsumerGroupAtEnd, testNodeConfig, uniqueGroupId, uniqueName, type ObservedRecord } from '@corridor/testing';
import { RecruitmentService, createRecruitmentApp } from '@corridor/recruitment-service';
// Cross-service by design: a consumer of KH recruitment's events shows the re-sent one applied once.
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';

/**
 * The runbook's restore procedure (docs/runbook.md "Backup and restore"), exercised: KH
 * recruitment's database is dumped with pg_dump while one event waits in its outbox, the service
 * goes on (publishes, consumes a TH job order), then the database is restored from the dump and
 * the consumer group rewound to before the dump. Afterwards the outbox and inbox are consistent:
 * an event published before the dump is not published again; the one that waited is published
 * again and its consumers apply it once; a job order consumed before the dump is skipped by the
 * inbox, the one consumed after is applied again. What was written after the dump is gone: that is
 * what a restore from a dump means (WAL archiving narrows it, infra/k8s).
 */
jest.setTimeout(180_000);

const kh = testNodeConfig('KH', 'KH>TH');
const th = testNodeConfig('TH', 'KH>TH');
const khDb = uniqueName('it_kh_recruitment_restore');
const thDb = uniqueName('it_th_recruitment_restore');
const journeyDb = uniqueName('it_kh_journey_restore');
const khGroup = uniqueGroupId('KH', 'recruitment-restore');
const consumed = RecruitmentService.consumes!(kh);
const khOfficer = bearer('KH', ['ministry-officer']);
const thOfficer = bearer('TH', ['destination-officer']);
const workDir = mkdtempSync(path.join(tmpdir(), 'corridor-restore-'));
const dumpFile = path.join(workDir, `${khDb}.dump`);
const pgEnv = { ...process.env, PGHOST: kh.postgres.host, PGPORT: String(kh.postgres.port), PGUSER: kh.postgres.user, ...(kh.postgres.password ? { PGPASSWORD: kh.postgres.password } : {}) };

let thApp: INestApplication;
let khApp: INestApplication | undefined;
let journey: INestApplication;

beforeAll(async () => {
  await startConsumerGroupAtEnd(kh.kafkaBrokers, khGroup, consumed);
  const journeyGroup = uniqueGroupId('KH', 'journey-restore');
  await startConsumerGroupAtEnd(kh.kafkaBrokers, journeyGroup, journeyTopics(kh));
  journey = (await createJourneyApp(kh, { database: journeyDb, groupId: journeyGroup })).app;
  thApp = (await createRecruitmentApp(th, { database: thDb })).app;
});

afterAll(async () => {
  await khApp?.close();
  await thApp?.close();
  await journey?.close();
  await dropTestDatabases(kh, khDb, thDb, journeyDb);
  rmSync(workDir, { recursive: true, force: true });
});

async function jobOrderOnTh(): Promise<string> {
  const created = await request(thApp.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thOfficer).send(aJobOrder()).expect(201);
  return created.body.jobOrderId as string;
}

const khHolds = async (app: INestApplication, jobOrderId: string) => (await request(app.getHttpServer()).get(`/api/v1/job-orders/${jobOrderId}`).set('Authorization', khOfficer)).status === 200;

async function register(app: INestApplication): Promise<string> {
  return (await request(app.getHttpServer()).post('/api/v1/workers').set('Authorization', khOfficer).send(aWorkerRegistration()).expect(201)).body.journeyId as string;
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ ...kh.postgres, database: khDb });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

describe('restoring one service database from a pg_dump', () => {
  it('leaves its outbox and inbox consistent: nothing published twice that was published, nothing applied twice that was applied', async () => {
    // Before the dump: a job order consumed from TH, one registration published, one waiting in the outbox.
    const first = await createRecruitmentApp(kh, { database: khDb, groupId: khGroup, startRelay: false });
    khApp = first.app;
    const jobBefore = await jobOrderOnTh();
    await eventually(async () => ((await khHolds(khApp!, jobBefore)) ? true : undefined), 30_000, 'the first job order on KH');
    const published = await register(khApp);
    await khApp.get(OutboxRelay).flush();
    const waiting = await register(khApp);

    const dumpedAt = new Date();
    execFileSync('pg_dump', ['--format=custom', `--file=${dumpFile}`, khDb], { env: pgEnv });

    // After the dump: the waiting event leaves, another registration, another job order consumed.
    await khApp.get(OutboxRelay).flush();
    const lost = await register(khApp);
    await khApp.get(OutboxRelay).flush();
    const jobAfter = await jobOrderOnTh();
    await eventually(async () => ((await khHolds(khApp!, jobAfter)) ? true : undefined), 30_000, 'the second job order on KH');
    await khApp.close();
    khApp = undefined;

    // The runbook: restore the dump into an empty database of the same name, rewind the group, start.
    await dropDatabase(kh.postgres, khDb);
    execFileSync('createdb', [khDb], { env: pgEnv });
    execFileSync('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${khDb}`, dumpFile], { env: pgEnv });
    const outbox = await query<{ record_key: string; published: boolean }>('SELECT record_key, published_at IS NOT NULL AS published FROM outbox ORDER BY id');
    expect(outbox).toEqual([
      { record_key: published, published: true },
      { record_key: waiting, published: false },
    ]);
    expect((await query('SELECT id FROM job_order WHERE id = ANY($1)', [[jobBefore, jobAfter]])).map((r) => (r as { id: string }).id)).toEqual([jobBefore]);

    const margin = 60_000;
    await rewindConsumerGroup(createKafka('it-restore', { brokers: kh.kafkaBrokers, sasl: kh.kafkaSasl }), khGroup, consumed, new Date(dumpedAt.getTime() - margin));
    const restored = await createRecruitmentApp(kh, { database: khDb, groupId: khGroup });
    khApp = restored.app;
    const observed: ObservedRecord[] = observeOutcomes(restored.events!);
    await eventually(async () => ((await khHolds(khApp!, jobAfter)) ? true : undefined), 30_000, 'the second job order on KH again');
    await eventually(async () => ((await query('SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0 ? true : undefined), 20_000, 'the waiting event published');

    // Inbox: the job order of before the dump arrives again and is skipped, the one of after is applied again.
    const outcomeOf = (key: string) => observed.filter((o) => o.key === key).map((o) => o.outcome);
    expect(outcomeOf(jobBefore)).toContain('duplicate');
    expect(outcomeOf(jobBefore)).not.toContain('applied');
    expect(outcomeOf(jobAfter)).toContain('applied');
    expect(await query('SELECT id FROM job_order WHERE id = ANY($1)', [[jobBefore, jobAfter]])).toHaveLength(2);

    // Outbox: published once before the dump -> on Kafka once; waiting at the dump -> on Kafka twice, one event id.
    const records = (await readTopicToEnd(kh.kafkaBrokers, [countryTopic('KH', 'recruitment')])).filter((r) => [published, waiting, lost].includes(r.message.key!.toString()));
    const ids = (key: string) => records.filter((r) => r.message.key!.toString() === key).map((r) => r.message.headers!['event-id']!.toString());
    expect(ids(published)).toHaveLength(1);
    expect(ids(waiting)).toHaveLength(2);
    expect(new Set(ids(waiting)).size).toBe(1);
    // ...and its consumer applied it once: one timeline entry.
    const timeline = await eventually(async () => {
      const response = await request(journey.getHttpServer()).get(`/api/v1/journeys/${waiting}/timeline`).set('Authorization', khOfficer);
      return response.status === 200 ? response.body : undefined;
    }, 60_000, 'the waiting registration on the timeline');
    expect(timeline.entries).toHaveLength(1);
    // Written after the dump: published before the restore, not in the restored database.
    expect(ids(lost)).toHaveLength(1);
    expect(await query('SELECT 1 FROM outbox WHERE record_key = $1', [lost])).toHaveLength(0);
  });
});
