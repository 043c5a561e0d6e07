import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordedByOfficer } from '@corridor/persistence';
import type { ContractSideName, SigningParty } from './contract-state';

export type ContractStepKind = 'signature' | 'verification' | 'rejection';

/** A signature, verification or rejection; its id is the id of the event that announced it. */
@Entity({ name: 'contract_step' })
export class ContractStep extends RecordedByOfficer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'signing_round', type: 'int' })
  signingRound: number;

  @Column({ type: 'text' })
  kind: ContractStepKind;

  @Column({ type: 'text', nullable: true })
  party: SigningParty | null;

  @Column({ type: 'text', nullable: true })
  side: ContractSideName | null;

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
