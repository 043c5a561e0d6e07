import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A journey this node knows: registered here, on a corridor's name list, or opened for an irregular returnee. */
@Entity({ name: 'known_journey' })
export class KnownJourney {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'worker_id', type: 'text', nullable: true })
  workerId: string | null;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text', nullable: true })
  destination: string | null;

  @Column({ type: 'text' })
  sex: string;

  @Column({ name: 'birth_year', type: 'int', nullable: true })
  birthYear: number | null;

  /** The travel document's blind index (WorkerRegistered.document_index): no person data in clear. */
  @Column({ name: 'document_index', type: 'text', nullable: true })
  documentIndex: string | null;

  /** Opened by this service for a returnee the node never sent abroad. */
  @Column({ type: 'boolean', default: false })
  irregular: boolean;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
