import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a grievance's history (filed, assigned, status changed, resolved, closed, flagged, escalated), on both ends. */
@Entity({ name: 'grievance_step' })
export class GrievanceStep {
  /** The id of the event that recorded the step: a redelivered event finds its step. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'grievance_id', type: 'uuid' })
  grievanceId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ name: 'step_on', type: 'date' })
  stepOn: string;

  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc: string | null;

  @Column({ name: 'by_country', type: 'text' })
  byCountry: string;

  @Column({ name: 'by_officer', type: 'text' })
  byOfficer: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
