import { DomainProblem } from '@corridor/http';
import type { JobOrder } from './job-order.entity';

/** 409: every place of the job order is taken. */
export class JobOrderFull extends DomainProblem({ status: 409, slug: 'job-order-full', title: 'The job order has no place left' }) {
  constructor(order: Pick<JobOrder, 'id' | 'workersRequested' | 'workersMatched'>) {
    super(`job order ${order.id} asked for ${order.workersRequested} worker(s) and ${order.workersMatched} are matched: no place left`, {
      currentState: 'filled',
      allowedActions: [],
      workersRequested: order.workersRequested,
      workersMatched: order.workersMatched,
    });
  }
}
