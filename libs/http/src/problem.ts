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

/** What identifies a problem type: its status, its slug (the end of its `type` URI) and its title. */
export interface ProblemTypeSpec {
  status: number;
  slug: string;
  title: string;
}

/**
 * A domain error that knows how it is told to an API caller: a stable `type` URI, the fields a
 * client needs as extensions, and a human detail that clients must not parse. Services declare
 * theirs with `DomainProblem` in one `<feature>.errors.ts` per feature (`AgencyLicenceNotValid`,
 * `WorkerAlreadyRegistered`) and throw them; one filter maps them to problem+json.
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

  get type(): string {
    return problemType(this.slug);
  }

  toProblem(instance?: string): ProblemDetails {
    return { type: problemType(this.slug), title: this.title, status: this.status, detail: this.detail, instance, ...this.extensions };
  }
}

export function problemType(slug: string): string {
  return `${PROBLEM_BASE}${slug}`;
}

/** A problem class whose type is known without an instance (for OpenAPI and docs/problems.md). */
export interface ProblemClass extends ProblemTypeSpec {
  readonly type: string;
}

/**
 * The base of a domain error with its own problem type:
 * `export class JobOrderFull extends DomainProblem({ status: 409, slug: 'job-order-full', title: '…' }) {}`.
 * The class carries the spec statically too, so `@ApiProblems(JobOrderFull)` can list it.
 */
export function DomainProblem(spec: ProblemTypeSpec) {
  abstract class Typed extends ProblemError {
    static readonly status = spec.status;
    static readonly slug = spec.slug;
    static readonly title = spec.title;
    static readonly type = problemType(spec.slug);
    readonly status = spec.status;
    readonly slug = spec.slug;
    readonly title = spec.title;
  }
  return Typed;
}

/**
 * 404, told exactly like an unknown id (the access model's `not-found`): "not yours" must not be
 * told apart from "not there".
 */
export class NotFoundProblem extends DomainProblem({ status: 404, slug: 'not-found', title: 'Not found' }) {
  constructor(resource: string, id: string) {
    super(`${resource} ${id} not found`);
  }
}
