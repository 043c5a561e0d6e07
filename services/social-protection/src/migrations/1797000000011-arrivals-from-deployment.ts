import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The arrivals the deployment stage confirmed (ArrivalConfirmed), from which the uninsured check counts its days. */
export class ArrivalsFromDeployment1797000000011 implements MigrationInterface {
  name = 'ArrivalsFromDeployment1797000000011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE arrival (
        journey_id uuid PRIMARY KEY,
        origin text NOT NULL,
        destination text NOT NULL,
        arrived_on date NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX arrival_destination_day ON arrival (destination, arrived_on)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE arrival');
  }
}
