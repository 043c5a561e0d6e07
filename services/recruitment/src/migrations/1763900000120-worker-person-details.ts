import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of a worker's registration: phone and home address (person data, encrypted like the
 * names: `*_enc` text, AES-256-GCM with row id + column as authenticated data), skills, education,
 * the date consent was given, and the blind index behind the likely-duplicate warning.
 *
 * All nullable: rows registered before this migration have none of it. Their identity_index can
 * only be filled by the application (it needs the node's index key and the decrypted name), so
 * until then they are not compared for likely duplicates.
 */
export class WorkerPersonDetails1763900000120 implements MigrationInterface {
  name = 'WorkerPersonDetails1763900000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE worker
        ADD COLUMN phone_enc text,
        ADD COLUMN home_address_enc text,
        ADD COLUMN skills text[],
        ADD COLUMN education text CHECK (education IN ('none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'tertiary')),
        ADD COLUMN consent_given_on date,
        ADD COLUMN identity_index text`);
    // Not unique: two people may share a name and a birth date; a match is only a warning.
    await runner.query('CREATE INDEX worker_identity ON worker (identity_index)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX worker_identity');
    await runner.query(`
      ALTER TABLE worker
        DROP COLUMN identity_index,
        DROP COLUMN consent_given_on,
        DROP COLUMN education,
        DROP COLUMN skills,
        DROP COLUMN home_address_enc,
        DROP COLUMN phone_enc`);
  }
}
