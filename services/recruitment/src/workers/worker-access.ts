import type { EntityManager } from 'typeorm';
import { decideAccess, type Officer, type Operation } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { ownerOfWorker } from './worker-owner';
import { Worker } from './worker.entity';

/**
 * Loads a worker the officer may act on, by the access model: an officer of this node's country;
 * a token held to an agency only for the workers that agency registered. Anything else reads as
 * "not found" so that another country or agency cannot even learn that the worker exists.
 */
export async function findWorkerFor(manager: EntityManager, officer: Officer, nodeCountry: string, workerId: string, lock = false, operation: Operation = 'worker.read'): Promise<Worker> {
  const worker = await manager.findOne(Worker, { where: { id: workerId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!worker || !mayActOnWorker(officer, nodeCountry, worker, operation)) throw new NotFoundProblem('worker', workerId);
  return worker;
}

export function mayActOnWorker(officer: Officer, nodeCountry: string, worker: Pick<Worker, 'agencyId'>, operation: Operation = 'worker.read'): boolean {
  return decideAccess(officer, operation, nodeCountry, ownerOfWorker(worker, nodeCountry)).allowed;
}
