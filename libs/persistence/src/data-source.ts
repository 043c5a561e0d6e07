import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { PostgresServer } from './ensure-database';

const logger = new Logger('Postgres');

/**
 * Every pooled connection gets a listener of its own for 'error': pg emits a dropped connection
 * (a Postgres restart, an administrator's terminate) as an 'error' event on the client, pg-pool
 * removes its own listener while a client is checked out, and an 'error' without a listener ends
 * the process. The query in flight rejects anyway and the pool discards the broken client; this
 * only keeps the event from taking the service down (a restart of Postgres killed KH contracts in
 * the fault suite).
 */
function keepConnectionErrorsFromCrashing(client: ClientBase): void {
  client.on('error', (error) => logger.warn(`a database connection failed: ${error.message}`));
}

export interface ServiceDataSourceOptions {
  server: PostgresServer;
  database: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** Postgres through TypeORM; the schema only ever changes through migrations, never synchronize. */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    host: options.server.host,
    port: options.server.port,
    username: options.server.user,
    password: options.server.password,
    database: options.database,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // From configuration (DB_POOL_MAX, DB_POOL_WAIT_MS): the budget per node is in docs/performance.md.
    extra: { max: options.server.poolMax ?? 5, connectionTimeoutMillis: options.server.poolWaitMs ?? 15_000, onConnect: keepConnectionErrorsFromCrashing },
  };
}

/**
 * Runs pending migrations in one transaction under a transaction-level Postgres advisory lock, so
 * that several instances of one service starting at once migrate one after the other instead of
 * racing, all or nothing. Transaction-level, not session-level: through PgBouncer in transaction
 * mode a session lock could stay behind on a server connection another client gets next.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock(727274)');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'none';
    const applied = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return applied.map((m) => m.name);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
