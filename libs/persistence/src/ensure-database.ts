import { Client } from 'pg';

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password?: string;
  /** Connections one process holds at most (NodeConfig.postgres.poolMax). */
  poolMax?: number;
  /** How long a request waits for a free connection (NodeConfig.postgres.poolWaitMs). */
  poolWaitMs?: number;
}

/** Creates the database when it does not exist yet; safe to call from several processes at once. */
export async function ensureDatabase(server: PostgresServer, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`unsafe database name "${database}"`);
  const client = new Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } catch (error) {
        // 42P04 duplicate_database: another process created it between our check and create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops a throw-away test database. */
export async function dropDatabase(server: PostgresServer, database: string): Promise<void> {
  const client = new Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
