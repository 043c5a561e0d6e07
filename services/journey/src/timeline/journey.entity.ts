import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What this node knows of a journey, enough to decide who may see it. */
@Entity({ name: 'journey' })
export class Journey {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text', nullable: true })
  destination: string | null;

  /** When the first event crossed to the destination; before it the destination sees nothing. */
  @Column({ name: 'shared_with_destination_at', type: 'timestamptz', nullable: true })
  sharedWithDestinationAt: Date | null;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
