import request from 'supertest';
import { RECORD_HEADERS, corridorTopic, countryTopic, decodeEnvelope, type EventEnvelope } from '@corridor/events';
import { agencyStaff, aWorker, eventually, headerOf, readTopicToEnd, registerAgency, testNodeConfig, verifiedJobOrder, type ReadRecord } from '@corridor/testing';
import { newSpanId, newTraceId, parseTraceparent } from '@corridor/trace-context';
import { startCountryNodes, timelineOf } from '../support/country-nodes';

/**
 * Trace context across services and countries, on in-process KH and TH nodes with every service:
 * one request to KH recruitment with an X-Correlation-Id and a traceparent matches a worker who
 * has an open fee breach. Its events (WorkerMatched, and FeeBreachFlagged sent along because of
 * the match) reach KH's journey and contracts services and TH's recruitment, journey and contracts
 * services. Every record carries the one correlation id and the caller's trace, in its headers and
 * envelope; the flag names the match as its cause; every log line about them in every service
 * names the correlation id and trace id.
 *
 * No handler today publishes in reaction to a consumed event (projectors and timelines only
 * write their own tables); causation on consumption is covered by
 * libs/messaging/test/integration/trace-context.int-spec.ts. Here the chain is the one real flows
 * have: an event that follows from another of the same change (match -> flag, fee -> flag).
 */
jest.setTimeout(240_000);

const brokers = testNodeConfig('KH').kafkaBrokers;
const CORRELATION = `kh-match-${Date.now().toString(36)}`;
const FEE_CORRELATION = `kh-fee-${Date.now().toString(36)}`;
const CALLER_TRACE = newTraceId();
const CALLER_SPAN = newSpanId();

/** The services' log lines (debug included), kept for the test instead of printed. */
const logLines: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);
const originalLevel = process.env.LOG_LEVEL;
let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  // The JSON lines (the default format), each kept as `corr=<correlationId> trace=<traceId> <msg>`.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.startsWith('{"level":')) return originalWrite(chunk, ...rest);
    for (const json of text.split('\n').filter(Boolean)) {
      const line = JSON.parse(json) as { correlationId?: string; traceId?: string; msg: string };
      logLines.push(`${line.correlationId ? `corr=${line.correlationId} trace=${line.traceId} ` : ''}${line.msg}`);
    }
    return true;
  }) as typeof process.stdout.write;
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH', { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
  process.stdout.write = originalWrite;
  if (originalLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = originalLevel;
});

interface Observed {
  record: ReadRecord;
  envelope: EventEnvelope;
}

async function recordsOf(topic: string, journeyId: string, types: string[]): Promise<Record<string, Observed>> {
  return eventually(async () => {
    const read = (await readTopicToEnd(brokers, [topic])).filter((r) => r.message.key?.toString() === journeyId);
    const byType = Object.fromEntries(read.map((record) => [decodeEnvelope(record.message.value).eventType.replace('corridor.v1.', ''), { record, envelope: decodeEnvelope(record.message.value) }]));
    return types.every((t) => byType[t]) ? byType : undefined;
  }, 30_000, `${types.join(', ')} of ${journeyId} on ${topic}`);
}

const logsNaming = (text: string) => logLines.filter((line) => line.includes(text));

describe('one request, one correlation id and trace in every service and country', () => {
  it('a match through KH recruitment: its records, its causation chain and the log lines of five services name them', async () => {
    const { KH: kh, TH: th } = platform.nodes;
    const jobOrderId = await verifiedJobOrder(kh.recruitment, th.recruitment);
    const agencyId = await registerAgency(kh.recruitment);
    const worker = (await request(kh.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', agencyStaff(agencyId)).send(aWorker()).expect(201)).body as { workerId: string; journeyId: string };

    // A fee above the corridor's cap, in a request of its own: the fee caused the breach flag.
    const fee = await request(kh.recruitment.getHttpServer())
      .post(`/api/v1/workers/${worker.workerId}/fees`)
      .set('Authorization', agencyStaff(agencyId))
      .set('X-Correlation-Id', FEE_CORRELATION)
      .send({ amountMinor: 350000, currency: 'THB', purpose: 'recruitment-service', payeeAgencyId: agencyId, paidOn: new Date().toISOString().slice(0, 10) })
      .expect(201);
    expect(fee.headers['x-correlation-id']).toBe(FEE_CORRELATION);
    const inCountry = await recordsOf(countryTopic('KH', 'recruitment'), worker.journeyId, ['FeePaid', 'FeeBreachFlagged']);
    expect(inCountry.FeePaid.envelope).toMatchObject({ correlationId: FEE_CORRELATION, causationId: '' });
    expect(inCountry.FeeBreachFlagged.envelope).toMatchObject({ correlationId: FEE_CORRELATION, causationId: inCountry.FeePaid.envelope.eventId });

    // The request under test: the caller names its correlation id and its trace.
    const match = await request(kh.recruitment.getHttpServer())
      .post(`/api/v1/job-orders/${jobOrderId}/matches`)
      .set('Authorization', agencyStaff(agencyId))
      .set('X-Correlation-Id', CORRELATION)
      .set('traceparent', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`)
      .send({ workerId: worker.workerId })
      .expect(201);
    expect(match.headers['x-correlation-id']).toBe(CORRELATION);
    const requestSpan = parseTraceparent(match.headers.traceparent)!;
    expect(requestSpan.traceId).toBe(CALLER_TRACE);
    expect(requestSpan.parentId).not.toBe(CALLER_SPAN);

    // Its records on the corridor: one correlation id and the caller's trace, in headers and envelope.
    const crossed = await recordsOf(corridorTopic('KH', 'TH', 'recruitment'), worker.journeyId, ['WorkerMatched', 'FeeBreachFlagged']);
    for (const { record, envelope } of Object.values(crossed)) {
      expect({ type: envelope.eventType, correlationId: envelope.correlationId, header: headerOf(record, RECORD_HEADERS.correlationId) }).toEqual({
        type: envelope.eventType,
        correlationId: CORRELATION,
        header: CORRELATION,
      });
      expect(parseTraceparent(envelope.traceparent)).toEqual({ traceId: CALLER_TRACE, parentId: requestSpan.parentId, traceFlags: '01' });
      expect(headerOf(record, RECORD_HEADERS.traceparent)).toBe(envelope.traceparent);
    }
    // The chain: the flag went across because of the match.
    const matched = crossed.WorkerMatched.envelope;
    const flagged = crossed.FeeBreachFlagged.envelope;
    expect(matched.causationId).toBe('');
    expect(headerOf(crossed.WorkerMatched.record, RECORD_HEADERS.causationId)).toBeUndefined();
    expect(flagged.causationId).toBe(matched.eventId);
    expect(headerOf(crossed.FeeBreachFlagged.record, RECORD_HEADERS.causationId)).toBe(matched.eventId);

    // Both countries' services applied them, each logging in the request's trace context.
    await timelineOf(th, worker.journeyId, 2, ['destination-officer']);
    const appliedBy = (event: EventEnvelope) => logsNaming(`applied ${event.eventType} ${event.eventId} `);
    const groupsOf = (lines: string[]) => lines.map((line) => /\(((kh|th)\.(journey|contracts|recruitment))[^)]*\)$/.exec(line)?.[1]).sort();
    const services = ['kh.contracts', 'kh.journey', 'th.contracts', 'th.journey', 'th.recruitment'];
    const matchedLines = await eventually(async () => {
      const lines = appliedBy(matched);
      return services.every((s) => groupsOf(lines).includes(s)) ? lines : undefined;
    }, 30_000, `WorkerMatched applied by ${services.join(', ')}`);
    await eventually(async () => (['kh.journey', 'th.journey'].every((s) => groupsOf(appliedBy(flagged)).includes(s)) ? true : undefined), 30_000, 'FeeBreachFlagged applied by both timelines');
    const httpLines = logsNaming(`POST /api/v1/job-orders/${jobOrderId}/matches 201 `);
    expect(httpLines).toHaveLength(1);

    const tag = `corr=${CORRELATION} trace=${CALLER_TRACE} `;
    for (const line of [...httpLines, ...matchedLines, ...appliedBy(flagged)]) expect(line).toContain(tag);
    // Nothing was logged about the request's events outside its context...
    for (const line of [...logsNaming(matched.eventId), ...logsNaming(flagged.eventId)]) expect(line).toContain(tag);
    // ...and every line in its context is one of its trace.
    expect(logsNaming(`corr=${CORRELATION} `).every((line) => line.includes(tag))).toBe(true);
    expect(logsNaming(`corr=${CORRELATION} `).length).toBeGreaterThanOrEqual(1 + services.length + 2);
    // The fee request's lines name its own correlation id, not this one.
    expect(logsNaming(inCountry.FeePaid.envelope.eventId).every((line) => line.includes(`corr=${FEE_CORRELATION} `))).toBe(true);
    expect(logsNaming(inCountry.FeePaid.envelope.eventId).length).toBeGreaterThanOrEqual(1);
  });
});
