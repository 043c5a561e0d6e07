import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The table of flags raised by scheduled checks (libs/scheduler), one row per (check, subject, period). */
export class ScheduledFlags1797000000000 implements MigrationInterface {
  name = 'ScheduledFlags1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE IF NOT EXISTS scheduled_flag (
      check_name text NOT NULL,
      subject text NOT NULL,
      period text NOT NULL,
      flag_id text NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (check_name, subject, period)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE scheduled_flag');
  }
}
