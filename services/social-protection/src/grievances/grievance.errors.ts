import { DomainProblem } from '@corridor/http';

/** 422: the grievance breaks a rule of grievance.rules.ts (node not an end of an open corridor, future date, referral without target, closing reason). */
export class GrievanceRuleBroken extends DomainProblem({ status: 422, slug: 'grievance-rule-broken', title: 'The grievance step breaks a rule' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}

/** 403: only the handling country's officers move a grievance; the other end follows its events. */
export class GrievanceHandledElsewhere extends DomainProblem({ status: 403, slug: 'grievance-handled-elsewhere', title: 'The grievance is handled by the other end of the corridor' }) {
  constructor(grievanceId: string, handlingCountry: string, nodeCountry: string) {
    super(`grievance ${grievanceId} is handled in ${handlingCountry}'s queue, not ${nodeCountry}'s: ${nodeCountry} sees every step there`, { handlingCountry, nodeCountry });
  }
}
