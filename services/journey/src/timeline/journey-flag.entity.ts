import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A flag on a journey as this node received it; open while resolved_at is null. */
@Entity({ name: 'journey_flag' })
export class JourneyFlag {
  /** The id the raising stage gave it (e.g. the fee breach id). */
  @PrimaryColumn({ name: 'flag_id', type: 'uuid' })
  flagId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  /** e.g. fee-breach */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'blocks_departure' })
  blocksDeparture: boolean;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'raised_by_event', type: 'uuid' })
  raisedByEvent: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason: string | null;
}
