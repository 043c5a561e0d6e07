import { AsyncLocalStorage } from 'node:async_hooks';
import { acceptCorrelationId, newCorrelationId } from './correlation-id';
import { formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './traceparent';

/**
 * What ties the work of one request together across services and countries, for as long as a
 * service works on it: the HTTP request (libs/http installs it for every request) or the handling
 * of one consumed record (libs/messaging's consumer). Events built meanwhile carry it (buildEvent),
 * and every log line names it (the service logger).
 */
export interface TraceContext {
  /** Shared by everything one request caused: from `X-Correlation-Id`, or minted at the first service. */
  correlationId: string;
  /** W3C trace id (32 hex), the same in every service the request reaches. */
  traceId: string;
  /** This service's span (16 hex): the request or the handling of one record. Events built in it name it as their parent. */
  spanId: string;
  /** The span that caused this one: the caller's `traceparent` parent id, or the consumed record's span. */
  parentSpanId?: string;
  /** W3C trace flags (2 hex). */
  traceFlags: string;
  /** Set while a consumed event is handled: its event id, the causation id of every event built in reaction to it. */
  causationId?: string;
}

/** Sampled: the logs keep every trace. */
const NEW_TRACE_FLAGS = '01';

const storage = new AsyncLocalStorage<TraceContext>();

/** The context of the request or record being worked on, undefined outside any (start-up, timers, tools). */
export function currentTraceContext(): TraceContext | undefined {
  return storage.getStore();
}

/** Runs `work` (and everything it awaits or schedules) in `context`. */
export function runInTraceContext<T>(context: TraceContext, work: () => T): T {
  return storage.run(context, work);
}

/** The `traceparent` to send from `context`: its trace, its span as the receiver's parent. */
export function traceparentOf(context: TraceContext): string {
  return formatTraceparent(context.traceId, context.spanId, context.traceFlags);
}

/**
 * The context of an HTTP request: its `X-Correlation-Id` if valid, else a new one; the caller's
 * trace (a valid `traceparent`) continued in a new span, else a new trace.
 */
export function traceContextForRequest(headers: { correlationId?: unknown; traceparent?: unknown }): TraceContext {
  const parent = parseTraceparent(typeof headers.traceparent === 'string' ? headers.traceparent : undefined);
  return {
    correlationId: acceptCorrelationId(headers.correlationId) ?? newCorrelationId(),
    traceId: parent?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    parentSpanId: parent?.parentId,
    traceFlags: parent?.traceFlags ?? NEW_TRACE_FLAGS,
  };
}

/**
 * The context in which a consumed event is handled: its correlation id and trace carried on, a new
 * span whose parent is the record's, and the event itself as the cause of whatever is built in
 * reaction. A record without (valid) ones, from an older node, correlates by its own event id and
 * starts a trace.
 */
export function traceContextForEvent(event: { eventId: string; correlationId?: string; traceparent?: string }): TraceContext {
  const parent = parseTraceparent(event.traceparent);
  return {
    correlationId: acceptCorrelationId(event.correlationId) ?? acceptCorrelationId(event.eventId) ?? newCorrelationId(),
    traceId: parent?.traceId ?? newTraceId(),
    spanId: newSpanId(),
    parentSpanId: parent?.parentId,
    traceFlags: parent?.traceFlags ?? NEW_TRACE_FLAGS,
    causationId: event.eventId,
  };
}

/** A context of its own for work that belongs to no request (a tool, a timer): a new correlation id and trace. */
export function newTraceContext(): TraceContext {
  return traceContextForRequest({});
}
