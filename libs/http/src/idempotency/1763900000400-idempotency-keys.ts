import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answers given to requests sent with an Idempotency-Key, so that a retry gets the first
 * answer instead of running the command again. Every service with an HTTP API includes it.
 */
export class IdempotencyKeys1763900000400 implements MigrationInterface {
  name = 'IdempotencyKeys1763900000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_key (
        -- "<country>/<officer subject>": keys are scoped per caller, so nobody can read another's answers.
        actor text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        -- Method, path and body hash tell a retry from a different request reusing the key.
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
        response_status int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (actor, key),
        -- A completed key always has the answer to replay; an in-progress one has none yet.
        CHECK ((state = 'completed') = (response_status IS NOT NULL AND completed_at IS NOT NULL))
      )`);
    // Expired keys are purged by age.
    await runner.query('CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_key');
  }
}
