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
  @ApiProperty({ example: 42 })
  seq: number;

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

  @ApiProperty({ description: 'sha256 of prevHash and the canonical JSON of this row' })
  hash: string;

  @ApiProperty()
  prevHash: string;
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

  @ApiProperty({ enum: ['hash-mismatch', 'broken-link', 'missing-rows'] })
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

export class AuditVerifyView implements AuditChainReport {
  @ApiProperty({ description: 'Rows read' })
  rows: number;

  @ApiProperty({ description: 'No problems found' })
  intact: boolean;

  @ApiProperty({ type: [AuditChainProblemView] })
  problems: AuditChainProblemView[];

  @ApiProperty({ type: AuditChainHeadView, nullable: true, description: 'Keep it elsewhere: the chain cannot show rows cut off its end' })
  head: AuditChainHeadView | null;
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return {
    seq: Number(entry.seq),
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
