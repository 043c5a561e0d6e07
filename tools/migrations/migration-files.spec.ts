import path from 'node:path';
import { findMigrations, migrationNames, migrationSource, nextTimestamp, sharedTimestamps, type MigrationFile } from './migration-files';

const root = path.resolve(__dirname, '../..');

describe('migrations in the repo', () => {
  const migrations = findMigrations(root);

  it('are found in libs and services', () => {
    expect(migrations.map((m) => m.className)).toEqual(expect.arrayContaining(['MessagingTables1763900000000', 'CreateWorker1763900000100', 'AuditLog1763900000300']));
  });

  it('never share a timestamp: TypeORM would run the two in an order nobody chose', () => {
    expect(sharedTimestamps(migrations).map(([a, b]) => `${a.className} (${a.file}) and ${b.className} (${b.file})`)).toEqual([]);
  });

  it('are named after the timestamp their class carries', () => {
    const misnamed = migrations.filter((m) => m.file.includes('/migrations/') && !path.basename(m.file).startsWith(`${m.timestamp}-`));
    expect(misnamed).toEqual([]);
  });
});

describe('a new migration', () => {
  const at = (className: string, timestamp: number): MigrationFile => ({ file: `x/${timestamp}-x.ts`, className, timestamp });

  it('sorts after every existing migration, even one stamped in the future', () => {
    expect(nextTimestamp([at('A', 1_000), at('B', 5_000)], 2_000)).toBe(5_001);
    expect(nextTimestamp([at('A', 1_000)], 2_000)).toBe(2_000);
  });

  it('detects two migrations with one timestamp', () => {
    expect(sharedTimestamps([at('CreateContracts', 300), at('AuditLog', 300), at('Other', 310)]).map(([a, b]) => [a.className, b.className])).toEqual([['CreateContracts', 'AuditLog']]);
  });

  it('takes its class and file name from plain words', () => {
    expect(migrationNames('add fee receipts')).toEqual({ kebab: 'add-fee-receipts', pascal: 'AddFeeReceipts' });
    expect(migrationNames('AddFeeReceipts')).toEqual({ kebab: 'add-fee-receipts', pascal: 'AddFeeReceipts' });
    expect(() => migrationNames('42')).toThrow(/not a migration name/);
    expect(migrationSource('AddFeeReceipts', 1_800_000_000_000, 'add fee receipts')).toContain("name = 'AddFeeReceipts1800000000000'");
  });
});
