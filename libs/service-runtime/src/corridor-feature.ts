import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;
export type MigrationClass = Type<MigrationInterface>;

export interface CorridorFeatureOptions extends ModuleMetadata {
  /** The tables this feature owns (registered with TypeOrmModule.forFeature, so @InjectRepository works too). */
  entities?: EntityClass[];
  /** The migrations that create and change those tables. */
  migrations?: MigrationClass[];
}

const FEATURE_METADATA = 'corridor:feature';

interface FeatureTables {
  entities: EntityClass[];
  migrations: MigrationClass[];
}

/**
 * A feature module of a stage service: a Nest module that also declares its tables. The root
 * module collects entities and migrations from its features (collectFeatureTables), so adding a
 * table never means editing the root module.
 */
export function CorridorFeature(options: CorridorFeatureOptions): ClassDecorator {
  const { entities = [], migrations = [], imports = [], ...metadata } = options;
  const module = Module({ ...metadata, imports: entities.length ? [TypeOrmModule.forFeature(entities), ...imports] : imports });
  return (target) => {
    Reflect.defineMetadata(FEATURE_METADATA, { entities, migrations } satisfies FeatureTables, target);
    module(target);
  };
}

/** The entities and migrations of a service's features, each once, migrations in timestamp order. */
export function collectFeatureTables(features: Type[]): FeatureTables {
  const entities = new Set<EntityClass>();
  const migrations = new Set<MigrationClass>();
  for (const feature of features) {
    const tables = Reflect.getMetadata(FEATURE_METADATA, feature) as FeatureTables | undefined;
    tables?.entities.forEach((e) => entities.add(e));
    tables?.migrations.forEach((m) => migrations.add(m));
  }
  return { entities: [...entities], migrations: [...migrations].sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b)) };
}

/** TypeORM orders migrations by the 13-digit timestamp at the end of the class name. */
export function migrationTimestamp(migration: { name: string }): number {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match) throw new Error(`migration ${migration.name} has no 13-digit timestamp at the end of its name (npm run migration:new)`);
  return Number(match[1]);
}

/** Two migrations with one timestamp run in an order nobody chose: refuse them before the database is touched. */
export function assertDistinctTimestamps(migrations: { name: string }[]): void {
  const seen = new Map<number, string>();
  for (const migration of migrations) {
    const at = migrationTimestamp(migration);
    const other = seen.get(at);
    if (other && other !== migration.name) throw new Error(`migrations ${other} and ${migration.name} share the timestamp ${at}`);
    seen.set(at, migration.name);
  }
}
