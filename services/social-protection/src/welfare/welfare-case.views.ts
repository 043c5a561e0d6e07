import { ApiProperty } from '@nestjs/swagger';
import { WELFARE_CASE_LIFECYCLE, WELFARE_CASE_STATUSES, type WelfareCaseAction } from '@corridor/state-machine';
import { WELFARE_KINDS } from '../shared/wire';
import type { WelfareCase } from './welfare-case.entity';

export class WelfareNoteView {
  @ApiProperty({ format: 'uuid' })
  noteId: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date' })
  notedOn: string;

  @ApiProperty({ example: 'TH' })
  byCountry: string;

  @ApiProperty({ example: 'officer-th-2' })
  byOfficer: string;
}

export class WelfareCaseView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ enum: WELFARE_KINDS })
  kind: string;

  @ApiProperty({ enum: WELFARE_CASE_STATUSES })
  status: string;

  @ApiProperty({ enum: WELFARE_CASE_LIFECYCLE.actions, isArray: true })
  allowedActions: WelfareCaseAction[];

  @ApiProperty({ description: 'Decrypted for the caller' })
  summary: string;

  @ApiProperty({ format: 'date' })
  openedOn: string;

  @ApiProperty({ type: String, nullable: true, example: 'hospital' })
  referredTo: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'resolved' })
  outcome: string | null;

  @ApiProperty({ example: 'TH' })
  openedByCountry: string;

  @ApiProperty({ type: WelfareNoteView, isArray: true, description: 'Oldest first' })
  notes: WelfareNoteView[];
}

export function welfareCaseView(c: WelfareCase, summary: string, notes: WelfareNoteView[]): WelfareCaseView {
  return {
    caseId: c.id,
    journeyId: c.journeyId,
    origin: c.origin,
    destination: c.destination,
    kind: c.kind,
    status: c.status,
    allowedActions: WELFARE_CASE_LIFECYCLE.allowedActions(c.status),
    summary,
    openedOn: c.openedOn,
    referredTo: c.referredTo,
    closedOn: c.closedOn,
    outcome: c.outcome,
    openedByCountry: c.openedByCountry,
    notes,
  };
}
