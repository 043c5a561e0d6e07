import type { DataSource } from 'typeorm';

/** Exact row counts of every table in the data source's schema, by table name. */
export async function countRows(dataSource: DataSource, ignore: readonly string[] = []): Promise<Record<string, number>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counted = tables.map((t) => t.name).filter((name) => !ignore.includes(name));
  if (!counted.length) return {};
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const [row] = await dataSource.query(`SELECT ${counted.map((name, i) => `(SELECT count(*) FROM ${quote(name)})::int AS c${i}`).join(', ')}`);
  return Object.fromEntries(counted.map((name, i) => [name, Number(row[`c${i}`])]));
}

/** `table: before → after` for every table whose count changed. */
export function changedCounts(before: Record<string, number>, after: Record<string, number>): string[] {
  const tables = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return tables.filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t] ?? '-'} → ${after[t] ?? '-'}`);
}
