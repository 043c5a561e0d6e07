import { DomainProblem } from '@corridor/http';

/** 422: a fee above the amount, a received amount without its currency, a future day, or not an end of an open corridor. */
export class RemittanceNotRecordable extends DomainProblem({ status: 422, slug: 'remittance-not-recordable', title: 'The remittance cannot be recorded' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}
