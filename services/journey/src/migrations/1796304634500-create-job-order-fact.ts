import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What statistics need of job orders (the sector of the journeys matched to them), from JobOrderCreated. */
export class CreateJobOrderFact1796304634500 implements MigrationInterface {
  name = 'CreateJobOrderFact1796304634500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE job_order_fact (
        job_order_id uuid PRIMARY KEY,
        sector_isic text NOT NULL,
        occupation_isco text NOT NULL,
        event_id uuid NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE job_order_fact');
  }
}
