import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditChainProblemKind, AuditChainReport } from './verify-audit-chain';

/** Response shapes of the audit API, as classes so that OpenAPI can describe them. */
export class AuditActorView {
  @ApiProperty({ example: 'KH' })
  country: string;

  @ApiProperty({ type: String, nullable: true, example: 'A-1' })
  agencyId: string | null;

  @ApiProperty({ example: 'officer-kh-1' })
  officerId: string;
}

export class AuditTargetView {
  @ApiProperty({ example: 'worker' })
  type: string;

  @ApiProperty({ example: '0193a6c2-…' })
  id: string;
}

export class AuditEntryView {
  @ApiProperty({ example: 57, description: 'Insertion order (gaps are rolled-back inserts); the paging cursor' })
  entryId: number;

  @ApiProperty({ type: Number, nullable: true, example: 42, description: 'Position in the hash chain; null until the sequencer sealed the entry (within the maximum merge delay, ADR 0020)' })
  seq: number | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  recordedAt: string;

  @ApiProperty({ type: AuditActorView })
  actor: AuditActorView;

  @ApiProperty({ example: 'worker.read' })
  action: string;

  @ApiProperty({ type: AuditTargetView })
  target: AuditTargetView;

  @ApiProperty({ example: 'pre-departure check' })
  reason: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details: unknown;

  @ApiProperty({ type: String, nullable: true, description: 'sha256 of prevHash and the canonical JSON of this row; null until sealed' })
  hash: string | null;

  @ApiProperty({ type: String, nullable: true })
  prevHash: string | null;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView], description: 'Newest first' })
  entries: AuditEntryView[];

  @ApiProperty({ type: Number, nullable: true, description: 'Pass as cursor for the next (older) page; null on the last page' })
  nextCursor: number | null;
}

export class AuditChainProblemView {
  @ApiProperty({ example: 42 })
  seq: number;

  @ApiProperty({ enum: ['hash-mismatch', 'broken-link', 'missing-rows', 'unsealed-overdue'] })
  problem: AuditChainProblemKind;

  @ApiProperty({ example: 'row changed after it was written' })
  detail: string;
}

export class AuditChainHeadView {
  @ApiProperty()
  seq: number;

  @ApiProperty()
  hash: string;
}

export class AuditUnsealedView {
  @ApiProperty({ description: 'Entries recorded, not sealed yet' })
  count: number;

  @ApiProperty({ description: 'Of them, recorded longer ago than the maximum merge delay' })
  overdue: number;
}

export class AuditVerifyView implements AuditChainReport {
  @ApiProperty({ description: 'Rows read' })
  rows: number;

  @ApiProperty({ description: 'No problems found' })
  intact: boolean;

  @ApiProperty({ type: [AuditChainProblemView] })
  problems: AuditChainProblemView[];

  @ApiProperty({ type: AuditChainHeadView, nullable: true, description: 'Keep it elsewhere: the chain cannot show rows cut off its end' })
  head: AuditChainHeadView | null;

  @ApiProperty({ type: AuditUnsealedView })
  unsealed: AuditUnsealedView;
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    entryId: Number(entry.entryId),
    seq: entry.seq === null ? null : Number(entry.seq),
    recordedAt: entry.recordedAt.toISOString(),
    actor: { country: entry.actorCountry, agencyId: entry.actorAgency, officerId: entry.actorOfficer },
    action: entry.action,
    target: { type: entry.targetType, id: entry.targetId },
    reason: entry.reason,
    details: entry.details,
    hash: entry.hash,
    prevHash: entry.prevHash,
  };
}
