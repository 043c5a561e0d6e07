import { ApiProperty } from '@nestjs/swagger';
import type { CaseScore, FollowUp, Referral, ServiceDelivery } from './case-records.entity';
import type { ReintegrationCase } from './reintegration-case.entity';
import { REINTEGRATION_CASE } from './reintegration-case.lifecycle';

export class ScoreView {
  @ApiProperty({ enum: ['assessment', 'follow-up'] }) kind: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ example: '2026-1' }) weightsVersion: string;
  @ApiProperty({ type: Number, nullable: true }) economic: number | null;
  @ApiProperty({ type: Number, nullable: true }) social: number | null;
  @ApiProperty({ type: Number, nullable: true }) psychosocial: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null when a dimension had no answer' }) composite: number | null;
}

export class PlanGoalView {
  @ApiProperty() goalId: string;
  @ApiProperty() dimension: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) targetDate: string;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() serviceType: string;
  @ApiProperty() need: string;
  @ApiProperty({ enum: ['sent', 'accepted', 'declined', 'completed'] }) status: string;
  @ApiProperty({ format: 'date' }) sentOn: string;
  @ApiProperty({ format: 'date' }) statusChangedOn: string;
}

export class ServiceView {
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty({ type: String, nullable: true }) referralId: string | null;
  @ApiProperty() serviceType: string;
  @ApiProperty({ format: 'date' }) deliveredOn: string;
  @ApiProperty() description: string;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) heldOn: string | null;
}

/** A reintegration case with everything recorded on it. */
export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty({ format: 'uuid' }) returnId: string;
  @ApiProperty({ enum: REINTEGRATION_CASE.states }) status: string;
  @ApiProperty({ enum: REINTEGRATION_CASE.actions, isArray: true }) allowedActions: string[];
  @ApiProperty({ enum: ['female', 'male', 'other', 'unknown'] }) sex: string;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) closedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty() planVersion: number;
  @ApiProperty({ type: [PlanGoalView] }) planGoals: PlanGoalView[];
  @ApiProperty({ type: [ScoreView], description: 'Assessment and follow-up scores, oldest first' }) scores: ScoreView[];
  @ApiProperty({ type: [ReferralView] }) referrals: ReferralView[];
  @ApiProperty({ type: [ServiceView] }) services: ServiceView[];
  @ApiProperty({ type: [FollowUpView] }) followUps: FollowUpView[];
}

export class IndicatorView {
  @ApiProperty({ example: 'econ.income-sufficiency' }) code: string;
  @ApiProperty({ enum: ['economic', 'social', 'psychosocial'] }) dimension: string;
  @ApiProperty({ example: 'How well does your income cover your household needs?', description: 'The question in English (the console shows its own translation)' }) question: string;
  @ApiProperty({ type: [String], example: ['very-poor', 'poor', 'fair', 'good', 'very-good'], description: 'The answer codes on its scale, least sustainable first; "refused" and "unknown" are always accepted too' }) answers: string[];
}

/** The sustainability instrument the next assessment or follow-up is scored with (docs/sustainability-score.md). */
export class InstrumentView {
  @ApiProperty({ example: '2026-1' }) weightsVersion: string;
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
}

/** One line of a caseworker's work queue. */
export class WorkItemView {
  @ApiProperty({ enum: ['assessment-overdue', 'follow-up-due', 'referral-stuck'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) journeyId: string;
  @ApiProperty({ format: 'date', description: 'Since when it waits: the day the case opened, the follow-up was due, the referral last moved' }) since: string;
  @ApiProperty({ description: 'Days past the limit (0 = due today): the order of the queue, most overdue first' }) daysOverdue: number;
  @ApiProperty({ type: String, nullable: true, description: 'The follow-up or referral it is about' }) itemId: string | null;
}

export function caseView(c: ReintegrationCase, parts: { scores: CaseScore[]; referrals: Referral[]; services: ServiceDelivery[]; followUps: FollowUp[] }): CaseView {
  return {
    caseId: c.id,
    journeyId: c.journeyId,
    returnId: c.returnId,
    status: c.status,
    allowedActions: REINTEGRATION_CASE.allowedActions(c.status),
    sex: c.sex,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    closeReason: c.closeReason,
    planVersion: c.planVersion,
    planGoals: c.planGoals,
    scores: parts.scores.map((s) => ({ kind: s.kind, heldOn: s.heldOn, weightsVersion: s.weightsVersion, economic: s.economic, social: s.social, psychosocial: s.psychosocial, composite: s.composite })),
    referrals: parts.referrals.map((r) => ({ referralId: r.id, providerId: r.providerId, serviceType: r.serviceType, need: r.need, status: r.status, sentOn: r.sentOn, statusChangedOn: r.statusChangedOn })),
    services: parts.services.map((s) => ({ serviceId: s.id, referralId: s.referralId, serviceType: s.serviceType, deliveredOn: s.deliveredOn, description: s.description })),
    followUps: parts.followUps.map((f) => ({ followUpId: f.id, dueOn: f.dueOn, heldOn: f.heldOn })),
  };
}
