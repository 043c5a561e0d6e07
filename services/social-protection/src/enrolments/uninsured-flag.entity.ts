import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A worker found without health insurance N days after arrival. One per journey (unique), so the check raises it once. */
@Entity({ name: 'uninsured_flag' })
export class UninsuredFlag {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid', unique: true })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'arrived_on', type: 'date' })
  arrivedOn: string;

  @Column({ name: 'days_allowed', type: 'int' })
  daysAllowed: number;

  @Column({ name: 'flagged_on', type: 'date' })
  flaggedOn: string;

  @Column({ name: 'cleared_on', type: 'date', nullable: true })
  clearedOn: string | null;

  @Column({ name: 'cleared_by_enrolment', type: 'uuid', nullable: true })
  clearedByEnrolment: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
