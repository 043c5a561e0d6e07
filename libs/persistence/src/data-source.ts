import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { PostgresServer } from './ensure-database';

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
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}

/**
 * Runs pending migrations under a Postgres advisory lock, so that several instances of one
 * service starting at once migrate one after the other instead of racing.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(727274)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await runner.release();
  }
}
