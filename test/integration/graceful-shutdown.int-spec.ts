import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { countryTopic } from '@corridor/events';
import { bearer, dropTestDatabases, eventually, readTopic, testNodeConfig, uniqueName } from '@corridor/testing';
import { aWorkerRegistration } from '../support/country-nodes';

jest.setTimeout(120_000);

/**
 * The real service process, as `npm start` runs it, receives SIGTERM right after a write: it
 * must stop consuming, finish the request, flush the outbox to Kafka and exit 0.
 */
const root = path.resolve(__dirname, '../..');
const kh = testNodeConfig('KH');
const database = uniqueName('it_kh_recruitment_sigterm');
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

afterAll(async () => {
  child?.kill('SIGKILL');
  await dropTestDatabases(kh, database);
});

it('SIGTERM after a write: the process flushes the outbox to Kafka and exits 0', async () => {
  const port = await freePort();
  const output: string[] = [];
  child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/recruitment/src/main.ts')], {
    cwd: root,
    env: { ...process.env, COUNTRY: 'KH', PORT: String(port), DATABASE_NAME: database, KAFKA_BROKERS: kh.kafkaBrokers.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${url}/health`).catch(() => undefined))?.status === 200 ? true : undefined), 60_000, 'recruitment /health');

  const response = await fetch(`${url}/api/v1/workers`, {
    method: 'POST',
    headers: { authorization: bearer('KH', ['ministry-officer']), 'content-type': 'application/json' },
    body: JSON.stringify(aWorkerRegistration()),
  });
  expect(response.status).toBe(201);
  const { journeyId } = (await response.json()) as { journeyId: string };
  child.kill('SIGTERM');

  expect(await exited).toBe(0);
  const db = new Client({ ...kh.postgres, database });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL');
    expect(rows[0].pending).toBe(0);
  } finally {
    await db.end();
  }
  // From the beginning of a topic every suite of the run writes to: the time this takes grows with the run.
  const records = await readTopic(kh.kafkaBrokers, [countryTopic('KH', 'recruitment')], (all) => all.some((r) => r.message.key?.toString() === journeyId), 60_000);
  expect(records.filter((r) => r.message.key?.toString() === journeyId)).toHaveLength(1);
  // No error line, in JSON (the default) or text.
  expect(output.join('')).not.toMatch(/"level":"(error|fatal)"|ERROR/);
});
