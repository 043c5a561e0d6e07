import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, job orders (own and replicated), matches, orientation and fees of the recruitment stage. */
export class CreateRecruitmentStage1763900000110 implements MigrationInterface {
  name = 'CreateRecruitmentStage1763900000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        licence_number text NOT NULL UNIQUE,
        licence_valid_from date NOT NULL,
        licence_valid_to date NOT NULL CHECK (licence_valid_to >= licence_valid_from),
        status text NOT NULL CHECK (status IN ('licensed', 'suspended', 'revoked')),
        status_reason text,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE job_order (
        id uuid PRIMARY KEY,
        origin text NOT NULL,
        destination text NOT NULL,
        authored_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'approved', 'verified', 'rejected', 'filled')),
        employer_name text NOT NULL,
        employer_registration_number text NOT NULL,
        workplace_province text NOT NULL,
        occupation_isco text NOT NULL,
        sector_isic text NOT NULL,
        workers_requested int NOT NULL CHECK (workers_requested > 0),
        workers_matched int NOT NULL DEFAULT 0 CHECK (workers_matched >= 0),
        wage_minor bigint NOT NULL CHECK (wage_minor > 0),
        wage_currency text NOT NULL,
        wage_period text NOT NULL,
        hours_per_day int NOT NULL,
        contract_months int NOT NULL,
        benefits text[] NOT NULL DEFAULT '{}',
        rejection_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX job_order_status ON job_order (status, created_at)');
    await runner.query(`
      CREATE TABLE worker_match (
        id uuid PRIMARY KEY,
        job_order_id uuid NOT NULL REFERENCES job_order (id),
        worker_id uuid NOT NULL UNIQUE REFERENCES worker (id),
        journey_id uuid NOT NULL,
        agency_id text,
        destination text NOT NULL,
        status text NOT NULL CHECK (status IN ('matched', 'orientation-completed')),
        matched_by text NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX worker_match_job_order ON worker_match (job_order_id)');
    // The other end's matches, as received: counted per job order whatever order the events come
    // in (WorkerMatched is keyed by journey, job-order events by job order: different partitions).
    await runner.query(`
      CREATE TABLE replicated_match (
        journey_id uuid PRIMARY KEY,
        job_order_id uuid NOT NULL,
        worker_id uuid NOT NULL,
        matched_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX replicated_match_job_order ON replicated_match (job_order_id)');
    await runner.query(`
      CREATE TABLE orientation_session (
        id uuid PRIMARY KEY,
        held_on date NOT NULL,
        place text NOT NULL,
        topics text[] NOT NULL,
        agency_id text,
        status text NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE orientation_attendance (
        session_id uuid NOT NULL REFERENCES orientation_session (id),
        worker_id uuid NOT NULL REFERENCES worker (id),
        journey_id uuid NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, worker_id)
      )`);
    await runner.query(`
      CREATE TABLE fee_payment (
        id uuid PRIMARY KEY,
        worker_id uuid NOT NULL REFERENCES worker (id),
        journey_id uuid NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency text NOT NULL,
        purpose text NOT NULL,
        payee_agency_id text,
        payee_name text,
        paid_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX fee_payment_worker ON fee_payment (worker_id)');
    await runner.query(`
      CREATE TABLE fee_breach (
        id uuid PRIMARY KEY,
        worker_id uuid NOT NULL REFERENCES worker (id),
        journey_id uuid NOT NULL,
        fee_id uuid NOT NULL REFERENCES fee_payment (id),
        agency_id text,
        corridor text NOT NULL,
        cap_minor bigint NOT NULL,
        cap_currency text NOT NULL,
        paid_total_minor bigint NOT NULL,
        excess_minor bigint NOT NULL,
        currency text NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved-by-refund', 'resolved-by-decision')),
        resolution_reason text,
        raised_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    // At most one open breach per journey: later fees add to it rather than stacking flags.
    await runner.query(`CREATE UNIQUE INDEX fee_breach_open ON fee_breach (journey_id) WHERE status = 'open'`);
    await runner.query(`
      CREATE TABLE fee_refund (
        id uuid PRIMARY KEY,
        breach_id uuid NOT NULL REFERENCES fee_breach (id),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency text NOT NULL,
        refunded_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['fee_refund', 'fee_breach', 'fee_payment', 'orientation_attendance', 'orientation_session', 'replicated_match', 'worker_match', 'job_order', 'agency']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
