import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The deployment of each journey (both nodes), and what exit clearance needs to know (origin). */
export class CreateDeployments1797000000010 implements MigrationInterface {
  name = 'CreateDeployments1797000000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE clearance_readiness (
      journey_id uuid PRIMARY KEY,
      worker_id text NOT NULL DEFAULT '',
      destination text NOT NULL DEFAULT '',
      contract_id text,
      contract_verified boolean NOT NULL DEFAULT false,
      verified_terms jsonb,
      orientation_completed boolean NOT NULL DEFAULT false,
      open_fee_breaches jsonb NOT NULL DEFAULT '[]',
      open_substitution_flags jsonb NOT NULL DEFAULT '[]',
      insurance_covered_to date,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE deployment (
      journey_id uuid PRIMARY KEY,
      worker_id text NOT NULL,
      origin text NOT NULL,
      destination text NOT NULL,
      status text NOT NULL,
      clearance_id uuid NOT NULL UNIQUE,
      clearance_number text NOT NULL UNIQUE,
      document_digest text NOT NULL,
      contract_id text NOT NULL,
      employer_name text NOT NULL,
      verified_terms jsonb,
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      revoked_reason text,
      person_data text,
      document_number_index text,
      departed_on date,
      means text,
      planned_checkpoint text,
      arrival_due_by date,
      checkpoint text,
      crossed_on date,
      arrived_on date,
      permit jsonb,
      permit_expires_on date,
      flags jsonb NOT NULL DEFAULT '[]',
      authored_by text NOT NULL,
      cleared_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX deployment_status ON deployment (status, cleared_at)');
    await runner.query('CREATE INDEX deployment_document ON deployment (document_number_index)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE deployment; DROP TABLE clearance_readiness');
  }
}
