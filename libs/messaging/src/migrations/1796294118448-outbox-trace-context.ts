import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each event's causation id and traceparent next to its correlation id, so that
 * the relay writes them as record headers without decoding the envelope. Rows written before have
 * neither (empty): their records go without those headers.
 */
export class OutboxTraceContext1796294118448 implements MigrationInterface {
  name = 'OutboxTraceContext1796294118448';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE outbox ADD COLUMN causation_id text NOT NULL DEFAULT '', ADD COLUMN traceparent text NOT NULL DEFAULT ''`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox DROP COLUMN traceparent, DROP COLUMN causation_id');
  }
}
