import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every stage case keeps (the first aggregate of a service made with the stage-service
 * generator, docs/stages.md): one case per journey, opened at origin, replicated to the
 * destination. A stage's entity extends it (`@Entity({ name: 'deployment_case' }) class
 * DeploymentCase extends StageCaseColumns {}`) and adds its own columns; its migration creates
 * the table with stageCaseTableSql.
 */
export abstract class StageCaseColumns {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ type: 'text' })
  note: string;

  /** The node that opened it; the other end holds a replica. */
  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}

/**
 * The SQL of a stage case table and its paging index, as StageCaseColumns maps it. A migration
 * runs these statements once; later changes to a stage's table are new migrations of their own.
 */
export function stageCaseTableSql(table: string): string[] {
  return [
    `
      CREATE TABLE ${table} (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        origin text NOT NULL,
        destination text NOT NULL,
        agency_id text,
        opened_on date NOT NULL,
        note text NOT NULL,
        authored_by text NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL
      )`,
    `CREATE INDEX ${table}_opened ON ${table} (opened_at DESC, id DESC)`,
  ];
}
