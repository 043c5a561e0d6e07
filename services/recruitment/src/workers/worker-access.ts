import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { Worker } from './worker.entity';

/**
 * Loads a worker the officer may act on: an officer of this node's country; agency staff only for
 * the workers their agency registered. Anything else reads as "not found" so that another
 * country or agency cannot even learn that the worker exists.
 */
export async function findWorkerFor(manager: EntityManager, officer: Officer, nodeCountry: string, workerId: string, lock = false): Promise<Worker> {
  const worker = await manager.findOne(Worker, { where: { id: workerId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!worker || !mayActOnWorker(officer, nodeCountry, worker)) throw new NotFoundProblem(`worker ${workerId} not found`);
  return worker;
}

export function mayActOnWorker(officer: Officer, nodeCountry: string, worker: Pick<Worker, 'agencyId'>): boolean {
  if (officer.country !== nodeCountry) return false;
  if (officer.roles.some((role) => role === 'ministry-officer' || role === 'admin')) return true;
  return officer.roles.includes('agency-staff') && officer.agencyId !== undefined && worker.agencyId === officer.agencyId;
}
