import { ConflictProblem, UnprocessableProblem } from '@corridor/http';

/**
 * 409: the identity document is registered already. The existing worker's id is named only to a
 * caller who may see that worker (same agency, or the ministry); others learn no id.
 */
export class WorkerAlreadyRegistered extends ConflictProblem {
  constructor(documentType: string, documentNumber: string, existingWorkerId?: string) {
    // The number is the caller's own input; the stored copy of this answer is sealed (idempotency).
    super(
      `a worker with ${documentType} ${documentNumber} is already registered${existingWorkerId ? '' : '; if this is the same person, the ministry can check'}`,
      existingWorkerId ? { existingWorkerId } : {},
    );
  }
}

export class InvalidRegistration extends UnprocessableProblem {}
