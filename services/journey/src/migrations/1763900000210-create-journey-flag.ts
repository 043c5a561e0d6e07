import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flags raised on a journey (e.g. a fee breach) and whether they block departure until resolved. */
export class CreateJourneyFlag1763900000210 implements MigrationInterface {
  name = 'CreateJourneyFlag1763900000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE journey_flag (
        flag_id uuid PRIMARY KEY,
        journey_id uuid NOT NULL REFERENCES journey (id),
        kind text NOT NULL,
        reason text NOT NULL,
        blocks_departure boolean NOT NULL,
        raised_at timestamptz NOT NULL,
        raised_by_event uuid NOT NULL,
        resolved_at timestamptz,
        resolution text,
        resolution_reason text
      )`);
    await runner.query('CREATE INDEX journey_flag_open ON journey_flag (journey_id) WHERE resolved_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE journey_flag');
  }
}
