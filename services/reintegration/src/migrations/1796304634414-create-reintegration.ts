import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reintegration stage of one node: the journeys it knows (replica of recruitment events),
 * returns, mass-return uploads and their rows, reintegration cases with their assessments, plans,
 * referrals, services and follow-ups, and the registry of service providers.
 */
export class CreateReintegration1796304634414 implements MigrationInterface {
  name = 'CreateReintegration1796304634414';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_journey (
        journey_id uuid PRIMARY KEY,
        worker_id text,
        origin text NOT NULL,
        destination text,
        sex text NOT NULL,
        birth_year int,
        document_index text,
        irregular boolean NOT NULL DEFAULT false,
        registered_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX known_journey_document ON known_journey (document_index, registered_at DESC) WHERE document_index IS NOT NULL');
    await runner.query(`
      CREATE TABLE return_record (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        status text NOT NULL,
        type text NOT NULL,
        return_date date NOT NULL,
        checkpoint text NOT NULL,
        recorded_by_side text NOT NULL,
        origin text NOT NULL,
        destination text,
        returned_from text NOT NULL,
        sex text NOT NULL,
        reason text NOT NULL DEFAULT '',
        batch_id uuid,
        row_key text UNIQUE,
        authored_by text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE mass_return_batch (
        id uuid PRIMARY KEY,
        file_hash text NOT NULL UNIQUE,
        format text NOT NULL,
        checkpoint text NOT NULL,
        return_date date NOT NULL,
        status text NOT NULL,
        total int NOT NULL,
        processed int NOT NULL DEFAULT 0,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE mass_return_row (
        batch_id uuid NOT NULL REFERENCES mass_return_batch(id),
        row_number int NOT NULL,
        outcome text NOT NULL,
        reason text,
        row_key text,
        document_index text,
        sex text,
        birth_year int,
        returned_from text,
        return_type text,
        journey_id uuid,
        PRIMARY KEY (batch_id, row_number)
      )`);
    await runner.query("CREATE INDEX mass_return_row_pending ON mass_return_row (batch_id, row_number) WHERE outcome = 'pending'");
    await runner.query(`
      CREATE TABLE reintegration_case (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        return_id uuid NOT NULL,
        origin text NOT NULL,
        sex text NOT NULL,
        status text NOT NULL,
        opened_on date NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_on date,
        close_reason text,
        plan_version int NOT NULL DEFAULT 0,
        plan_goals jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query('CREATE INDEX reintegration_case_opened ON reintegration_case (opened_at DESC, id DESC)');
    await runner.query(`
      CREATE TABLE case_score (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES reintegration_case(id),
        kind text NOT NULL,
        follow_up_id uuid,
        held_on date NOT NULL,
        answers jsonb NOT NULL,
        weights_version text NOT NULL,
        economic double precision,
        social double precision,
        psychosocial double precision,
        composite double precision,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES reintegration_case(id),
        due_on date NOT NULL,
        held_on date
      )`);
    await runner.query(`
      CREATE TABLE service_provider (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        service_type text NOT NULL,
        province text NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES reintegration_case(id),
        provider_id uuid NOT NULL REFERENCES service_provider(id),
        service_type text NOT NULL,
        need text NOT NULL,
        status text NOT NULL,
        sent_on date NOT NULL,
        status_changed_on date NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE service_delivery (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES reintegration_case(id),
        referral_id uuid REFERENCES referral(id),
        service_type text NOT NULL,
        delivered_on date NOT NULL,
        description text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['service_delivery', 'referral', 'service_provider', 'follow_up', 'case_score', 'reintegration_case', 'mass_return_row', 'mass_return_batch', 'return_record', 'known_journey']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
