import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractStatus } from './contract-state';
import type { ContractClause, ContractTerms } from './contract-terms';

/** Every version of a contract is kept; an amendment adds one. */
@Entity({ name: 'contract_version' })
export class ContractVersion {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  terms: ContractTerms;

  @Column({ type: 'jsonb' })
  clauses: ContractClause[];

  @Column({ type: 'text' })
  status: ContractStatus;

  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason: string | null;

  @Column({ name: 'created_by_country', type: 'text' })
  createdByCountry: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}
