import type { ResourceOwner } from '@corridor/auth';
import type { Worker } from './worker.entity';

/**
 * Who owns a worker record for the access model: the origin country that registered them (this
 * node), and the agency that did, if any. Person data never reaches the destination through
 * worker routes, only sealed in corridor events.
 */
export function ownerOfWorker(worker: Pick<Worker, 'agencyId'>, nodeCountry: string): ResourceOwner {
  return { origin: nodeCountry, agencyId: worker.agencyId ?? null };
}
