import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grievances a worker filed on the public portal: reference and secret hash (ADR 0028). */
export class CreateWorkerReport1797100000000 implements MigrationInterface {
  name = 'CreateWorkerReport1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE worker_report (
        reference text PRIMARY KEY,
        grievance_id uuid NOT NULL UNIQUE REFERENCES grievance(id),
        secret_hash text NOT NULL,
        filed_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE worker_report');
  }
}
