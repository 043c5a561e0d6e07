import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A TypeORM migration class found in the source tree. */
export interface MigrationFile {
  /** Relative to the repo root. */
  file: string;
  className: string;
  timestamp: number;
}

const MIGRATION_CLASS = /export class (\w+?)(\d{13}) implements MigrationInterface/g;

function* typescriptFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* typescriptFiles(full);
    else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) yield full;
  }
}

/** Every migration class under libs/ and services/ (where the service runtimes load them from). */
export function findMigrations(root: string): MigrationFile[] {
  const found: MigrationFile[] = [];
  for (const top of ['libs', 'services']) {
    for (const file of typescriptFiles(path.join(root, top))) {
      for (const match of readFileSync(file, 'utf8').matchAll(MIGRATION_CLASS)) {
        found.push({ file: path.relative(root, file), className: `${match[1]}${match[2]}`, timestamp: Number(match[2]) });
      }
    }
  }
  return found.sort((a, b) => a.timestamp - b.timestamp);
}

/** Pairs of migrations that share a timestamp anywhere in the repo (lib migrations run in every service's database). */
export function sharedTimestamps(migrations: MigrationFile[]): [MigrationFile, MigrationFile][] {
  const byTimestamp = new Map<number, MigrationFile>();
  const clashes: [MigrationFile, MigrationFile][] = [];
  for (const migration of migrations) {
    const other = byTimestamp.get(migration.timestamp);
    if (other) clashes.push([other, migration]);
    else byTimestamp.set(migration.timestamp, migration);
  }
  return clashes;
}

/** A timestamp after every existing one and not before now: new migrations always sort last. */
export function nextTimestamp(migrations: MigrationFile[], now = Date.now()): number {
  return Math.max(now, ...migrations.map((m) => m.timestamp + 1));
}

/** "add fee receipts" / "AddFeeReceipts" / "add-fee-receipts" → { kebab: add-fee-receipts, pascal: AddFeeReceipts } */
export function migrationNames(name: string): { kebab: string; pascal: string } {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (!words.length || !/^[a-z]/.test(words[0])) throw new Error(`"${name}" is not a migration name: use words like "add fee receipts"`);
  return { kebab: words.join('-'), pascal: words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') };
}

export function migrationSource(pascal: string, timestamp: number, what: string): string {
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ${what} */
export class ${pascal}${timestamp} implements MigrationInterface {
  name = '${pascal}${timestamp}';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT 1'); // the schema change
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT 1'); // and how to undo it
  }
}
`;
}
