import { DataSource } from 'typeorm';
import { runMigrations } from '@corridor/persistence';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { createContractsApp } from '../../src/contracts.service';

jest.setTimeout(90_000);

const kh = testNodeConfig('KH');
const database = uniqueName('it_kh_contracts_definition');

afterAll(() => dropTestDatabases(kh, database));

const applied = async (dataSource: DataSource) => ((await dataSource.query('SELECT name FROM schema_migrations ORDER BY timestamp, name')) as { name: string }[]).map((r) => r.name);

describe('the contracts service from its definition', () => {
  it('collects its tables from its features and adopts the renamed contracts migration', async () => {
    const first = await createContractsApp(kh, { database, startRelay: false });
    const dataSource = first.app.get(DataSource);
    // Entities come from the feature modules: both the contracts' and the replicas' tables are mapped.
    expect(dataSource.entityMetadatas.map((m) => m.tableName).sort()).toEqual(
      expect.arrayContaining(['contract', 'contract_step', 'contract_version', 'contract_registration', 'substitution_flag', 'job_order_replica', 'worker_match_replica', 'outbox', 'audit_log']),
    );
    // On a new database the renamed migration creates its tables (it adopts nothing).
    const tables = async (ds: DataSource) => ((await ds.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) as { tablename: string }[]).map((r) => r.tablename);
    expect(await tables(dataSource)).toEqual(expect.arrayContaining(['contract', 'contract_version', 'contract_step', 'contract_registration', 'substitution_flag', 'job_order_replica', 'worker_match_replica']));
    // The shared migrations and its own, the renamed one under its new name only (the shared list
    // grows as libs add tables, so it is not pinned here).
    const appliedFirst = await applied(dataSource);
    expect(appliedFirst).toEqual(expect.arrayContaining(['MessagingTables1763900000000', 'AuditLog1763900000300', 'AccessRefusals1763900000310', 'CreateContracts1763900000320', 'IdempotencyKeys1763900000400']));
    expect(appliedFirst).not.toContain('CreateContracts1763900000300');

    // A database migrated before the rename recorded the old name; its tables exist.
    await dataSource.query(`UPDATE schema_migrations SET name = 'CreateContracts1763900000300', timestamp = 1763900000300 WHERE name = 'CreateContracts1763900000320'`);
    await first.app.close();

    const second = await createContractsApp(kh, { database, startRelay: false });
    const again = second.app.get(DataSource);
    expect(await runMigrations(again)).toEqual([]);
    expect(await applied(again)).toContain('CreateContracts1763900000320');
    expect(await applied(again)).not.toContain('CreateContracts1763900000300');
    expect(await tables(again)).toContain('contract');
    await second.app.close();
  });
});
