import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_CORRIDORS, consumerGroupId, kafkaSaslFromFile, nodePrincipalName, parseCorridors } from '@corridor/config';
import { DLQ_HEADERS, OUTBOX_RELAY_LOCK, deriveCorridorAcls, syncCorridorAcls } from '@corridor/messaging';
import { NODE_COUNTRIES } from '@corridor/reference-data';
import { corridorTopic, STAGES } from '@corridor/events';
import { eventually, headerOf, readTopic, startPrivateBroker, startPrivatePostgres, testKafka, type PrivateBroker, type PrivatePostgres } from '@corridor/testing';
import { ServiceProcess } from './support/service-processes';
import { CorridorApi, JOURNEY_STEPS, driveJourney, expectedSteps, expectedTimeline, inStepOrder, newJourney, type Country, type JourneyContext, type JourneyOutcome, type ServiceUrls } from '../support/journey-driver';

/**
 * `npm run test:faults`: a stream of KH→TH journeys through every stage while the platform is hit
 * by one fault after another — a consumer SIGKILLed, a relay SIGKILLed mid-batch, the broker
 * stopped, Postgres restarted, a poison record, the two nodes partitioned — then every journey
 * must complete and every timeline hold exactly its events: none lost, none doubled, in order.
 *
 * Everything runs on infrastructure of the suite's own, so restarting it harms no other run: a
 * private Kafka broker (infra/kafka/broker.sh on free ports) and a private Postgres server
 * (infra/postgres/private-cluster.sh on a free port). The six services of the KH and TH nodes run
 * as OS processes, as `npm start` runs them, so a SIGKILL is a real one.
 */
jest.setTimeout(20 * 60_000);

const COUNTRIES: Country[] = ['KH', 'TH'];
/** Every service of a node: the journeys go through every stage. */
const SERVICES = ['recruitment', 'contracts', 'deployment', 'social-protection', 'reintegration', 'journey'];
/** Journeys kept in flight while the faults go on: a new one starts whenever fewer are running. */
const IN_FLIGHT = Number(process.env.FAULT_IN_FLIGHT ?? 6);
/** At least this many journeys in all, and never more than MAX_JOURNEYS (the job order's size). */
const MIN_JOURNEYS = Number(process.env.FAULT_JOURNEYS ?? 12);
const MAX_JOURNEYS = 150;

let broker: PrivateBroker | undefined;
let postgres: PrivatePostgres | undefined;
const processes: Record<string, ServiceProcess> = {};
let api: CorridorApi;
/** While TH is cut off, journeys stall waiting for it: twice as many may be in flight then. */
let partitioned = false;
/** Set when the suite ends (or fails): journeys still running give up at their next attempt. */
let stopDriving = false;
const logDir = mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'corridor-faults-'));
const faultLog: string[] = [];

function note(line: string): void {
  const stamped = `[faults ${new Date().toISOString().slice(11, 23)}] ${line}`;
  faultLog.push(stamped);
  process.stdout.write(`${stamped}\n`);
}

const proc = (country: Country, service: string) => processes[`${country}.${service}`];
const database = (country: Country, service: string) => `faults_${country.toLowerCase()}_${service.replace(/-/g, '_')}`;

beforeAll(async () => {
  note(`logs of the service processes in ${logDir}`);
  // A generous readiness wait: a restart on a loaded 2-core machine took more than the default 120 s.
  [broker, postgres] = await Promise.all([startPrivateBroker({ readyTimeoutSec: 300 }), startPrivatePostgres()]);
  note(`private broker on ${broker.brokers[0]}, private Postgres on 127.0.0.1:${postgres.port}`);
  for (const country of COUNTRIES) {
    const sasl = kafkaSaslFromFile(broker.credentialsFile, country)!;
    for (const service of SERVICES) {
      processes[`${country}.${service}`] = new ServiceProcess({
        country,
        service,
        database: database(country, service),
        logFile: path.join(logDir, `${country.toLowerCase()}-${service}.log`),
        env: {
          ...process.env,
          ...postgres.env,
          KAFKA_BROKERS: broker.brokers.join(','),
          KAFKA_SASL_USERNAME: sasl.username,
          KAFKA_SASL_PASSWORD: sasl.password,
          CORRIDORS: DEFAULT_CORRIDORS,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'development',
          NO_COLOR: '1',
        },
      });
    }
  }
  // Two at a time: six cold starts at once would take longer on two cores than three pairs.
  const all = Object.values(processes);
  for (let i = 0; i < all.length; i += 2) await Promise.all(all.slice(i, i + 2).map((p) => p.start()));
  const urls = Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(SERVICES.map((s) => [s, proc(c, s).url]))])) as ServiceUrls;
  api = new CorridorApi(urls);
  note(`KH and TH nodes running (${all.length} service processes)`);
});

afterAll(async () => {
  stopDriving = true;
  for (const p of Object.values(processes)) await p.close().catch(() => undefined);
  await broker?.destroy().catch(() => undefined);
  await postgres?.destroy().catch(() => undefined);
});

/** A KH→TH job order with room for every journey: TH creates and approves it, KH verifies it. */
async function aJobOrderForAll(): Promise<string> {
  const created = await api.post('TH', 'recruitment', '/api/v1/job-orders', {
    origin: 'KH', employerName: 'Rayong Garments Co., Ltd.', employerRegistrationNumber: '0215560007777', workplaceProvince: 'Rayong',
    occupationIsco: '8153', sectorIsic: '14', workersRequested: MAX_JOURNEYS, wageAmountMinor: 1_050_000, wageCurrency: 'THB', wagePeriod: 'month', hoursPerDay: 8, contractMonths: 24,
  }, 'fault-job-order');
  expect(created.status).toBe(201);
  const id = created.body.jobOrderId as string;
  expect((await api.post('TH', 'recruitment', `/api/v1/job-orders/${id}/approval`, {}, 'fault-job-order-approval')).status).toBe(201);
  await eventually(async () => ((await api.get('KH', 'recruitment', `/api/v1/job-orders/${id}`)).body.status === 'approved' ? true : undefined), 60_000, 'job order approved on KH');
  expect((await api.post('KH', 'recruitment', `/api/v1/job-orders/${id}/verification`, {}, 'fault-job-order-verification')).status).toBe(201);
  await eventually(async () => ((await api.get('KH', 'recruitment', `/api/v1/job-orders/${id}`)).body.status === 'verified' ? true : undefined), 60_000, 'job order verified on KH');
  return id;
}

async function restart(country: Country, service: string, how: 'kill' | 'stop'): Promise<void> {
  const p = proc(country, service);
  const pid = p.pid;
  await (how === 'kill' ? p.kill() : p.stop());
  note(`${how === 'kill' ? 'SIGKILLed' : 'stopped'} ${p.label} (pid ${pid}); starting it again`);
  await p.start();
  note(`${p.label} back (pid ${p.pid})`);
}

/**
 * SIGKILLs a service while its outbox relay is in the middle of a batch: the suite holds the
 * relay's advisory lock (OUTBOX_RELAY_LOCK) until rows wait in the outbox, lets go, and kills the
 * process the moment the relay's transaction holds the lock (rows selected, being sent to Kafka or
 * marked). Returns how many rows were waiting, or 0 if the batch finished before the kill (then the
 * caller tries again).
 */
async function killRelayMidBatch(country: Country, service: string): Promise<number> {
  const db = new Client({ host: '127.0.0.1', port: postgres!.port, user: 'postgres', database: database(country, service) });
  await db.connect();
  try {
    await db.query('SELECT pg_advisory_lock($1)', [OUTBOX_RELAY_LOCK]);
    const waiting = await eventually(
      async () => {
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
        return rows[0].n >= 3 ? rows[0].n : undefined;
      },
      5 * 60_000,
      `three rows waiting in the ${country} ${service} outbox`,
    );
    await db.query('SELECT pg_advisory_unlock($1)', [OUTBOX_RELAY_LOCK]);
    // The relay's next pass (it polls every second) takes the lock: kill it while it holds it.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const { rows } = await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted AND pid <> pg_backend_pid()", [OUTBOX_RELAY_LOCK]);
      if (rows.length) {
        await proc(country, service).kill();
        const { rows: left } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
        return left[0].n > 0 ? waiting : 0;
      }
    }
    return 0;
  } finally {
    await db.end();
  }
}

/** The sum of the end offsets of the KH→TH corridor topics: grows with every corridor record. */
async function corridorRecordCount(): Promise<number> {
  const admin = testKafka('faults-offsets', broker!.brokers).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    let total = 0;
    for (const topic of STAGES.map((s) => corridorTopic('KH', 'TH', s)).filter((t) => existing.has(t))) {
      for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high);
    }
    return total;
  } finally {
    await admin.disconnect();
  }
}

/** Partition: TH loses every right on the KH→TH corridor topics (its consumers and producers of them fail); heal gives them back. */
async function partitionTh(partitioned: boolean): Promise<void> {
  const desired = deriveCorridorAcls({ countries: NODE_COUNTRIES, corridors: parseCorridors(DEFAULT_CORRIDORS) });
  const th = `User:${nodePrincipalName('TH')}`;
  const acls = partitioned ? desired.filter((acl) => !(acl.principal === th && acl.prefix.startsWith('corridor.kh-th.'))) : desired;
  const admin = testKafka('faults-acls', broker!.brokers).admin();
  await admin.connect();
  try {
    await syncCorridorAcls(admin, acls);
  } finally {
    await admin.disconnect();
  }
}

/** The faults, one after the other, each once the stream is flowing again after the one before. */
async function injectFaults(stepsDone: () => number): Promise<void> {
  // Before each fault: journeys are moving again (three more steps done since the last fault).
  const flowing = async () => {
    const from = stepsDone();
    await eventually(async () => (stepsDone() >= from + 3 ? true : undefined), 10 * 60_000, 'journeys moving again after the last fault');
  };

  await flowing();
  note('fault 1: SIGKILL a consumer (TH journey) while records are in flight');
  await restart('TH', 'journey', 'kill');

  await flowing();
  note('fault 2: SIGKILL a relay mid-batch (KH recruitment, with rows waiting in its outbox)');
  let waiting = 0;
  for (let attempt = 1; attempt <= 5 && !waiting; attempt++) waiting = await killRelayMidBatch('KH', 'recruitment');
  expect(waiting).toBeGreaterThan(0);
  note(`SIGKILLed KH recruitment while its relay held the batch lock over ${waiting} unsent row(s); starting it again`);
  await proc('KH', 'recruitment').start();
  note('KH recruitment back');

  await flowing();
  note('fault 3: SIGKILL the TH contracts service (a consumer and a relay of the other side)');
  await restart('TH', 'contracts', 'kill');

  await flowing();
  note('fault 4: stop the Kafka broker, then start it again');
  await broker!.stop();
  note('broker stopped');
  await broker!.start();
  note('broker back');

  await flowing();
  note('fault 5: restart Postgres (every connection of every service cut)');
  await postgres!.restart();
  note('Postgres back');

  await flowing();
  note('fault 6: a poison record on the KH→TH recruitment topic');
  const poisonKey = `poison-${Date.now()}`;
  const isThJourney = (group: string | undefined) => Boolean(group?.startsWith(consumerGroupId('TH', 'journey')));
  const producer = testKafka('faults-poison', broker!.brokers).producer();
  await producer.connect();
  await producer.send({ topic: corridorTopic('KH', 'TH', 'recruitment'), messages: [{ key: poisonKey, value: Buffer.from('not a protobuf envelope \u0000\u00ff') }] });
  await producer.disconnect();
  const dlq = `${corridorTopic('KH', 'TH', 'recruitment')}.dlq`;
  const parked = await readTopic(broker!.brokers, [dlq], (all) => all.some((r) => r.message.key?.toString() === poisonKey && isThJourney(headerOf(r, DLQ_HEADERS.group))), 120_000);
  const groups = parked.filter((r) => r.message.key?.toString() === poisonKey).map((r) => headerOf(r, DLQ_HEADERS.group));
  // A service on a database of its own has the group <cc>.<service>.<database> (serviceConsumerGroup).
  expect(groups.filter(isThJourney).length).toBeGreaterThan(0);
  note(`poison record dead-lettered to ${dlq} by ${[...new Set(groups)].sort().join(', ')}`);

  await flowing();
  note('fault 7: partition KH and TH (TH loses the KH→TH corridor topics)');
  const before = await corridorRecordCount();
  await partitionTh(true);
  partitioned = true;
  // "A while": until KH has published at least three corridor records TH cannot see (journeys
  // waiting for TH stall, so more journeys start meanwhile: see the launcher).
  await eventually(async () => ((await corridorRecordCount()) >= before + 3 ? true : undefined), 5 * 60_000, 'three KH→TH corridor records during the partition');
  partitioned = false;
  note(`partition held while KH published ${(await corridorRecordCount()) - before} corridor records`);
  await partitionTh(false);
  note('partition healed');
}

interface Counts {
  journeys: number;
  completed: number;
  expected: number;
  seen: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
}

/** Each node's timeline of each journey, from its read model in arrival order, against what the steps say. */
async function countEvents(outcomes: JourneyOutcome[]): Promise<{ counts: Counts; problems: string[] }> {
  const counts: Counts = { journeys: outcomes.length, completed: outcomes.filter((o) => !o.error).length, expected: 0, seen: 0, lost: 0, doubled: 0, outOfOrder: 0 };
  const problems: string[] = [];
  for (const country of COUNTRIES) {
    const db = new Client({ host: '127.0.0.1', port: postgres!.port, user: 'postgres', database: database(country, 'journey') });
    await db.connect();
    try {
      for (const { journey } of outcomes) {
        // The journey's own: exit clearance refusals it was answered are events on its timelines too.
        const steps = expectedSteps(JOURNEY_STEPS, country, journey);
        const expected = steps.flat();
        counts.expected += expected.length;
        if (!journey.journeyId) {
          counts.lost += expected.length;
          problems.push(`journey ${journey.index}: never registered`);
          continue;
        }
        const { rows } = await db.query<{ event_type: string }>('SELECT event_type FROM timeline_entry WHERE journey_id = $1 ORDER BY received_at, event_id', [journey.journeyId]);
        const seen = rows.map((r) => r.event_type);
        counts.seen += seen.length;
        const remaining = [...seen];
        let lost = 0;
        for (const type of expected) {
          const at = remaining.indexOf(type);
          if (at < 0) lost++;
          else remaining.splice(at, 1);
        }
        counts.lost += lost;
        counts.doubled += remaining.length;
        const inOrder = inStepOrder(JOURNEY_STEPS, steps, seen);
        if (!inOrder && !lost && !remaining.length) counts.outOfOrder++;
        if (!inOrder) problems.push(`journey ${journey.index} on ${country}: expected ${expected.join(' ')}; seen ${seen.join(' ')}`);
      }
    } finally {
      await db.end();
    }
  }
  return { counts, problems };
}

it('journeys through every stage lose, double and reorder nothing while the platform is hit by faults', async () => {
  const jobOrderId = await aJobOrderForAll();
  note(`job order ${jobOrderId} verified; journeys (${IN_FLIGHT} in flight while the faults last, at least ${MIN_JOURNEYS}) through ${JOURNEY_STEPS.length} steps (${JOURNEY_STEPS.map((s) => s.stage).filter((s, i, a) => a.indexOf(s) === i).join(', ')})`);
  const t0 = Date.now();
  const runs: Promise<JourneyOutcome>[] = [];
  const journeys: JourneyContext[] = [];
  let faultsDone = false;
  const progress = setInterval(() => {
    const at = JOURNEY_STEPS.map((_, i) => journeys.filter((j) => j.stepsDone === i).length);
    note(`progress: ${journeys.length} started; by steps done ${at.map((n, i) => `${i}:${n}`).join(' ')} ${JOURNEY_STEPS.length}:${journeys.filter((j) => j.stepsDone === JOURNEY_STEPS.length).length}`);
  }, 30_000);
  const launch = () => {
    const journey = newJourney(runs.length + 1, jobOrderId);
    journeys.push(journey);
    runs.push(
      driveJourney(api, journey, JOURNEY_STEPS, { stepDeadlineMs: 8 * 60_000, inProgressGraceMs: 20_000, retryMs: 500, stop: () => stopDriving }).then((outcome) => {
        if (outcome.error) journey.gaveUp = true;
        return outcome;
      }),
    );
  };
  const inFlight = () => journeys.filter((j) => j.stepsDone < JOURNEY_STEPS.length && !j.gaveUp).length;
  const launcher = setInterval(() => {
    const wanted = faultsDone ? MIN_JOURNEYS - journeys.length : (partitioned ? 2 : 1) * IN_FLIGHT - inFlight();
    for (let i = 0; i < wanted && journeys.length < MAX_JOURNEYS; i++) launch();
  }, 1000);
  try {
    await injectFaults(() => journeys.reduce((sum, j) => sum + j.stepsDone, 0));
    faultsDone = true;
    note(`all faults injected after ${Math.round((Date.now() - t0) / 1000)} s; ${runs.length} journeys started`);
    await eventually(async () => (runs.length >= MIN_JOURNEYS ? true : undefined), 5 * 60_000, `${MIN_JOURNEYS} journeys started`);
  } finally {
    clearInterval(launcher);
    if (!faultsDone) clearInterval(progress);
  }
  const outcomes = await Promise.all(runs).finally(() => clearInterval(progress));
  note(`journeys finished after ${Math.round((Date.now() - t0) / 1000)} s`);
  const failed = outcomes.filter((o) => o.error);
  for (const o of failed) note(`journey ${o.journey.index} failed at step ${o.completedSteps + 1}: ${o.error}`);

  const { counts, problems } = await countEvents(outcomes);
  const unexpectedExits = Object.values(processes).flatMap((p) => p.unexpectedExits);
  const refusals = outcomes.reduce((sum, o) => sum + Object.values(o.journey.refusals).reduce((a, b) => a + b, 0), 0);
  process.stdout.write(
    [
      '',
      'fault suite counts',
      `  journeys          ${counts.journeys} (completed ${counts.completed})`,
      `  events expected   ${counts.expected} (KH ${expectedTimeline(JOURNEY_STEPS, 'KH').length} and TH ${expectedTimeline(JOURNEY_STEPS, 'TH').length} per journey, and ${refusals} exit clearance refusal(s) answered, each on both)`,
      `  events seen       ${counts.seen}`,
      `  lost              ${counts.lost}`,
      `  doubled           ${counts.doubled}`,
      `  out of order      ${counts.outOfOrder}`,
      `  unexpected exits  ${unexpectedExits.length ? unexpectedExits.join(', ') : 'none'}`,
      `  faults            ${faultLog.filter((l) => / fault \d/.test(l)).length} (see the [faults] lines above)`,
      `  took              ${Math.round((Date.now() - t0) / 1000)} s`,
      ...problems.slice(0, 20).map((p) => `  ${p}`),
      '',
    ].join('\n'),
  );

  expect(faultsDone).toBe(true);
  expect(failed.map((o) => `journey ${o.journey.index}: ${o.error}`)).toEqual([]);
  expect({ lost: counts.lost, doubled: counts.doubled, outOfOrder: counts.outOfOrder }).toEqual({ lost: 0, doubled: 0, outOfOrder: 0 });
  expect(counts.seen).toBe(counts.expected);
  expect(unexpectedExits).toEqual([]);
});
