import { DomainProblem } from '@corridor/http';

/** 422: an unknown scheme of the destination, coverage dates the wrong way round, or a node that is not an end of an open corridor. */
export class EnrolmentNotRecordable extends DomainProblem({ status: 422, slug: 'enrolment-not-recordable', title: 'The enrolment cannot be recorded' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}
