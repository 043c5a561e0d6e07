import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { isMinistry, ownAgencyOf } from '../common/roles';
import { OrientationSession } from './orientation-session.entity';

/** The ministry sees every session of the node; an agency only its own (others read as absent). */
export async function findSessionFor(manager: EntityManager, officer: Officer, sessionId: string, lock = false): Promise<OrientationSession> {
  const session = await manager.findOne(OrientationSession, { where: { id: sessionId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!session || (!isMinistry(officer) && session.agencyId !== ownAgencyOf(officer))) {
    throw new NotFoundProblem('orientation session', sessionId);
  }
  return session;
}
