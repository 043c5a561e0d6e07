import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import type { NodeConfig } from '@corridor/config';
import { ScheduledFlag, ScheduledFlags1797000000000 } from '../../src';

/**
 * A connection to a suite's throw-away database (created by the first call) with the scheduled_flag table and the suite's own
 * tables (`create`: statements run once, by the first connection's migrations).
 */
export async function flagDatabase(config: NodeConfig, database: string, create: string[]): Promise<DataSource> {
  class SuiteTables1700000000001 implements MigrationInterface {
    name = 'SuiteTables1700000000001';
    async up(runner: QueryRunner): Promise<void> {
      for (const statement of create) await runner.query(statement);
    }
    async down(): Promise<void> {
      // a throw-away database: dropped whole at the end of the suite
    }
  }
  await ensureDatabase(config.postgres, database);
  const dataSource = new DataSource(serviceDataSourceOptions({ server: config.postgres, database, entities: [ScheduledFlag], migrations: [ScheduledFlags1797000000000, SuiteTables1700000000001] }));
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}
