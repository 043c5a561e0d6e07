import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social-protection stage: scheme enrolments and uninsured flags, grievances and their steps,
 * welfare cases and notes, remittances. Free text that may hold person data is stored encrypted
 * (*_enc columns, ADR 0005). One uninsured flag per journey and one overdue flag per grievance,
 * so a scheduled check raises each once however often and on however many instances it runs.
 */
export class CreateSocialProtection1796304805182 implements MigrationInterface {
  name = 'CreateSocialProtection1796304805182';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scheme_enrolment (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL,
        origin text NOT NULL,
        destination text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('health-insurance', 'social-security', 'work-injury')),
        scheme_code text NOT NULL,
        member_number_enc text NOT NULL,
        coverage_from date NOT NULL,
        coverage_until date,
        recorded_by_country text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX scheme_enrolment_journey ON scheme_enrolment (journey_id)');
    await runner.query(`
      CREATE TABLE uninsured_flag (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        origin text NOT NULL,
        destination text NOT NULL,
        arrived_on date NOT NULL,
        days_allowed int NOT NULL,
        flagged_on date NOT NULL,
        cleared_on date,
        cleared_by_enrolment uuid,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE grievance (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL,
        origin text NOT NULL,
        destination text NOT NULL,
        handling_country text NOT NULL,
        category text NOT NULL,
        description_enc text NOT NULL,
        filed_by_country text NOT NULL,
        filed_by text NOT NULL,
        filed_on date NOT NULL,
        deadline_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'under-investigation', 'referred', 'resolved', 'closed')),
        assignee text,
        referred_to text,
        outcome text,
        recovered_minor bigint,
        recovered_currency text,
        resolved_on date,
        closed_on date,
        close_reason text,
        overdue_flag_id uuid,
        overdue_on date,
        escalated_on date,
        filed_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX grievance_journey ON grievance (journey_id)');
    await runner.query('CREATE INDEX grievance_pending_deadline ON grievance (handling_country, deadline_on) WHERE status IN (\'open\', \'under-investigation\', \'referred\')');
    await runner.query(`
      CREATE TABLE grievance_step (
        id uuid PRIMARY KEY,
        grievance_id uuid NOT NULL REFERENCES grievance (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        step_on date NOT NULL,
        note_enc text,
        by_country text NOT NULL,
        by_officer text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX grievance_step_grievance ON grievance_step (grievance_id, recorded_at)');
    await runner.query(`
      CREATE TABLE welfare_case (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL,
        origin text NOT NULL,
        destination text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('welfare', 'health')),
        status text NOT NULL CHECK (status IN ('open', 'referred', 'closed')),
        summary_enc text NOT NULL,
        opened_on date NOT NULL,
        referred_to text,
        closed_on date,
        outcome text,
        opened_by_country text NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX welfare_case_journey ON welfare_case (journey_id)');
    await runner.query(`
      CREATE TABLE welfare_note (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES welfare_case (id),
        text_enc text NOT NULL,
        noted_on date NOT NULL,
        by_country text NOT NULL,
        by_officer text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE remittance (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL,
        origin text NOT NULL,
        destination text NOT NULL,
        sent_on date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency text NOT NULL,
        fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
        channel text NOT NULL CHECK (channel IN ('bank', 'mobile-money', 'agent', 'informal')),
        received_minor bigint,
        received_currency text,
        recorded_by_country text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX remittance_journey ON remittance (journey_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['remittance', 'welfare_note', 'welfare_case', 'grievance_step', 'grievance', 'uninsured_flag', 'scheme_enrolment']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
