import { DomainProblem } from '@corridor/http';
import type { WorseTerm } from './substitution-detector';

/** 422: the journey named in the draft has no worker matched to a job order this node knows (or one the caller may not see). */
export class WorkerNotMatched extends DomainProblem({ status: 422, slug: 'worker-not-matched', title: 'No matched worker for this journey' }) {
  constructor(detail: string, extensions: { journeyId?: string; jobOrderId?: string }) {
    super(detail, extensions);
  }
}

/** 409: contracts are drafted only from verified job orders. */
export class JobOrderNotVerified extends DomainProblem({ status: 409, slug: 'job-order-not-verified', title: 'The job order is not verified' }) {
  constructor(jobOrderId: string, jobOrderStatus: string) {
    super(`job order ${jobOrderId} is ${jobOrderStatus}: contracts are drafted only from verified job orders`, { jobOrderId, jobOrderStatus });
  }
}

/** 409: one contract per journey; change it by amendment. */
export class ContractAlreadyDrafted extends DomainProblem({ status: 409, slug: 'contract-already-drafted', title: 'The journey already has a contract' }) {
  constructor(journeyId: string, contractId: string, currentState: string) {
    super(`journey ${journeyId} already has contract ${contractId}; change it by amendment`, { contractId, currentState });
  }
}

/** 422: a draft may improve on the verified job order's terms, never undercut them. */
export class TermsWorseThanJobOrder extends DomainProblem({ status: 422, slug: 'terms-worse-than-job-order', title: 'The draft gives the worker less than the job order' }) {
  constructor(jobOrderId: string, changedTerms: WorseTerm[]) {
    super(`the draft gives the worker less than verified job order ${jobOrderId}: ${changedTerms.map((t) => t.term).join(', ')}`, { changedTerms });
  }
}

/** 422: allowed deductions together must leave the worker part of the wage. */
export class DeductionsExceedWage extends DomainProblem({ status: 422, slug: 'deductions-exceed-wage', title: 'Deductions would take the whole wage' }) {
  constructor(deductionsTotalMinor: number, wage: { amountMinor: number; currency: string }, payPeriod: string) {
    super(`allowed deductions (${deductionsTotalMinor}) would take the whole wage (${wage.amountMinor} ${wage.currency} per ${payPeriod})`, { deductionsTotalMinor, wageMinor: wage.amountMinor });
  }
}

/** 422: an amendment that changes no term and no clause. */
export class NothingAmended extends DomainProblem({ status: 422, slug: 'nothing-amended', title: 'The amendment changes nothing' }) {
  constructor(version: number) {
    super(`the amendment changes nothing in version ${version}`, { version });
  }
}

/** 409: each party signs once per signing round. */
export class PartyAlreadySigned extends DomainProblem({ status: 409, slug: 'party-already-signed', title: 'This party already signed in this round' }) {
  constructor(contractId: string, party: string, currentState: string, signedBy: string[]) {
    super(`the ${party} already signed contract ${contractId} in this round`, { party, currentState, signedBy });
  }
}

/** 409: each side verifies once per round; the contract waits for the other side. */
export class SideAlreadyVerified extends DomainProblem({ status: 409, slug: 'side-already-verified', title: 'This side already verified' }) {
  constructor(contractId: string, side: string, currentState: string, verifiedBy: string[]) {
    super(`the ${side} side already verified contract ${contractId}; waiting for the other side`, { side, currentState, verifiedBy });
  }
}
