import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The signed audit heads corridor partners publish (ADR 0020); append-only like the audit log. */
export class PartnerAuditHeads1796400000310 implements MigrationInterface {
  name = 'PartnerAuditHeads1796400000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner_audit_head (
        country text NOT NULL,
        service text NOT NULL,
        seq bigint NOT NULL CHECK (seq > 0),
        hash char(64) NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature bytea NOT NULL,
        signature_valid boolean NOT NULL,
        event_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (country, service, seq)
      )`);
    await runner.query(`
      CREATE FUNCTION partner_audit_head_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'partner_audit_head is append-only: % refused', TG_OP;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER partner_audit_head_append_only BEFORE UPDATE OR DELETE ON partner_audit_head
      FOR EACH ROW EXECUTE FUNCTION partner_audit_head_refuse_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partner_audit_head');
    await runner.query('DROP FUNCTION partner_audit_head_refuse_change()');
  }
}
