import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionStatus = 'scheduled' | 'completed' | 'cancelled';

/** A pre-departure orientation session held by the ministry or a licensed agency. */
@Entity({ name: 'orientation_session' })
export class OrientationSession {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'text', array: true })
  topics: string[];

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  status: SessionStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
