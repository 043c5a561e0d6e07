import type { WorkerMatch } from './worker-match.entity';

export interface MatchView {
  matchId: string;
  jobOrderId: string;
  workerId: string;
  journeyId: string;
  agencyId: string | null;
  destination: string;
  status: string;
  matchedAt: string;
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
