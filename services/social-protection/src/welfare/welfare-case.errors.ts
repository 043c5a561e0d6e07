import { DomainProblem } from '@corridor/http';

/** 422: a future day, or a node that is not an end of an open corridor. */
export class WelfareCaseRuleBroken extends DomainProblem({ status: 422, slug: 'welfare-case-rule-broken', title: 'The welfare case step breaks a rule' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}
