import { formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './traceparent';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('traceparent (W3C Trace Context)', () => {
  it('reads a version 00 header into its trace id, parent span and flags', () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, parentId: SPAN, traceFlags: '01' });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)).toEqual({ traceId: TRACE, parentId: SPAN, traceFlags: '00' });
  });

  it.each([
    ['all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['long parent id', `00-${TRACE}-${SPAN}0-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['version 00 with more fields', `00-${TRACE}-${SPAN}-01-extra`],
    ['non-hex flags', `00-${TRACE}-${SPAN}-zz`],
    ['wrong separators', `00_${TRACE}_${SPAN}_01`],
    ['nothing', ''],
    ['markup', `<script>${TRACE}</script>`],
  ])('refuses %s', (_case, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('reads a higher version for its first fields, keeping only the sampled flag', () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-03-whatever-comes-next`)).toEqual({ traceId: TRACE, parentId: SPAN, traceFlags: '01' });
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-0301`)).toBeUndefined();
  });

  it('writes version 00 and mints ids of the right size that are never all zeros', () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(newTraceId()).not.toBe(traceId);
    expect(parseTraceparent(formatTraceparent(traceId, spanId, '01'))).toEqual({ traceId, parentId: spanId, traceFlags: '01' });
  });
});
