import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refused access attempts, aggregated per minute: one row per (minute, who, what, why) with a
 * count, so a flood of refusals adds rows at the rate of distinct attempts, not of requests.
 */
export class AccessRefusals1763900000310 implements MigrationInterface {
  name = 'AccessRefusals1763900000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE access_refusal (
        id bigserial PRIMARY KEY,
        window_start timestamptz NOT NULL,
        actor_officer text NOT NULL,
        actor_country text NOT NULL DEFAULT '',
        actor_agency text NOT NULL DEFAULT '',
        operation text NOT NULL,
        target_type text NOT NULL DEFAULT '',
        target_id text NOT NULL DEFAULT '',
        reason text NOT NULL,
        status smallint NOT NULL,
        source_ip text NOT NULL DEFAULT '',
        attempts integer NOT NULL CHECK (attempts > 0),
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        UNIQUE (window_start, actor_officer, actor_country, actor_agency, operation, target_type, target_id, reason, status, source_ip)
      )`);
    await runner.query('CREATE INDEX access_refusal_by_time ON access_refusal (window_start DESC)');
    await runner.query('CREATE INDEX access_refusal_by_officer ON access_refusal (actor_officer, window_start DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE access_refusal');
  }
}
