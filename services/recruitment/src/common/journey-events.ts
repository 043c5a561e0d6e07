import type { EventCorridor } from '@corridor/events';
import type { Worker } from '../workers/worker.entity';

/**
 * Where a journey event of the recruitment stage goes: once the worker is on a destination's
 * name list (nominated or matched), along the corridor, so that the destination sees it too;
 * before that, it stays in the country (buildEvent picks the topic from this).
 */
export function journeyCorridor(origin: string, worker: Pick<Worker, 'nominatedDestination'>): EventCorridor {
  return { origin, destination: worker.nominatedDestination ?? undefined };
}
