import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One stage change of a journey as this node received it. */
@Entity({ name: 'timeline_entry' })
@Index('timeline_by_journey', ['journeyId', 'occurredAt'])
export class TimelineEntry {
  /** The event id (UUIDv7): unique, and ordered by creation time. */
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_by_country', type: 'text' })
  recordedByCountry: string;

  @Column({ name: 'recorded_by_agency', type: 'text', nullable: true })
  recordedByAgency: string | null;

  @Column({ name: 'recorded_by_officer', type: 'text', nullable: true })
  recordedByOfficer: string | null;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'jsonb' })
  details: object;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
