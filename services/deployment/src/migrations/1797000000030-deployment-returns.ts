import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A happened return closes the deployment (status returned): which return, of what type, on which day. */
export class DeploymentReturns1797000000030 implements MigrationInterface {
  name = 'DeploymentReturns1797000000030';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deployment ADD COLUMN return_id text, ADD COLUMN return_type text, ADD COLUMN returned_on date');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deployment DROP COLUMN return_id, DROP COLUMN return_type, DROP COLUMN returned_on');
  }
}
