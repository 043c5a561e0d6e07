import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appliedUnderOldName } from '@corridor/persistence';

/**
 * Contracts (every version kept), their signing and verification steps, registrations at
 * destination and substitution flags; plus the replicas of job orders and matches that drafting
 * needs, kept from the recruitment events.
 *
 * Was CreateContracts1763900000300, the timestamp of AuditLog1763900000300 too (ADR 0012): a
 * database that applied it under that name is only re-recorded under this one.
 */
export class CreateContracts1763900000320 implements MigrationInterface {
  name = 'CreateContracts1763900000320';

  async up(runner: QueryRunner): Promise<void> {
    if (await appliedUnderOldName(runner, 'CreateContracts1763900000300')) return;
    await runner.query(`
      CREATE TABLE job_order_replica (
        id uuid PRIMARY KEY,
        origin text NOT NULL,
        destination text NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'approved', 'verified', 'rejected')),
        employer_name text NOT NULL,
        employer_registration_number text NOT NULL,
        workplace_province text NOT NULL,
        occupation_isco text NOT NULL,
        sector_isic text NOT NULL,
        wage_minor bigint NOT NULL,
        wage_currency text NOT NULL,
        wage_period text NOT NULL,
        hours_per_day int NOT NULL,
        contract_months int NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE worker_match_replica (
        journey_id uuid PRIMARY KEY,
        worker_id uuid NOT NULL,
        job_order_id uuid NOT NULL,
        agency_id text,
        origin text NOT NULL,
        destination text NOT NULL,
        matched_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE contract (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        worker_id uuid NOT NULL,
        job_order_id uuid NOT NULL,
        agency_id text,
        origin text NOT NULL,
        destination text NOT NULL,
        authored_by text NOT NULL,
        current_version int NOT NULL CHECK (current_version >= 1),
        signing_round int NOT NULL DEFAULT 1,
        status text NOT NULL CHECK (status IN ('draft', 'signed', 'partly-verified', 'verified')),
        open_flags int NOT NULL DEFAULT 0 CHECK (open_flags >= 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX contract_status ON contract (status, created_at)');
    await runner.query(`
      CREATE TABLE contract_version (
        contract_id uuid NOT NULL REFERENCES contract (id),
        version int NOT NULL,
        terms jsonb NOT NULL,
        clauses jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN ('draft', 'signed', 'partly-verified', 'verified')),
        amendment_reason text,
        created_by_country text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        verified_at timestamptz,
        superseded_at timestamptz,
        PRIMARY KEY (contract_id, version)
      )`);
    // Append-only: a rejection does not erase signatures, it starts a new round.
    await runner.query(`
      CREATE TABLE contract_step (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contract (id),
        version int NOT NULL,
        signing_round int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('signature', 'verification', 'rejection')),
        party text CHECK (party IN ('worker', 'employer')),
        side text CHECK (side IN ('origin', 'destination')),
        signed_on date,
        reason text,
        recorded_by_country text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX contract_step_contract ON contract_step (contract_id, version, signing_round)');
    await runner.query(`
      CREATE TABLE contract_registration (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contract (id),
        verified_version int NOT NULL,
        registered_on date NOT NULL,
        terms jsonb NOT NULL,
        recorded_by_country text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE substitution_flag (
        id uuid PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contract (id),
        journey_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('amendment', 'destination-registration')),
        verified_version int NOT NULL,
        compared_version int,
        registration_id uuid,
        changed_terms jsonb NOT NULL,
        blocks_departure boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        decision text,
        resolution_reason text,
        raised_by_country text NOT NULL,
        raised_at timestamptz NOT NULL,
        resolved_by text,
        resolved_at timestamptz
      )`);
    await runner.query('CREATE INDEX substitution_flag_contract ON substitution_flag (contract_id, status)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['substitution_flag', 'contract_registration', 'contract_step', 'contract_version', 'contract', 'worker_match_replica', 'job_order_replica']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
