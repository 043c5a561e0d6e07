import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A substitution flag may now come from an employer change at destination (deployment's EmployerChanged). */
export class SubstitutionSourceEmployerChange1797000000020 implements MigrationInterface {
  name = 'SubstitutionSourceEmployerChange1797000000020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE substitution_flag DROP CONSTRAINT substitution_flag_source_check');
    await runner.query(`ALTER TABLE substitution_flag ADD CONSTRAINT substitution_flag_source_check CHECK (source IN ('amendment', 'destination-registration', 'employer-change'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE substitution_flag DROP CONSTRAINT substitution_flag_source_check');
    await runner.query(`ALTER TABLE substitution_flag ADD CONSTRAINT substitution_flag_source_check CHECK (source IN ('amendment', 'destination-registration'))`);
  }
}
