import { DomainProblem } from '@corridor/http';

/** 409: the journey's return happened already. */
export class ReturnAlreadyRecorded extends DomainProblem({ status: 409, slug: 'return-already-recorded', title: 'The journey already has a return that happened' }) {
  constructor(journeyId: string, returnId: string) {
    super(`journey ${journeyId} already has return ${returnId}, which happened; a happened return is final`, { returnId });
  }
}

/** 422: a return breaks a rule (a date in the future, a returnee without sex, a destination recording an irregular returnee). */
export class ReturnNotRecordable extends DomainProblem({ status: 422, slug: 'return-not-recordable', title: 'The return cannot be recorded' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}

/** 422: a mass-return list with no rows, or more than the limit. */
export class MassReturnListRefused extends DomainProblem({ status: 422, slug: 'mass-return-list-refused', title: 'The mass-return list cannot be taken' }) {
  constructor(reason: string) {
    super(reason, {});
  }
}
