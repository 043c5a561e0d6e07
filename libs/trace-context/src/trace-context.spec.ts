import { acceptCorrelationId } from './correlation-id';
import { currentTraceContext, runInTraceContext, traceContextForEvent, traceContextForRequest, traceparentOf } from './trace-context';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlation id', () => {
  it('accepts 1 to 128 letters, digits and . _ : -', () => {
    for (const id of ['a', 'req-42', '0190a000-0000-7000-8000-000000000001', 'gw:eu.1_x', 'x'.repeat(128)]) expect(acceptCorrelationId(id)).toBe(id);
  });

  it('drops anything else rather than carry it into logs and records', () => {
    for (const junk of ['', 'x'.repeat(129), 'two words', 'line\nbreak', 'tab\t', '<b>', 'caf\u00e9', '%0A', 'a/b', undefined, 42]) expect(acceptCorrelationId(junk)).toBeUndefined();
  });
});

describe('the context of an HTTP request', () => {
  it('keeps the caller\'s correlation id and continues its trace in a new span', () => {
    const context = traceContextForRequest({ correlationId: 'req-42', traceparent: `00-${TRACE}-${SPAN}-00` });
    expect(context).toMatchObject({ correlationId: 'req-42', traceId: TRACE, parentSpanId: SPAN, traceFlags: '00' });
    expect(context.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(context.spanId).not.toBe(SPAN);
    expect(context.causationId).toBeUndefined();
    expect(traceparentOf(context)).toBe(`00-${TRACE}-${context.spanId}-00`);
  });

  it('mints a UUIDv7 correlation id and a new sampled trace when the caller sent none or junk', () => {
    const context = traceContextForRequest({ correlationId: 'drop table;', traceparent: `00-${'0'.repeat(32)}-${SPAN}-01` });
    expect(context.correlationId).toMatch(UUID7);
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context.traceId).not.toBe('0'.repeat(32));
    expect(context.parentSpanId).toBeUndefined();
    expect(context.traceFlags).toBe('01');
    expect(traceContextForRequest({}).correlationId).not.toBe(context.correlationId);
  });
});

describe('the context of a consumed event', () => {
  it('carries its correlation id and trace on, with a new span under the record\'s, caused by the event', () => {
    const context = traceContextForEvent({ eventId: 'e-1', correlationId: 'req-42', traceparent: `00-${TRACE}-${SPAN}-01` });
    expect(context).toMatchObject({ correlationId: 'req-42', traceId: TRACE, parentSpanId: SPAN, causationId: 'e-1' });
    expect(context.spanId).not.toBe(SPAN);
  });

  it('correlates an event of an older node by its own id and starts a trace for it', () => {
    const context = traceContextForEvent({ eventId: '0190a000-0000-7000-8000-000000000001', correlationId: '', traceparent: '' });
    expect(context).toMatchObject({ correlationId: '0190a000-0000-7000-8000-000000000001', causationId: '0190a000-0000-7000-8000-000000000001', parentSpanId: undefined });
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('the current context', () => {
  it('follows the work through awaits and timers, and only that work', async () => {
    const a = traceContextForRequest({ correlationId: 'a' });
    const b = traceContextForRequest({ correlationId: 'b' });
    const seen = await Promise.all([
      runInTraceContext(a, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return currentTraceContext()?.correlationId;
      }),
      runInTraceContext(b, async () => {
        await Promise.resolve();
        return currentTraceContext()?.correlationId;
      }),
    ]);
    expect(seen).toEqual(['a', 'b']);
    expect(currentTraceContext()).toBeUndefined();
  });
});
