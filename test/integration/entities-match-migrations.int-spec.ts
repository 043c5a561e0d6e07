import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startCountryNodes } from '../support/country-nodes';

jest.setTimeout(180_000);

/**
 * The tables are made by hand-written migrations and read through entities: the two must agree
 * on every column an entity maps (a column the migrations never made fails only when a query
 * reaches it, in production). Constraints, indexes and defaults live in the migrations alone, so
 * they are not compared. Over every service of a node, so a new service is covered.
 */
let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  platform = await startCountryNodes(['KH'], 'KH>TH', { withContracts: true });
});

afterAll(() => platform?.stop());

it('every column an entity of any service maps exists in its migrated database, with the same nullability', async () => {
  const node = platform.nodes.KH;
  const apps: Record<string, INestApplication | undefined> = { recruitment: node.recruitment, journey: node.journey, contracts: node.contracts, ...node.stages };
  const problems: string[] = [];
  let checked = 0;
  for (const [service, app] of Object.entries(apps)) {
    const dataSource = app!.get(DataSource);
    const rows = (await dataSource.query(`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`)) as { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }[];
    const inDatabase = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
    for (const entity of dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        checked += 1;
        if (!inDatabase.has(key)) problems.push(`${service}: ${key} is mapped by ${entity.name} and not made by any migration`);
        else if (inDatabase.get(key) !== column.isNullable && !column.isPrimary) problems.push(`${service}: ${key} is ${column.isNullable ? 'nullable' : 'NOT NULL'} in ${entity.name}, not in the database`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(300);
});
