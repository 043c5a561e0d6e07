import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log; every service that audits includes this migration.
 *
 * The trigger refuses UPDATE, DELETE and TRUNCATE. It is a guard against mistakes (a stray
 * migration, an ORM `save` on the wrong entity, a hand-typed statement), not a security boundary:
 * anyone who owns the table or is superuser can disable it or set `session_replication_role =
 * replica`. The evidence is the hash chain, which `verifyAuditChain` checks.
 */
export class AuditLog1763900000300 implements MigrationInterface {
  name = 'AuditLog1763900000300';

  async up(runner: QueryRunner): Promise<void> {
    // seq is a plain bigint, not a sequence: a sequence leaves gaps on rollback, and here a gap
    // has to mean a deleted row. AuditTrail assigns seq = last + 1 under an advisory lock.
    await runner.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        recorded_at timestamptz NOT NULL,
        actor_country text NOT NULL,
        actor_agency text,
        actor_officer text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        reason text NOT NULL CHECK (reason <> ''),
        details jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT audit_log_hash_unique UNIQUE (hash)
      )`);
    // The filters of GET /api/v1/audit, each newest first.
    await runner.query('CREATE INDEX audit_log_by_officer ON audit_log (actor_officer, seq)');
    await runner.query('CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id, seq)');
    await runner.query('CREATE INDEX audit_log_by_time ON audit_log (recorded_at)');
    await runner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING HINT = 'audit rows are never changed or deleted; record a new entry instead';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await runner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // Reverting a migration must not be a way to delete audit evidence.
    const [{ rows }] = (await runner.query('SELECT count(*)::int AS rows FROM audit_log')) as { rows: number }[];
    if (rows > 0) throw new Error(`audit_log holds ${rows} entries; it is not dropped by a migration revert`);
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
