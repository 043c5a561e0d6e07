import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '@corridor/persistence';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemType, type ProblemDetails } from './problem';
import { RequestValidationError } from './validation';

/** Errors raised by the body parser before Nest sees the request (too large, malformed JSON). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message: string;
}

/**
 * Postgres errors that only bad input causes, should one get past the input policy and the use
 * cases' own checks. Told without the SQL, the values or the driver's detail (they may hold
 * person data): the SQLSTATE class says enough for the caller to fix the request.
 */
const DATABASE_PROBLEMS: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  '22P02': { status: 400, slug: 'invalid-value', title: 'A value has the wrong form', detail: 'a value of the request is not in the form its field takes (e.g. an id that is not a UUID, a number that is not a number)' },
  '22021': { status: 400, slug: 'invalid-value', title: 'A value has the wrong form', detail: 'a text value holds a character that cannot be stored (e.g. NUL, U+0000)' },
  '22P05': { status: 400, slug: 'invalid-value', title: 'A value has the wrong form', detail: 'a text value holds a character that cannot be stored as JSON text (e.g. NUL, U+0000, or an unpaired surrogate)' },
  '22001': { status: 400, slug: 'invalid-value', title: 'A value is too long', detail: 'a value of the request is longer than its field allows' },
  '22003': { status: 400, slug: 'invalid-value', title: 'A number is out of range', detail: 'a number of the request is outside the range its field allows' },
  '22007': { status: 400, slug: 'invalid-value', title: 'A value has the wrong form', detail: 'a date or time of the request is not a valid date or time' },
  '22008': { status: 400, slug: 'invalid-value', title: 'A value is out of range', detail: 'a date or time of the request is out of range' },
  '23502': { status: 422, slug: 'missing-value', title: 'A required value is missing', detail: 'a value the record needs was not given' },
  '23503': { status: 422, slug: 'unknown-reference', title: 'The request refers to a record that does not exist', detail: 'the request refers to a record that does not exist on this node (or one that others still refer to)' },
  '23514': { status: 422, slug: 'constraint-violated', title: 'The request breaks a rule of the record', detail: 'a value of the request breaks a rule of the record it would change' },
  '23505': { status: 409, slug: 'conflict', title: 'Conflict with the current state', detail: 'a record with the same unique value already exists' },
  '23P01': { status: 409, slug: 'conflict', title: 'Conflict with the current state', detail: 'the request overlaps a record that already exists' },
};

/**
 * The database out of reach for a moment (isDatabaseUnavailable, libs/persistence): a 503 the
 * caller may retry, not a 500. The handler's transaction did not commit, or, if the commit was in
 * flight, a retry with the same Idempotency-Key answers its result.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

function databaseUnavailable(exception: unknown, instance?: string): ProblemDetails | undefined {
  if (!isDatabaseUnavailable(exception)) return undefined;
  return {
    type: problemType('database-unavailable'),
    title: 'The database is busy or restarting',
    status: 503,
    detail: `the request was not completed; send it again in ${DATABASE_RETRY_AFTER_SECONDS} seconds with the same Idempotency-Key (a write that did complete answers its first result)`,
    instance,
  };
}

function databaseProblem(exception: unknown, instance?: string): ProblemDetails | undefined {
  const error = exception as { code?: unknown; driverError?: { code?: unknown }; name?: string };
  const code = error?.driverError?.code ?? (error?.name === 'QueryFailedError' || error?.name === 'DatabaseError' ? error.code : undefined);
  if (typeof code !== 'string') return undefined;
  const known = DATABASE_PROBLEMS[code];
  if (!known) return undefined;
  return { type: problemType(known.slug), title: known.title, status: known.status, detail: known.detail, instance, sqlState: code };
}

export function toProblem(exception: unknown, instance?: string): ProblemDetails {
  if (exception instanceof ProblemError) return exception.toProblem(instance);
  if (exception instanceof RequestValidationError) {
    const fields = exception.fieldErrors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ');
    return {
      type: problemType('validation'),
      title: 'The request body is invalid',
      status: 400,
      detail: fields || 'The request body does not match the schema',
      instance,
      errors: exception.fieldErrors,
    };
  }
  const parserError = exception as BodyParserError;
  if (parserError?.type === 'entity.too.large') {
    return {
      type: problemType('payload-too-large'),
      title: 'Request body too large',
      status: 413,
      detail: `The body exceeds the limit of ${parserError.limit} bytes`,
      instance,
    };
  }
  if (parserError?.type === 'entity.parse.failed') {
    return { type: problemType('malformed-json'), title: 'Malformed JSON', status: 400, detail: parserError.message, instance };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    // Refusals of the access guard (libs/auth) carry their own problem type.
    const typed = body as { problemType?: string; title?: string; message?: string; extensions?: Record<string, unknown> };
    if (typeof typed === 'object' && typeof typed.problemType === 'string') {
      return { type: problemType(typed.problemType), title: typed.title ?? 'Refused', status, detail: typed.message ?? '', instance, ...typed.extensions };
    }
    const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? exception.message);
    return {
      type: problemType(HttpStatus[status]?.toLowerCase().replace(/_/g, '-') ?? 'http-error'),
      title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'HTTP error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : message,
      instance,
    };
  }
  const database = databaseProblem(exception, instance) ?? databaseUnavailable(exception, instance);
  if (database) return database;
  return { type: problemType('internal'), title: 'Internal error', status: 500, detail: 'An unexpected error occurred; it has been logged', instance };
}

/** Maps every error, typed domain errors first, to an RFC 9457 application/problem+json answer. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const problem = toProblem(exception, request.originalUrl);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (typeof problem.sqlState === 'string') this.logger.warn(`${request.method} ${request.path}: database refused input (SQLSTATE ${problem.sqlState}); the input policy should have caught it`);
    if (problem.status === 503) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
