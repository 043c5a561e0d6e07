import { DomainProblem } from '@corridor/http';
import type { UnmetCondition } from './deployment.rules';

/** 422: exit clearance refused; lists every unmet condition. */
export class ExitClearanceRefusedProblem extends DomainProblem({ status: 422, slug: 'exit-clearance-refused', title: 'Exit clearance refused: conditions not met' }) {
  constructor(journeyId: string, unmet: UnmetCondition[]) {
    super(`exit clearance of journey ${journeyId} refused: ${unmet.map((u) => u.condition).join(', ')}`, { unmet });
  }
}

/** 409: the journey already has an exit clearance. */
export class AlreadyCleared extends DomainProblem({ status: 409, slug: 'already-cleared', title: 'The journey already has its exit clearance' }) {
  constructor(journeyId: string, clearanceNumber: string) {
    super(`journey ${journeyId} already has exit clearance ${clearanceNumber}`, { clearanceNumber });
  }
}

/** 404: no deployment of this journey on this node. */
export class DeploymentNotFound extends DomainProblem({ status: 404, slug: 'deployment-not-found', title: 'No deployment of this journey' }) {
  constructor(journeyId: string) {
    super(`no deployment of journey ${journeyId} is held here`, { journeyId });
  }
}

/** 422: a step breaks a rule of the corridor (checkpoint, corridor, dates). */
export class DeploymentStepInvalid extends DomainProblem({ status: 422, slug: 'deployment-step-invalid', title: 'The deployment step breaks a rule' }) {
  constructor(reason: string, field: string, allowed?: string[]) {
    super(reason, allowed ? { field, allowed } : { field });
  }
}
