import { DomainProblem } from '@corridor/http';

/**
 * 409: the identity document is registered already. The existing worker's id is named only to a
 * caller who may see that worker (same agency, or the ministry); others learn no id.
 */
export class WorkerAlreadyRegistered extends DomainProblem({ status: 409, slug: 'worker-already-registered', title: 'The identity document is already registered' }) {
  constructor(documentType: string, documentNumber: string, existingWorkerId?: string) {
    // The number is the caller's own input; the stored copy of this answer is sealed (idempotency).
    super(
      `a worker with ${documentType} ${documentNumber} is already registered${existingWorkerId ? '' : '; if this is the same person, the ministry can check'}`,
      existingWorkerId ? { existingWorkerId } : {},
    );
  }
}

/** 422: a well-formed registration that breaks a registration rule (nationality, age, dates, phone); `field` names it. */
export class InvalidRegistration extends DomainProblem({ status: 422, slug: 'invalid-registration', title: 'The registration breaks a registration rule' }) {
  constructor(detail: string, field?: string) {
    super(detail, field ? { field } : {});
  }
}

/** 409: a worker is on one destination's name list at a time. */
export class WorkerAlreadyNominated extends DomainProblem({ status: 409, slug: 'worker-already-nominated', title: "The worker is already on a destination's name list" }) {
  constructor(workerId: string, destination: string) {
    super(`worker ${workerId} is already on the ${destination} name list`, { destination });
  }
}

/** 409: consent to share is withdrawn once. */
export class ConsentAlreadyWithdrawn extends DomainProblem({ status: 409, slug: 'consent-already-withdrawn', title: 'Consent to share is already withdrawn' }) {
  constructor(workerId: string, withdrawnOn: string | null) {
    super(`worker ${workerId} has not consented to share (withdrawn on ${withdrawnOn ?? 'registration'})`, { withdrawnOn });
  }
}
