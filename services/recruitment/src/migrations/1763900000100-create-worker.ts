import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorker1763900000100 implements MigrationInterface {
  name = 'CreateWorker1763900000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE worker (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        full_name text NOT NULL,
        full_name_latin text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other')),
        birth_date date NOT NULL,
        nationality char(2) NOT NULL,
        document_type text NOT NULL CHECK (document_type IN ('passport', 'national-id')),
        document_number text NOT NULL,
        document_expiry date NOT NULL,
        intended_destination text,
        occupation_isco text,
        agency_id text,
        consent_to_process boolean NOT NULL,
        consent_to_share boolean NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One registration per identity document: the exact-duplicate rule, enforced by the database too.
    await runner.query('CREATE UNIQUE INDEX worker_document ON worker (nationality, document_type, document_number)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE worker');
  }
}
