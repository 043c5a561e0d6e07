import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, consumerGroupId, loadNodeConfig, type NodeConfig } from '@corridor/config';
import { mintDevelopmentToken, type Role } from '@corridor/auth';
import { dropDatabase } from '@corridor/persistence';

/** A node configuration for tests: the real local Postgres and Kafka, the development secret; `env` adds settings (e.g. CORRIDOR_POLICIES_FILE). */
export function testNodeConfig(country: string, corridors = 'KH>TH,LA>TH', env: NodeJS.ProcessEnv = {}): NodeConfig {
  return loadNodeConfig({ ...process.env, ...env, COUNTRY: country, CORRIDORS: corridors, JWT_SECRET: DEVELOPMENT_JWT_SECRET, NODE_ENV: 'test' });
}

/** A name no other test run uses: for throw-away databases and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A throw-away consumer group of a country node: under the node's prefix, which its Kafka principal may read (ADR 0007). */
export function uniqueGroupId(country: string, name: string): string {
  return consumerGroupId(country, uniqueName(name));
}

export function bearer(country: string, roles: Role[], agencyId?: string, subject = `officer-${country.toLowerCase()}-1`): string {
  return `Bearer ${mintDevelopmentToken({ subject, country, roles, agencyId }, DEVELOPMENT_JWT_SECRET)}`;
}

export async function dropTestDatabases(config: NodeConfig, ...databases: string[]): Promise<void> {
  for (const database of databases) await dropDatabase(config.postgres, database);
}

/** Polls until the check returns a value other than undefined, or fails after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} not reached within ${timeoutMs} ms${lastError ? `: ${(lastError as Error).message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
