import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MatchStatus, WorkerMatch } from './worker-match.entity';

/** A worker on a job order's name list. */
export class MatchView {
  @ApiProperty({ format: 'uuid' })
  matchId: string;

  @ApiProperty({ format: 'uuid' })
  jobOrderId: string;

  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ type: String, nullable: true, description: 'The agency that matched the worker; null when the ministry did' })
  agencyId: string | null;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ enum: ['matched', 'orientation-completed'] })
  status: MatchStatus;

  @ApiProperty({ format: 'date-time' })
  matchedAt: string;

  @ApiPropertyOptional({ description: 'In the answer to a match only: whether person data went to the destination (consent to share)' })
  personDataShared?: boolean;
}

export function matchView(match: WorkerMatch): MatchView {
  return {
    matchId: match.id,
    jobOrderId: match.jobOrderId,
    workerId: match.workerId,
    journeyId: match.journeyId,
    agencyId: match.agencyId,
    destination: match.destination,
    status: match.status,
    matchedAt: match.matchedAt.toISOString(),
  };
}
