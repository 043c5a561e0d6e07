import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus } from './reintegration-case.lifecycle';

export interface PlanGoalRecord {
  goalId: string;
  dimension: string;
  description: string;
  targetDate: string;
}

/** The reintegration case of one returnee, held by the origin only. */
@Entity({ name: 'reintegration_case' })
export class ReintegrationCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid', unique: true })
  journeyId: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  sex: string;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @Column({ name: 'plan_version', type: 'int', default: 0 })
  planVersion: number;

  @Column({ name: 'plan_goals', type: 'jsonb', default: () => "'[]'" })
  planGoals: PlanGoalRecord[];
}
