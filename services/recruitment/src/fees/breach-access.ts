import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { isMinistry, ownAgencyOf } from '../common/roles';
import { FeeBreach } from './fee-breach.entity';

/** The ministry sees every breach of the node; an agency only those of its own workers. */
export async function findBreachFor(manager: EntityManager, officer: Officer, breachId: string, lock = false): Promise<FeeBreach> {
  const breach = await manager.findOne(FeeBreach, { where: { id: breachId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!breach || (!isMinistry(officer) && breach.agencyId !== ownAgencyOf(officer))) throw new NotFoundProblem('fee breach', breachId);
  return breach;
}
