import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemType, type ProblemDetails } from './problem';
import { RequestValidationError } from './validation';

/** Errors raised by the body parser before Nest sees the request (too large, malformed JSON). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message: string;
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
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
