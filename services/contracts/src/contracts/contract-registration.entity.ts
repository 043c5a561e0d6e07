import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractTerms } from './contract-terms';

/** The contract the destination authority found the worker working under. */
@Entity({ name: 'contract_registration' })
export class ContractRegistration {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'verified_version', type: 'int' })
  verifiedVersion: number;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Column({ type: 'jsonb' })
  terms: ContractTerms;

  @Column({ name: 'recorded_by_country', type: 'text' })
  recordedByCountry: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
