import { execFile } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(REPO_ROOT, 'infra/postgres/private-cluster.sh');

/**
 * A Postgres server of one suite's own (infra/postgres/private-cluster.sh: initdb on a free port,
 * trust auth on 127.0.0.1): a suite that restarts Postgres must not restart the server on 5432
 * that every other test run on the machine shares.
 */
export interface PrivatePostgres {
  readonly port: number;
  /** PGHOST/PGPORT for a service process pointed at it. */
  readonly env: { PGHOST: string; PGPORT: string; PGUSER: string };
  start(): Promise<void>;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(port?: number): Promise<PrivatePostgres> {
  const chosen = port ?? (await freePort());
  const env = { ...process.env, PG_PRIVATE_PORT: String(chosen) };
  const run = (command: string) =>
    new Promise<void>((resolve, reject) =>
      execFile('bash', [SCRIPT, command], { env, timeout: 120_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`private-cluster.sh ${command} (port ${chosen}) failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
      ),
    );
  const postgres: PrivatePostgres = {
    port: chosen,
    env: { PGHOST: '127.0.0.1', PGPORT: String(chosen), PGUSER: 'postgres' },
    start: () => run('start'),
    restart: () => run('restart'),
    destroy: () => run('destroy'),
  };
  try {
    await postgres.start();
  } catch (error) {
    await postgres.destroy().catch(() => undefined);
    throw error;
  }
  return postgres;
}
