import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { AuditEntry, AuditLog1763900000300, AuditSealingMigration, AuditTrail, sealAuditEntries, verifyAuditChain, type AuditRecord } from '../../src';

jest.setTimeout(90_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_audit_chain');
const concurrentDatabase = uniqueName('it_audit_concurrent');
const repoRoot = join(__dirname, '../../../..');

async function openMigrated(name: string): Promise<DataSource> {
  await ensureDatabase(config.postgres, name);
  const dataSource = new DataSource(
    serviceDataSourceOptions({ server: config.postgres, database: name, entities: [AuditEntry], migrations: [AuditLog1763900000300, AuditSealingMigration] }),
  );
  await dataSource.initialize();
  expect(await runMigrations(dataSource)).toEqual(['AuditLog1763900000300', 'AuditSealing1796400000300']);
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

async function openMigratedAgain(name: string): Promise<DataSource> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({ server: config.postgres, database: name, entities: [AuditEntry], migrations: [AuditLog1763900000300, AuditSealingMigration] }),
  );
  return dataSource.initialize();
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
  it('appends within the caller transaction without a chain position; the sequencer seals them gap-free, a rolled-back entry leaves no gap', async () => {
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
    expect(fifth.seq).toBeNull();
    // Recorded, not sealed yet: the chain is empty and nothing is overdue.
    expect(await verifyAuditChain(dataSource)).toEqual({ rows: 0, problems: [], head: null, unsealed: { count: 5, overdue: 0 } });

    expect(await sealAuditEntries(dataSource)).toBe(5);
    expect(await sealAuditEntries(dataSource)).toBe(0);
    const rows = (await attacker.query<{ seq: string; reason: string; details: unknown; hash: string }>('SELECT seq, reason, details, hash FROM audit_log ORDER BY seq')).rows;
    expect(rows.map((r) => [Number(r.seq), r.reason])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
      [4, 'fourth'],
      [5, 'fifth'],
    ]);
    expect(rows[1].details).toEqual({ fields: ['fullName'], at: '2026-11-23T10:00:00.000Z' });
    expect(await verifyAuditChain(dataSource)).toEqual({ rows: 5, problems: [], head: { seq: 5, hash: rows[4].hash }, unsealed: { count: 0, overdue: 0 } });
  });

  it('refuses to record outside a transaction or without a reason', async () => {
    const trail = new AuditTrail(dataSource);
    await expect(trail.record(dataSource.manager, entry('no transaction'))).rejects.toThrow(/inside the transaction/);
    await expect(dataSource.transaction((m) => trail.record(m, entry('  ')))).rejects.toThrow(/non-empty reason/);
    expect((await verifyAuditChain(dataSource)).rows).toBe(5);
  });

  it('the trigger refuses a plain UPDATE, DELETE or TRUNCATE, and a second seal', async () => {
    await expect(attacker.query("UPDATE audit_log SET reason = 'edited' WHERE seq = 2")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(attacker.query('UPDATE audit_log SET seq = 9, hash = hash, prev_hash = prev_hash WHERE seq = 2')).rejects.toThrow(/append-only: UPDATE refused/);
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

  it('20 parallel transactions append without waiting on each other; two sequencers at once seal a gap-free, intact chain', async () => {
    const trail = new AuditTrail(concurrent);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        concurrent.transaction(async (m) => {
          // Some work before and after the audit entry, of uneven length, so the appends really interleave.
          await m.query('SELECT pg_sleep($1)', [Math.random() * 0.02]);
          await trail.record(m, entry(`parallel ${i}`, { targetId: `w-${i}` }));
          await m.query('SELECT pg_sleep($1)', [Math.random() * 0.02]);
        }),
      ),
    );
    // Two instances of the service, each with its sequencer, seal at the same moment.
    const second = await openMigratedAgain(concurrentDatabase);
    try {
      const sealed = await Promise.all([sealAuditEntries(concurrent, 7), sealAuditEntries(second, 7), sealAuditEntries(concurrent, 7), sealAuditEntries(second, 7)]);
      expect(sealed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
      while ((await sealAuditEntries(second, 7)) > 0);
    } finally {
      await second.destroy();
    }
    const seqs = (await concurrent.query('SELECT seq FROM audit_log ORDER BY seq')).map((r: { seq: string }) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(concurrent)).toMatchObject({ rows: 20, problems: [], unsealed: { count: 0, overdue: 0 } });
  });

  it('names two entries swapped in place (reordered) by their broken hashes', async () => {
    const client = new Client({ ...config.postgres, database: concurrentDatabase });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      // Swap the content of seq 10 and 11 (keeping each position's links): the order of events is rewritten.
      const swapped = await client.query(`
        UPDATE audit_log a SET reason = b.reason, target_id = b.target_id
          FROM audit_log b WHERE (a.seq, b.seq) IN ((10, 11), (11, 10))`);
      expect(swapped.rowCount).toBe(2);
      await client.query('SET session_replication_role = DEFAULT');
      const report = await verifyAuditChain(client);
      expect(report.problems.map((p) => [p.seq, p.problem])).toEqual([
        [10, 'hash-mismatch'],
        [11, 'hash-mismatch'],
      ]);
    } finally {
      await client.end();
    }
  });

  it('reports entries left unsealed past the maximum merge delay', async () => {
    const trail = new AuditTrail(concurrent);
    await trail.recordInOwnTransaction(entry('waits for a sequencer that is down'));
    // With a merge delay of 0 ms, any unsealed entry is overdue.
    const report = await verifyAuditChain(concurrent, { maxMergeDelayMs: 0 });
    expect(report.unsealed).toEqual({ count: 1, overdue: 1 });
    expect(report.problems).toContainEqual(expect.objectContaining({ seq: 0, problem: 'unsealed-overdue' }));
    expect((await verifyAuditChain(concurrent)).unsealed).toEqual({ count: 1, overdue: 0 });
  });
});
