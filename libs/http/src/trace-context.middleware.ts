import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_ID, runInTraceContext, traceContextForRequest, traceparentOf } from '@corridor/trace-context';

/** The request header a caller names its correlation id in, answered on every response. */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
/** W3C Trace Context: the caller's trace on the request; this service's span of it on the response. */
export const TRACEPARENT_HEADER = 'traceparent';

/** The two headers as OpenAPI parameters of every operation. */
export const TRACE_CONTEXT_PARAMETERS = [
  {
    in: 'header' as const,
    name: CORRELATION_ID_HEADER,
    required: false,
    description: 'Your id for this request, carried by every event it causes in every service and country and named in their logs; answered on the response. Anything else than 1-128 of A-Z a-z 0-9 . _ : - is replaced by a new UUIDv7.',
    schema: { type: 'string', pattern: CORRELATION_ID.source },
  },
  {
    in: 'header' as const,
    name: TRACEPARENT_HEADER,
    required: false,
    description: 'W3C Trace Context: the trace this request belongs to. Without a valid one the request starts a trace; the response names the trace and this service\'s span of it.',
    schema: { type: 'string' },
  },
];

/**
 * Runs every request in its trace context (libs/trace-context): the caller's valid
 * X-Correlation-Id or a new one, its trace continued in a new span or a new trace. Events built
 * while it is handled carry them; log lines name them; the response answers both. A debug line
 * per request (method, path without the query, which may hold a searched name, status, time).
 */
export function traceContextMiddleware() {
  const logger = new Logger('HTTP');
  return function traceContext(request: Request, response: Response, next: NextFunction): void {
    const context = traceContextForRequest({ correlationId: request.headers['x-correlation-id'], traceparent: request.headers.traceparent });
    response.setHeader(CORRELATION_ID_HEADER, context.correlationId);
    response.setHeader(TRACEPARENT_HEADER, traceparentOf(context));
    const started = performance.now();
    response.on('finish', () =>
      runInTraceContext(context, () => logger.debug(`${request.method} ${request.path} ${response.statusCode} ${Math.round(performance.now() - started)} ms`)),
    );
    runInTraceContext(context, next);
  };
}
