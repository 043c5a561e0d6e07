import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordedByOfficer } from '@corridor/persistence';

/** A remittance the worker sent home: what statistics compute the cost of remitting from (SDG 10.c.1). Both ends hold it. */
@Entity({ name: 'remittance' })
export class Remittance extends RecordedByOfficer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'sent_on', type: 'date' })
  sentOn: string;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'fee_minor', type: 'bigint' })
  feeMinor: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ name: 'received_minor', type: 'bigint', nullable: true })
  receivedMinor: string | null;

  @Column({ name: 'received_currency', type: 'text', nullable: true })
  receivedCurrency: string | null;
}
