import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorker1763900000100 implements MigrationInterface {
  name = 'CreateWorker1763900000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE worker (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        full_name_enc text NOT NULL,
        full_name_latin_enc text NOT NULL,
        birth_date_enc text NOT NULL,
        document_number_enc text NOT NULL,
        document_index text NOT NULL,
        name_index text[] NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other')),
        birth_year int NOT NULL,
        nationality text NOT NULL,
        document_type text NOT NULL CHECK (document_type IN ('passport', 'national-id')),
        document_expiry date NOT NULL,
        intended_destination text,
        occupation_isco text,
        agency_id text,
        consent_to_process boolean NOT NULL,
        consent_to_share boolean NOT NULL,
        consent_given_how text NOT NULL,
        consent_to_share_withdrawn_on date,
        nominated_destination text,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One registration per identity document: the exact-duplicate rule, enforced by the database too.
    await runner.query('CREATE UNIQUE INDEX worker_document ON worker (document_index)');
    await runner.query('CREATE INDEX worker_name_search ON worker USING gin (name_index)');
    await runner.query('CREATE INDEX worker_agency ON worker (agency_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE worker');
  }
}
