import { DomainProblem } from '@corridor/http';

/** 409: a worker is on one name list at a time. */
export class WorkerAlreadyMatched extends DomainProblem({ status: 409, slug: 'worker-already-matched', title: 'The worker is already matched' }) {
  constructor(workerId: string, jobOrderId: string) {
    super(`worker ${workerId} is already matched to job order ${jobOrderId}`, { jobOrderId });
  }
}

/** 409: the worker was nominated for another destination than the job order's. */
export class WorkerNominatedElsewhere extends DomainProblem({ status: 409, slug: 'worker-nominated-elsewhere', title: "The worker is on another destination's name list" }) {
  constructor(workerId: string, nominatedDestination: string, jobOrderId: string, jobOrderDestination: string) {
    super(`worker ${workerId} is on the ${nominatedDestination} name list; job order ${jobOrderId} is for ${jobOrderDestination}`, { nominatedDestination, jobOrderDestination });
  }
}
