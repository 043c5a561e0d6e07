/** RFC 9457 problem details, the one error shape every Corridor API answers with. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field-level reasons for validation problems. */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE = 'https://corridor.gms/problems/';

/**
 * A domain error that knows how it is told to an API caller. Services subclass it
 * (`LicenceSuspended`, `WorkerAlreadyRegistered`) and throw; one filter maps it to problem+json.
 */
export abstract class ProblemError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;

  constructor(
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }

  toProblem(instance?: string): ProblemDetails {
    return { type: problemType(this.slug), title: this.title, status: this.status, detail: this.detail, instance, ...this.extensions };
  }
}

export function problemType(slug: string): string {
  return `${PROBLEM_BASE}${slug}`;
}

export class NotFoundProblem extends ProblemError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class ConflictProblem extends ProblemError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = 'Conflict with the current state';
}

export class UnprocessableProblem extends ProblemError {
  readonly status = 422;
  readonly slug = 'unprocessable';
  readonly title = 'The request breaks a business rule';
}

/** An illegal state-machine transition: says the current state and what is allowed from it. */
export class IllegalTransitionProblem extends ProblemError {
  readonly status = 409;
  readonly slug = 'illegal-transition';
  readonly title = 'Not allowed in the current state';

  constructor(subject: string, currentState: string, action: string, allowedActions: string[]) {
    super(
      `${subject} is ${currentState}; "${action}" is not allowed. Allowed now: ${allowedActions.length ? allowedActions.join(', ') : 'nothing (final state)'}`,
      { currentState, allowedActions },
    );
  }
}

/** 422: the request names another record (an agency, a worker) that this node does not know. */
export class UnknownReferenceProblem extends ProblemError {
  readonly status = 422;
  readonly slug = 'unknown-reference';
  readonly title = 'The request refers to a record that does not exist';

  constructor(field: string, detail: string) {
    super(detail, { field });
  }
}
