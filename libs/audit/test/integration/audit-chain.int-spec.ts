import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { AuditEntry, AuditLog1763900000300, AuditTrail, verifyAuditChain, type AuditRecord } from '../../src';

jest.setTimeout(90_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_audit_chain');
const concurrentDatabase = uniqueName('it_audit_concurrent');
const repoRoot = join(__dirname, '../../../..');

async function openMigrated(name: string): Promise<DataSource> {
  await ensureDatabase(config.postgres, name);
  const dataSource = new DataSource(
    serviceDataSourceOptions({ server: config.postgres, database: name, entities: [AuditEntry], migrations: [AuditLog1763900000300] }),
  );
  await dataSource.initialize();
  expect(await runMigrations(dataSource)).toEqual(['AuditLog1763900000300']);
  return dataSource;
}

function entry(reason: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    actor: { subject: 'officer-kh-1', country: 'KH', agencyId: 'A-1' },
    action: 'worker.read',
    targetType: 'worker',
    targetId: 'w-1',
    reason,
    ...overrides,
  };
}

/** The CLI exactly as an operator runs it; resolves with its exit code instead of throwing. */
async function runCli(db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['-r', '@swc-node/register', 'tools/audit-verify.ts', '--database', db], {
      cwd: repoRoot,
      env: { ...process.env, PGHOST: config.postgres.host, PGPORT: String(config.postgres.port), PGUSER: config.postgres.user },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let dataSource: DataSource;
let concurrent: DataSource;
/** A connection of its own for the "attacker", who talks SQL to the database directly. */
let attacker: Client;

beforeAll(async () => {
  dataSource = await openMigrated(database);
  concurrent = await openMigrated(concurrentDatabase);
  attacker = new Client({ ...config.postgres, database });
  await attacker.connect();
});

afterAll(async () => {
  await attacker?.end().catch(() => undefined);
  await dataSource?.destroy().catch(() => undefined);
  await concurrent?.destroy().catch(() => undefined);
  await dropTestDatabases(config, database, concurrentDatabase);
});

describe('audit chain on a real Postgres', () => {
  it('appends within the caller transaction; a rolled-back entry leaves no gap', async () => {
    const trail = new AuditTrail(dataSource);
    await dataSource.transaction((m) => trail.record(m, entry('first')));
    await dataSource.transaction(async (m) => {
      await trail.record(m, entry('second', { action: 'worker.register', details: { fields: ['fullName'], at: new Date('2026-11-23T10:00:00Z') } }));
      await trail.record(m, entry('third', { actor: { subject: 'system:journey-projector', country: 'KH' } }));
    });
    await expect(
      dataSource.transaction(async (m) => {
        await trail.record(m, entry('rolled back'));
        throw new Error('the change failed after its audit entry was written');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((m) => trail.record(m, entry('fourth')));
    const fifth = await trail.recordInOwnTransaction(entry('fifth', { targetId: 'w-2' }));
    expect(fifth.seq).toBe('5');

    const rows = (await attacker.query<{ seq: string; reason: string; details: unknown }>('SELECT seq, reason, details FROM audit_log ORDER BY seq')).rows;
    expect(rows.map((r) => [Number(r.seq), r.reason])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [4, 'fourth'],
      [5, 'fifth'],
    ]);
    expect(rows[1].details).toEqual({ fields: ['fullName'], at: '2026-11-23T10:00:00.000Z' });
    expect(await verifyAuditChain(dataSource)).toEqual({ rows: 5, problems: [], head: { seq: 5, hash: fifth.hash } });
  });

  it('refuses to record outside a transaction or under REPEATABLE READ', async () => {
    const trail = new AuditTrail(dataSource);
    await expect(trail.record(dataSource.manager, entry('no transaction'))).rejects.toThrow(/inside the transaction/);
    await expect(dataSource.transaction('REPEATABLE READ', (m) => trail.record(m, entry('stale snapshot')))).rejects.toThrow(/READ COMMITTED/);
    await expect(dataSource.transaction((m) => trail.record(m, entry('  ')))).rejects.toThrow(/non-empty reason/);
    expect((await verifyAuditChain(dataSource)).rows).toBe(5);
  });

  it('the trigger refuses a plain UPDATE, DELETE or TRUNCATE', async () => {
    await expect(attacker.query("UPDATE audit_log SET reason = 'edited' WHERE seq = 2")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(attacker.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(attacker.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await verifyAuditChain(attacker)).toMatchObject({ rows: 5, problems: [] });
  });

  it('the CLI says intact and exits 0 on an untouched log', async () => {
    const result = await runCli(database);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`audit chain of ${database}: 5 rows, intact`);
  });

  it('names exactly the row an attacker changed with the trigger bypassed', async () => {
    await attacker.query('SET session_replication_role = replica');
    try {
      const changed = await attacker.query("UPDATE audit_log SET reason = 'routine check' WHERE seq = 3");
      expect(changed.rowCount).toBe(1);
    } finally {
      await attacker.query('SET session_replication_role = DEFAULT');
    }
    expect(await verifyAuditChain(dataSource)).toMatchObject({
      rows: 5,
      problems: [{ seq: 3, problem: 'hash-mismatch', detail: 'row changed after it was written' }],
    });
  });

  it('names a deleted row as missing', async () => {
    await attacker.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      expect((await attacker.query('DELETE FROM audit_log WHERE seq = 4')).rowCount).toBe(1);
    } finally {
      await attacker.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    const report = await verifyAuditChain(dataSource, { batchSize: 2 });
    expect(report.rows).toBe(4);
    expect(report.problems).toEqual([
      { seq: 3, problem: 'hash-mismatch', detail: 'row changed after it was written' },
      { seq: 4, problem: 'missing-rows', detail: 'seq 4 is missing: row deleted' },
    ]);
  });

  it('the CLI lists each problem by seq and exits 1 on the tampered log', async () => {
    const result = await runCli(database);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`audit chain of ${database}: 4 rows, 2 problem(s)`);
    expect(result.stdout).toContain('seq 3: hash-mismatch (row changed after it was written)');
    expect(result.stdout).toContain('seq 4: missing-rows');
  });

  it('20 parallel transactions append a gap-free, intact chain', async () => {
    const trail = new AuditTrail(concurrent);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        concurrent.transaction(async (m) => {
          // Some work before the audit entry, of uneven length, so the appends really interleave.
          await m.query('SELECT pg_sleep($1)', [Math.random() * 0.02]);
          await trail.record(m, entry(`parallel ${i}`, { targetId: `w-${i}` }));
        }),
      ),
    );
    const seqs = (await concurrent.query('SELECT seq FROM audit_log ORDER BY seq')).map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(concurrent)).toMatchObject({ rows: 20, problems: [] });
  });
});
