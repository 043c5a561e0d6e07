import { ApiProperty } from '@nestjs/swagger';
import type { StageCaseColumns } from './stage-case.columns';

/** A stage case as every API answer shows it; a stage's view extends it (its OpenAPI schema keeps the stage's name). */
export class StageCaseView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ type: String, nullable: true, description: 'The agency that opened it; null when the ministry did' })
  agencyId: string | null;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  openedOn: string;

  @ApiProperty()
  note: string;

  @ApiProperty({ example: 'KH', description: 'The node that opened the case; the other end holds a replica' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;
}

export function stageCaseView(record: StageCaseColumns): StageCaseView {
  return {
    caseId: record.id,
    journeyId: record.journeyId,
    origin: record.origin,
    destination: record.destination,
    agencyId: record.agencyId,
    openedOn: record.openedOn,
    note: record.note,
    recordedBy: record.authoredBy,
    openedAt: record.openedAt.toISOString(),
  };
}
