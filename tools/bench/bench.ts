import 'reflect-metadata';
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Client } from 'pg';
import { mintDevelopmentToken, type Role } from '@corridor/auth';
import { DEVELOPMENT_JWT_SECRET, PLATFORM_SERVICES, kafkaSaslFromFile, loadNodeConfig } from '@corridor/config';
import { isoDay } from '@corridor/reference-data';
import { freePort, startPrivateBroker, testKafka, type PrivateBroker } from '@corridor/testing';
import { residentSetSize, spawnService, waitForHealth } from '../platform/service-process';
import { JOURNEY_STEPS, type BenchApi, type JourneyState, type Node, type SetupState } from './journey-steps';

/**
 * `npm run bench [-- --journeys 1000 --concurrency 16 --rate 100 --only-registration]`
 *
 * Starts two country nodes (KH and TH: every service, compiled, each its own process, fresh
 * databases, a Kafka broker of its own), drives N journeys through every stage step in
 * journey-steps.ts over the public HTTP APIs — closed loop at --concurrency, or open loop at
 * --rate journeys/s — then measures, in the same run, the raw limits of the parts underneath:
 * kafkajs produce→consume and Postgres single-row commits at the same concurrency (pgbench when
 * installed, else a client loop). Prints a table and writes bench/results/<time>.json;
 * docs/performance.md explains each figure.
 */
const { values: args } = parseArgs({
  options: {
    journeys: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    rate: { type: 'string' },
    'only-registration': { type: 'boolean', default: false },
    'raw-seconds': { type: 'string', default: '10' },
    'kafka-records': { type: 'string', default: '30000' },
    'pool-max': { type: 'string' },
    /** e.g. "KH recruitment": that process runs with --cpu-prof; the profile lands in bench/profiles/. */
    'cpu-prof': { type: 'string' },
    label: { type: 'string', default: '' },
  },
});
const JOURNEYS = Number(args.journeys);
const CONCURRENCY = Number(args.concurrency);
const RATE = args.rate ? Number(args.rate) : undefined;
const STEPS = args['only-registration'] ? JOURNEY_STEPS.slice(0, 1) : JOURNEY_STEPS;
const NODES: Node[] = ['KH', 'TH'];
const root = path.resolve(__dirname, '../..');
const runId = `bench_${Date.now().toString(36)}`;
const postgres = loadNodeConfig({ ...process.env, COUNTRY: 'KH' }).postgres;

function percentiles(values: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunningService {
  node: Node;
  service: string;
  url: string;
  database: string;
  process: ChildProcess;
}

async function query<T>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ ...postgres, database });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function startNodes(broker: PrivateBroker, poolMax: string | undefined): Promise<RunningService[]> {
  const services: RunningService[] = [];
  for (const node of NODES) {
    const sasl = kafkaSaslFromFile(broker.credentialsFile, node);
    if (!sasl) throw new Error(`no Kafka credentials for ${node} in ${broker.credentialsFile}`);
    for (const { name } of PLATFORM_SERVICES) {
      const port = await freePort();
      const database = `${runId}_${node.toLowerCase()}_${name.replace(/-/g, '_')}`;
      const child = spawnService(
        name,
        {
          ...process.env,
          COUNTRY: node,
          CORRIDORS: 'KH>TH,LA>TH',
          PORT: String(port),
          DATABASE_NAME: database,
          KAFKA_BROKERS: broker.brokers.join(','),
          KAFKA_SASL_USERNAME: sasl.username,
          KAFKA_SASL_PASSWORD: sasl.password,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          ...(poolMax ? { DB_POOL_MAX: poolMax } : {}),
        },
        `${node} ${name}`.padEnd(15),
        console.log,
        args['cpu-prof'] === `${node} ${name}` ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'bench/profiles')] : [],
      );
      services.push({ node, service: name, url: `http://127.0.0.1:${port}`, database, process: child });
    }
  }
  await Promise.all(services.map((s) => waitForHealth(s.url, 180_000)));
  return services;
}

/** Every call of the run, per endpoint (method, node, service, path pattern). */
class Api implements BenchApi {
  readonly latencies = new Map<string, number[]>();
  readonly retries = new Map<string, number>();
  readonly failures: string[] = [];

  constructor(private readonly services: RunningService[]) {}

  token(node: Node, roles: Role[], agencyId?: string): string {
    return `Bearer ${mintDevelopmentToken({ subject: `bench-${node.toLowerCase()}-${agencyId ? 'agency' : roles[0]}`, country: node, roles, agencyId }, DEVELOPMENT_JWT_SECRET)}`;
  }

  async call(
    endpoint: { node: Node; service: string; method: string; path: string; label: string },
    token: string,
    body?: unknown,
    retryWhile?: (status: number) => boolean,
  ): Promise<Record<string, unknown>> {
    const base = this.services.find((s) => s.node === endpoint.node && s.service === endpoint.service)?.url;
    if (!base) throw new Error(`${endpoint.node} ${endpoint.service} is not running`);
    const key = `${endpoint.method} ${endpoint.node} ${endpoint.service} ${endpoint.label}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const t0 = performance.now();
      const response = await fetch(`${base}${endpoint.path}`, {
        method: endpoint.method,
        headers: { authorization: token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const elapsed = performance.now() - t0;
      if (response.status < 300) {
        const list = this.latencies.get(key) ?? [];
        list.push(elapsed);
        this.latencies.set(key, list);
        return text ? (JSON.parse(text) as Record<string, unknown>) : {};
      }
      // Waiting for the other node (or another service of this one) to catch up through Kafka.
      if (retryWhile?.(response.status) && Date.now() < deadline) {
        this.retries.set(key, (this.retries.get(key) ?? 0) + 1);
        await sleep(20);
        continue;
      }
      throw new Error(`${key} answered ${response.status}: ${text.slice(0, 300)}`);
    }
  }
}

async function setup(api: Api, journeys: number): Promise<SetupState> {
  const th = api.token('TH', ['destination-officer']);
  const kh = api.token('KH', ['ministry-officer']);
  const jobOrderIds: string[] = [];
  // A job order asks for at most 5,000 workers.
  for (let left = journeys; left > 0; left -= 5000) {
    const order = await api.call({ node: 'TH', service: 'recruitment', method: 'POST', path: '/api/v1/job-orders', label: '/job-orders' }, th, {
      origin: 'KH', employerName: 'Chonburi Construction Co., Ltd.', employerRegistrationNumber: '0205561009876', workplaceProvince: 'Chonburi',
      occupationIsco: '9313', sectorIsic: '41', workersRequested: Math.min(left, 5000), wageAmountMinor: 1100000, wageCurrency: 'THB', wagePeriod: 'month',
      hoursPerDay: 8, contractMonths: 24, benefits: ['accommodation', 'social security', 'return ticket'],
    });
    const id = order.jobOrderId as string;
    await api.call({ node: 'TH', service: 'recruitment', method: 'POST', path: `/api/v1/job-orders/${id}/approval`, label: '/job-orders/:id/approval' }, th, {});
    // Approved on TH; KH verifies once the approval crossed.
    await api.call({ node: 'KH', service: 'recruitment', method: 'POST', path: `/api/v1/job-orders/${id}/verification`, label: '/job-orders/:id/verification' }, kh, {}, (s) => s === 404 || s === 409 || s === 422);
    jobOrderIds.push(id);
  }
  const agency = await api.call({ node: 'KH', service: 'recruitment', method: 'POST', path: '/api/v1/agencies', label: '/agencies' }, kh, {
    name: 'Angkor Manpower Co., Ltd.', licenceNumber: `MOLVT-${runId.replace(/_/g, '-')}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31',
  });
  const agencyId = agency.agencyId as string;
  // Contract drafting needs the verified job order in KH contracts' replica.
  await sleep(500);
  return { jobOrderIds, agencyId, staff: api.token('KH', ['agency-staff'], agencyId), khMinistry: kh, thOfficer: th, today: isoDay() };
}

async function runJourney(api: Api, state: SetupState, index: number, stepTimes: Map<string, number[]>): Promise<void> {
  const journey: JourneyState = { index, jobOrderId: state.jobOrderIds[Math.floor(index / 5000)] };
  for (const step of STEPS) {
    const t0 = performance.now();
    await step.run(api, state, journey);
    const list = stepTimes.get(step.name) ?? [];
    list.push(performance.now() - t0);
    stepTimes.set(step.name, list);
  }
}

async function driveJourneys(api: Api, state: SetupState): Promise<{ seconds: number; failed: number; stepTimes: Map<string, number[]> }> {
  const stepTimes = new Map<string, number[]>();
  let failed = 0;
  const one = (i: number) =>
    runJourney(api, state, i, stepTimes).catch((error: Error) => {
      failed += 1;
      if (api.failures.length < 10) api.failures.push(error.message);
    });
  const started = performance.now();
  if (RATE) {
    // Open loop: journey i starts at i / rate seconds, whatever the ones before it are doing.
    const running: Promise<void>[] = [];
    for (let i = 0; i < JOURNEYS; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      running.push(one(i));
    }
    await Promise.all(running);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < JOURNEYS) await one(next++);
      }),
    );
  }
  return { seconds: (performance.now() - started) / 1000, failed, stepTimes };
}

async function outboxBacklog(services: RunningService[]): Promise<number> {
  let total = 0;
  for (const s of services) {
    const [{ n }] = await query<{ n: number }>(s.database, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    total += n;
  }
  return total;
}

async function consumerLag(broker: PrivateBroker): Promise<number> {
  const admin = testKafka(`${runId}-lag`, broker.brokers).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.includes(runId));
    let lag = 0;
    for (const groupId of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const p of partitions) {
          const end = ends.find((e) => e.partition === p.partition);
          if (!end) continue;
          const committed = Number(p.offset);
          lag += committed < 0 ? Number(end.high) - Number(end.low) : Number(end.high) - committed;
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/** Committed at one node (occurred_at, stamped in the committing transaction) → on the other node's timeline (received_at). */
async function crossBorderPropagation(services: RunningService[]): Promise<number[]> {
  const delays: number[] = [];
  for (const node of NODES) {
    const journey = services.find((s) => s.node === node && s.service === 'journey')!;
    const rows = await query<{ ms: number }>(
      journey.database,
      'SELECT EXTRACT(EPOCH FROM (received_at - occurred_at)) * 1000 AS ms FROM timeline_entry WHERE recorded_by_country <> $1',
      [node],
    );
    delays.push(...rows.map((r) => Number(r.ms)));
  }
  return delays;
}

async function countEvents(services: RunningService[]): Promise<number> {
  let total = 0;
  for (const s of services) total += (await query<{ n: number }>(s.database, 'SELECT count(*)::int AS n FROM outbox'))[0].n;
  return total;
}

/** Raw kafkajs: 600-byte records produced in batches with acks=all, consumed by one consumer; records/s from first send to last receive. */
async function rawKafka(broker: PrivateBroker, records: number): Promise<number> {
  const kafka = testKafka(`${runId}-raw`, broker.brokers);
  const topic = `bench.raw.${runId}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `${runId}-raw`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let received = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= records) resolveDone();
    },
  });
  await sleep(2000);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
  await producer.connect();
  const value = Buffer.alloc(600, 'x');
  const started = performance.now();
  const batch = 500;
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < records; i += batch) {
    inFlight.push(producer.send({ topic, acks: -1, messages: Array.from({ length: Math.min(batch, records - i) }, (_, j) => ({ key: String(i + j), value })) }));
    if (inFlight.length >= 4) await inFlight.shift();
  }
  await Promise.all(inFlight);
  await done;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  return records / seconds;
}

/** Raw Postgres: one INSERT of a 600-byte row per transaction, `clients` connections, for `seconds`. */
async function rawPostgres(clients: number, seconds: number): Promise<{ tool: string; commitsPerSecond: number }> {
  const database = `${runId}_raw`;
  await query('postgres', `CREATE DATABASE ${database}`);
  try {
    await query(database, 'CREATE TABLE raw_commit (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    const pgbench = (() => {
      try {
        return execFileSync('which', ['pgbench'], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    })();
    if (pgbench) {
      const script = path.join(os.tmpdir(), `${runId}-insert.sql`);
      writeFileSync(script, "INSERT INTO raw_commit (payload) VALUES (repeat('x', 600));\n");
      const { stdout } = await promisify(execFile)(
        pgbench,
        ['-n', '-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-c', String(clients), '-j', String(Math.min(clients, os.cpus().length)), '-T', String(seconds), '-f', script, database],
        { env: { ...process.env, PGPASSWORD: postgres.password ?? '' } },
      );
      const tps = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(stdout)?.[1];
      if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
      return { tool: 'pgbench', commitsPerSecond: Number(tps) };
    }
    const connections = await Promise.all(Array.from({ length: clients }, async () => {
      const c = new Client({ ...postgres, database });
      await c.connect();
      return c;
    }));
    let commits = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(connections.map(async (c) => {
      while (performance.now() < until) {
        await c.query("INSERT INTO raw_commit (payload) VALUES (repeat('x', 600))");
        commits += 1;
      }
    }));
    await Promise.all(connections.map((c) => c.end()));
    return { tool: 'node-postgres client loop', commitsPerSecond: commits / seconds };
  } finally {
    await query('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

/** Samples how many connections Postgres holds, to show the run never came near max_connections. */
function sampleConnections(): { stop: () => Promise<{ peak: number; ownPeak: number; max: number }> } {
  let peak = 0;
  let ownPeak = 0;
  let stopped = false;
  const client = new Client({ ...postgres, database: 'postgres' });
  const running = (async () => {
    await client.connect();
    while (!stopped) {
      // The whole server (other users of a shared machine included) and the bench's own databases.
      const { rows } = await client.query<{ n: number; own: number }>(
        'SELECT count(*)::int AS n, (count(*) FILTER (WHERE datname LIKE $2))::int AS own FROM pg_stat_activity WHERE backend_type = $1',
        ['client backend', `${runId}%`],
      );
      peak = Math.max(peak, rows[0].n);
      ownPeak = Math.max(ownPeak, rows[0].own);
      await sleep(250);
    }
    const max = Number((await client.query<{ max_connections: string }>('SHOW max_connections')).rows[0].max_connections);
    await client.end();
    return max;
  })();
  return {
    stop: async () => {
      stopped = true;
      return { peak, ownPeak, max: await running };
    },
  };
}

async function stopServices(services: RunningService[]): Promise<void> {
  await Promise.all(
    services.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.process.exitCode !== null) return resolve();
          s.process.once('exit', () => resolve());
          s.process.kill('SIGTERM');
          setTimeout(() => s.process.kill('SIGKILL'), 30_000).unref();
        }),
    ),
  );
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  console.log(`bench ${runId}: ${JOURNEYS} journeys (${STEPS.map((s) => s.name).join(' → ')}), ${RATE ? `open loop at ${RATE}/s` : `closed loop, concurrency ${CONCURRENCY}`}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  console.log('building the services (Nx cache when unchanged)…');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=tag:type:service', '--outputStyle=static'], { cwd: root, stdio: 'ignore' });
  console.log('starting a Kafka broker of its own…');
  const broker = await startPrivateBroker();
  let services: RunningService[] = [];
  const connections = sampleConnections();
  try {
    console.log('starting KH and TH…');
    services = await startNodes(broker, args['pool-max']);
    const api = new Api(services);
    const state = await setup(api, JOURNEYS);
    api.latencies.clear();
    api.retries.clear();
    const eventsBefore = await countEvents(services);
    const started = performance.now();
    console.log('driving journeys…');
    const run = await driveJourneys(api, state);
    // Until every event is published and consumed: outbox empty and no consumer lag.
    let backlog = -1;
    let lag = -1;
    for (let i = 0; i < 600; i++) {
      backlog = await outboxBacklog(services);
      lag = backlog === 0 ? await consumerLag(broker) : -1;
      if (backlog === 0 && lag === 0) break;
      await sleep(100);
    }
    const settledSeconds = (performance.now() - started) / 1000;
    const events = (await countEvents(services)) - eventsBefore;
    const propagation = percentiles(await crossBorderPropagation(services));
    const rss: Record<string, number> = {};
    for (const s of services) rss[`${s.node} ${s.service}`] = round(((await residentSetSize(s.process.pid)) ?? NaN) / 2 ** 20, 0);
    const audit: Record<string, { unsealed: number }> = {};
    for (const s of services) audit[`${s.node} ${s.service}`] = (await query<{ unsealed: number }>(s.database, 'SELECT count(*)::int AS unsealed FROM audit_log WHERE seq IS NULL'))[0];
    const { peak, ownPeak, max } = await connections.stop();

    console.log('measuring the raw limits in the same run…');
    const rawSeconds = Number(args['raw-seconds']);
    // Open loop has no fixed concurrency: the raw rate is measured at --concurrency all the same.
    const clients = CONCURRENCY;
    const pgAtConcurrency = await rawPostgres(clients, rawSeconds);
    const pgSingle = await rawPostgres(1, rawSeconds);
    const kafkaRecords = await rawKafka(broker, Number(args['kafka-records']));
    const loadAfter = os.loadavg();

    const journeysPerSecond = (JOURNEYS - run.failed) / run.seconds;
    const registrations = api.latencies.get('POST KH recruitment /workers')?.length ?? 0;
    const registrationsPerSecond = registrations / run.seconds;
    const http = Object.fromEntries([...api.latencies.entries()].map(([k, v]) => [k, { ...percentiles(v), retries: api.retries.get(k) ?? 0 }]));
    const result = {
      runId,
      label: args.label,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30, 0), node: process.version, loadBefore, loadAfter },
      options: { journeys: JOURNEYS, concurrency: RATE ? null : CONCURRENCY, rate: RATE ?? null, steps: STEPS.map((s) => s.name), poolMax: args['pool-max'] ?? 'default' },
      journeys: { completed: JOURNEYS - run.failed, failed: run.failed, seconds: round(run.seconds, 2), perSecond: round(journeysPerSecond), failures: api.failures },
      registrationsPerSecond: round(registrationsPerSecond),
      events: { count: events, settledSeconds: round(settledSeconds, 2), perSecond: round(events / settledSeconds) },
      http,
      steps: Object.fromEntries([...run.stepTimes.entries()].map(([k, v]) => [k, percentiles(v)])),
      crossBorderPropagationMs: propagation,
      rssMiB: rss,
      atEnd: { outboxBacklog: backlog, consumerLag: lag, auditUnsealed: audit },
      postgresConnections: { peak, benchPeak: ownPeak, maxConnections: max },
      raw: {
        kafkaProduceConsumeRecordsPerSecond: round(kafkaRecords, 0),
        postgresCommitsPerSecond: { clients, tool: pgAtConcurrency.tool, value: round(pgAtConcurrency.commitsPerSecond, 0) },
        postgresCommitsPerSecondOneClient: { tool: pgSingle.tool, value: round(pgSingle.commitsPerSecond, 0) },
      },
      ratios: {
        registrationsToPostgresCommits: round((100 * registrationsPerSecond) / pgAtConcurrency.commitsPerSecond, 2),
        eventsToKafkaRecords: round((100 * (events / settledSeconds)) / kafkaRecords, 2),
      },
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.at.replace(/[:.]/g, '-')}${args.label ? `-${args.label}` : ''}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    printTable(result);
    console.log(`\nwritten to ${path.relative(root, file)}`);
  } finally {
    await connections.stop().catch(() => undefined);
    await stopServices(services);
    for (const s of services) await query('postgres', `DROP DATABASE IF EXISTS ${s.database} WITH (FORCE)`).catch(() => undefined);
    await broker.destroy().catch(() => undefined);
  }
}

function printTable(r: {
  journeys: { completed: number; failed: number; seconds: number; perSecond: number };
  registrationsPerSecond: number;
  events: { count: number; perSecond: number };
  http: Record<string, { n: number; p50: number; p95: number; p99: number; retries: number }>;
  crossBorderPropagationMs: { n: number; p50: number; p95: number; p99: number };
  rssMiB: Record<string, number>;
  atEnd: { outboxBacklog: number; consumerLag: number };
  postgresConnections: { peak: number; benchPeak: number; maxConnections: number };
  raw: { kafkaProduceConsumeRecordsPerSecond: number; postgresCommitsPerSecond: { clients: number; tool: string; value: number }; postgresCommitsPerSecondOneClient: { value: number } };
  ratios: { registrationsToPostgresCommits: number; eventsToKafkaRecords: number };
  machine: { loadBefore: number[]; loadAfter: number[] };
}): void {
  const line = (k: string, v: string) => console.log(`${k.padEnd(44)} ${v}`);
  console.log('');
  line('journeys completed / failed', `${r.journeys.completed} / ${r.journeys.failed} in ${r.journeys.seconds} s`);
  line('journeys/s', String(r.journeys.perSecond));
  line('registrations/s', String(r.registrationsPerSecond));
  line('events/s (published and consumed, end to end)', `${r.events.perSecond} (${r.events.count} events)`);
  line('cross-border propagation ms p50/p95/p99', `${r.crossBorderPropagationMs.p50} / ${r.crossBorderPropagationMs.p95} / ${r.crossBorderPropagationMs.p99} (${r.crossBorderPropagationMs.n} entries)`);
  line('outbox backlog / consumer lag at the end', `${r.atEnd.outboxBacklog} / ${r.atEnd.consumerLag}`);
  line('Postgres connections peak: bench / server / max', `${r.postgresConnections.benchPeak} / ${r.postgresConnections.peak} / ${r.postgresConnections.maxConnections}`);
  line('raw kafkajs produce→consume records/s', String(r.raw.kafkaProduceConsumeRecordsPerSecond));
  line(`raw Postgres commits/s at ${r.raw.postgresCommitsPerSecond.clients} clients (${r.raw.postgresCommitsPerSecond.tool})`, String(r.raw.postgresCommitsPerSecond.value));
  line('raw Postgres commits/s at 1 client', String(r.raw.postgresCommitsPerSecondOneClient.value));
  line('registrations/s ÷ raw Postgres commits/s', `${r.ratios.registrationsToPostgresCommits} %`);
  line('events/s ÷ raw kafkajs records/s', `${r.ratios.eventsToKafkaRecords} %`);
  line('load average before / after', `${r.machine.loadBefore.map((l) => l.toFixed(2)).join(' ')} / ${r.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  console.log('\nHTTP latency per endpoint (ms)                      n      p50     p95     p99   retries');
  for (const [k, v] of Object.entries(r.http)) {
    console.log(`${k.padEnd(50)} ${String(v.n).padStart(6)} ${String(v.p50).padStart(7)} ${String(v.p95).padStart(7)} ${String(v.p99).padStart(7)} ${String(v.retries).padStart(8)}`);
  }
  console.log('\nRSS per service after the run (MiB)');
  for (const [k, v] of Object.entries(r.rssMiB)) console.log(`  ${k.padEnd(20)} ${v}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
