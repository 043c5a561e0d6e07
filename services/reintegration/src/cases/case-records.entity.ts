// One file for the small rows of a case (scores, follow-ups, referrals, services): each is a
// plain record of one step, written only by case-steps.usecase.ts.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoredAnswer } from '../scoring/sustainability-instrument';

/** A needs assessment or a held follow-up, scored with the weight table it names. */
@Entity({ name: 'case_score' })
export class CaseScore {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  /** assessment | follow-up */
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'follow_up_id', type: 'uuid', nullable: true }) followUpId: string | null;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'jsonb' }) answers: ScoredAnswer[];
  @Column({ name: 'weights_version', type: 'text' }) weightsVersion: string;
  @Column({ type: 'double precision', nullable: true }) economic: number | null;
  @Column({ type: 'double precision', nullable: true }) social: number | null;
  @Column({ type: 'double precision', nullable: true }) psychosocial: number | null;
  @Column({ type: 'double precision', nullable: true }) composite: number | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

@Entity({ name: 'follow_up' })
export class FollowUp {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ name: 'held_on', type: 'date', nullable: true }) heldOn: string | null;
}

@Entity({ name: 'referral' })
export class Referral {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId: string;
  @Column({ name: 'service_type', type: 'text' }) serviceType: string;
  @Column({ type: 'text' }) need: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'sent_on', type: 'date' }) sentOn: string;
  @Column({ name: 'status_changed_on', type: 'date' }) statusChangedOn: string;
}

@Entity({ name: 'service_delivery' })
export class ServiceDelivery {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId: string | null;
  @Column({ name: 'service_type', type: 'text' }) serviceType: string;
  @Column({ name: 'delivered_on', type: 'date' }) deliveredOn: string;
  @Column({ type: 'text' }) description: string;
}
