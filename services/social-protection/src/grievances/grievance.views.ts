import { ApiProperty } from '@nestjs/swagger';
import { MoneyView } from '@corridor/http';
import { GRIEVANCE_LIFECYCLE, GRIEVANCE_STATUSES, type GrievanceAction } from '@corridor/state-machine';
import { GRIEVANCE_CATEGORIES } from '../shared/protection-policy';
import type { GrievanceStep } from './grievance-step.entity';
import { WORKER_REPORT_FILER } from '../worker-reports/worker-report.rules';
import type { Grievance } from './grievance.entity';

export class GrievanceStepView {
  @ApiProperty({ example: 'status-changed', enum: ['filed', 'assigned', 'status-changed', 'resolved', 'closed', 'overdue-flagged', 'escalated'] })
  action: string;

  @ApiProperty({ type: String, nullable: true, example: 'open' })
  fromStatus: string | null;

  @ApiProperty({ example: 'under-investigation' })
  toStatus: string;

  @ApiProperty({ format: 'date', example: '2026-12-02' })
  on: string;

  @ApiProperty({ type: String, nullable: true, description: 'The note of the step, if any' })
  note: string | null;

  @ApiProperty({ example: 'TH', description: 'The country whose officer (or node) took the step' })
  byCountry: string;

  @ApiProperty({ example: 'officer-th-7' })
  byOfficer: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class OverdueView {
  @ApiProperty({ format: 'uuid' })
  flagId: string;

  @ApiProperty({ format: 'date' })
  flaggedOn: string;
}

/** A grievance as both ends show it. */
export class GrievanceView {
  @ApiProperty({ format: 'uuid' })
  grievanceId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ example: 'TH', description: "The country whose queue handles it (the destination)" })
  handlingCountry: string;

  @ApiProperty({ enum: GRIEVANCE_CATEGORIES })
  category: string;

  @ApiProperty({ description: 'What happened (decrypted for the caller)' })
  description: string;

  @ApiProperty({ example: 'KH', description: 'The country whose officer filed it' })
  filedByCountry: string;

  @ApiProperty({ example: 'officer-kh-1' })
  filedBy: string;

  @ApiProperty({ description: 'Reported by the worker on the public portal: unverified, its journey id is its own until an officer links it' })
  reportedByWorker: boolean;

  @ApiProperty({ format: 'date' })
  filedOn: string;

  @ApiProperty({ format: 'date', description: "filedOn + the category's configured days" })
  deadlineOn: string;

  @ApiProperty({ enum: GRIEVANCE_STATUSES })
  status: string;

  @ApiProperty({ enum: GRIEVANCE_LIFECYCLE.actions, isArray: true, description: 'What the handling country may do next' })
  allowedActions: GrievanceAction[];

  @ApiProperty({ type: String, nullable: true })
  assignee: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'labour-court' })
  referredTo: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'upheld-paid' })
  outcome: string | null;

  @ApiProperty({ type: MoneyView, nullable: true })
  amountRecovered: MoneyView | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  resolvedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  closeReason: string | null;

  @ApiProperty({ type: OverdueView, nullable: true, description: 'Set once the overdue check flagged it' })
  overdue: OverdueView | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: "The day it went to the supervisors' queue" })
  escalatedOn: string | null;

  @ApiProperty({ type: GrievanceStepView, isArray: true, description: 'Every step, oldest first' })
  history: GrievanceStepView[];
}

export function grievanceView(g: Grievance, description: string, steps: GrievanceStepView[]): GrievanceView {
  return {
    grievanceId: g.id,
    journeyId: g.journeyId,
    origin: g.origin,
    destination: g.destination,
    handlingCountry: g.handlingCountry,
    category: g.category,
    description,
    filedByCountry: g.filedByCountry,
    filedBy: g.filedBy,
    reportedByWorker: g.filedBy === `system:${WORKER_REPORT_FILER}`,
    filedOn: g.filedOn,
    deadlineOn: g.deadlineOn,
    status: g.status,
    allowedActions: GRIEVANCE_LIFECYCLE.allowedActions(g.status),
    assignee: g.assignee,
    referredTo: g.referredTo,
    outcome: g.outcome,
    amountRecovered: g.recoveredCurrency !== null && g.recoveredMinor !== null ? { amountMinor: Number(g.recoveredMinor), currency: g.recoveredCurrency } : null,
    resolvedOn: g.resolvedOn,
    closedOn: g.closedOn,
    closeReason: g.closeReason,
    overdue: g.overdueFlagId && g.overdueOn ? { flagId: g.overdueFlagId, flaggedOn: g.overdueOn } : null,
    escalatedOn: g.escalatedOn,
    history: steps,
  };
}

export function stepView(s: GrievanceStep, note: string | null): GrievanceStepView {
  return { action: s.action, fromStatus: s.fromStatus, toStatus: s.toStatus, on: s.stepOn, note, byCountry: s.byCountry, byOfficer: s.byOfficer, recordedAt: s.recordedAt.toISOString() };
}
