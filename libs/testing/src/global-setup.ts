import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
// Jest runs globalSetup outside its module mapper, so no '@corridor/*' here: the credential rule
// itself still comes from libs/config (this file imports nothing but node built-ins).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KAFKA_ADMIN_PRINCIPAL, kafkaCredentialsFile, kafkaSaslFromFile } from '../../config/src/kafka-identity';

/**
 * Integration and e2e suites run against the real Postgres and Kafka that `npm test` starts.
 * Fail at once, saying what is missing, instead of timing out in every test.
 */
export default async function globalSetup(): Promise<void> {
  const pg = new Client({ host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? 5432), user: process.env.PGUSER ?? 'postgres', database: 'postgres' });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    throw new Error(`Postgres is not reachable (${(error as Error).message}); run the suites through "npm test", which starts it`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  // One broker per jest worker when tools/test.sh lists them (worker-broker.ts), else the one of the env.
  const file = process.env.CORRIDOR_TEST_BROKERS_FILE;
  const envs = file ? (JSON.parse(readFileSync(file, 'utf8')) as NodeJS.ProcessEnv[]) : [process.env];
  for (const env of envs) await checkBroker({ ...process.env, ...env });
}

async function checkBroker(env: NodeJS.ProcessEnv): Promise<void> {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const sasl = kafkaSaslFromFile(kafkaCredentialsFile(env), KAFKA_ADMIN_PRINCIPAL);
  if (!sasl) {
    throw new Error(`no Kafka credentials in ${kafkaCredentialsFile(env)}; run the suites through "npm test", whose broker start (infra/kafka/broker.sh) writes them`);
  }
  const admin = new Kafka({ clientId: 'test-setup', brokers, sasl, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  let clusterId: string;
  try {
    await admin.connect();
    ({ clusterId } = await admin.describeCluster());
  } catch (error) {
    const message = (error as Error).message;
    if (/SASL|authenticat/i.test(message)) {
      throw new Error(
        `Kafka at ${brokers.join(',')} refuses the admin credentials of ${kafkaCredentialsFile(env)} (${message}): it is not this installation's SASL broker ` +
          '(perhaps a plaintext broker of an older checkout); stop it, or point KAFKA_BROKERS/KAFKA_DATA_DIR at the right one',
      );
    }
    throw new Error(`Kafka is not reachable (${message}); run the suites through "npm test", which starts the broker`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  assertOwnCluster(brokers, clusterId, env.CORRIDOR_TEST_KAFKA_CLUSTER_ID);
}

/**
 * `npm test` (tools/test.sh) runs the suites on a cluster of their own and says which: never feed
 * the platform's broker (`npm start`) with the tests' events, topics and consumer groups.
 */
function assertOwnCluster(brokers: string[], clusterId: string, expected: string | undefined): void {
  const platform = (process.env.CORRIDOR_PLATFORM_KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  const shared = brokers.filter((b) => platform.includes(b));
  if (shared.length) {
    throw new Error(`KAFKA_BROKERS ${brokers.join(',')} is the platform's broker (${platform.join(',')}): the suites must run on a broker of their own (tools/test.sh starts one)`);
  }
  if (expected && clusterId !== expected) {
    throw new Error(`Kafka at ${brokers.join(',')} is cluster ${clusterId}, not the test run's own cluster ${expected}`);
  }
}
