import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each side's verification of the contract's current version and round, as the events told them:
 * two verifications at about the same time each say "not fully verified" (neither side had seen
 * the other's), so readiness takes the two together.
 */
export class ContractVerificationsBySide1797100000001 implements MigrationInterface {
  name = 'ContractVerificationsBySide1797100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE clearance_readiness ADD COLUMN contract_verifications jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE clearance_readiness DROP COLUMN contract_verifications');
  }
}
