import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public register of licensed agencies (ADR 0028), projected from the Agency* events. */
export class CreatePublicAgency1796400000000 implements MigrationInterface {
  name = 'CreatePublicAgency1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public_agency (
        agency_id uuid PRIMARY KEY,
        name text NOT NULL,
        licence_number text NOT NULL,
        licence_valid_from date NOT NULL,
        licence_valid_to date NOT NULL,
        status text NOT NULL,
        status_since date,
        last_event_id uuid NOT NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX public_agency_by_licence ON public_agency (licence_number)');
    await runner.query('CREATE INDEX journey_by_agency ON journey (agency_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX journey_by_agency');
    await runner.query('DROP TABLE public_agency');
  }
}
