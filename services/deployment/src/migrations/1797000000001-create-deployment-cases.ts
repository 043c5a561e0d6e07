import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deployment cases of this node: its own (authored_by = the node) and the other ends' replicas. */
export class CreateDeploymentCases1797000000001 implements MigrationInterface {
  name = 'CreateDeploymentCases1797000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE deployment_case (
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
      )`);
    await runner.query('CREATE INDEX deployment_case_opened ON deployment_case (opened_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deployment_case');
  }
}
