import type { QueryRunner } from 'typeorm';

/** The table TypeORM records applied migrations in (serviceDataSourceOptions). */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * For a migration whose class was renamed (a new timestamp): true when the database already
 * applied it under its old name. The old record is replaced by the new one (TypeORM writes the
 * new name when `up` returns), so a database migrated before the rename neither runs it twice
 * nor keeps a record of a migration the code no longer has. See ADR 0012.
 */
export async function appliedUnderOldName(runner: QueryRunner, oldName: string): Promise<boolean> {
  const found: unknown[] = await runner.query(`SELECT name FROM ${MIGRATIONS_TABLE} WHERE name = $1`, [oldName]);
  if (found.length === 0) return false;
  await runner.query(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = $1`, [oldName]);
  return true;
}
