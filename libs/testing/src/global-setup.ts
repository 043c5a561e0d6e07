import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';

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
  const admin = new Kafka({ clientId: 'test-setup', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka is not reachable (${(error as Error).message}); run the suites through "npm test", which starts the broker`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
