import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WelfareCaseStatus } from '@corridor/state-machine';

/** A welfare or health case of a worker abroad, kept by both ends; its summary may hold person data (encrypted). */
@Entity({ name: 'welfare_case' })
export class WelfareCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  status: WelfareCaseStatus;

  @Column({ name: 'summary_enc', type: 'text' })
  summaryEnc: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'referred_to', type: 'text', nullable: true })
  referredTo: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'opened_by_country', type: 'text' })
  openedByCountry: string;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
