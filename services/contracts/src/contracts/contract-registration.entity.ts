import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordedByOfficer } from '@corridor/persistence';
import type { ContractTerms } from './contract-terms';

/** The contract the destination authority found the worker working under. */
@Entity({ name: 'contract_registration' })
export class ContractRegistration extends RecordedByOfficer {
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
}
