import { create, fromBinary } from '@bufbuild/protobuf';
import { parseTraceparent, runInTraceContext, traceContextForEvent, traceContextForRequest } from '@corridor/trace-context';
import { buildEvent, systemActor } from './event-builder';
import { EventEnvelopeSchema } from './generated/corridor/v1/common_pb';
import { AgencyRegisteredSchema } from './generated/corridor/v1/recruitment_pb';

const officer = { subject: 'officer-kh-1', country: 'KH', agencyId: 'a-1', roles: ['agency-staff'] };
const payload = create(AgencyRegisteredSchema, { agencyId: 'a-1', name: 'Mekong Manpower' });

describe('buildEvent, the one way to build an event', () => {
  it('records the officer as the envelope recorder and keeps an event without destination in the country', () => {
    const { topic, event } = buildEvent({ stage: 'recruitment', by: officer, journeyId: 'j-1', corridor: { origin: 'KH' }, schema: AgencyRegisteredSchema, payload });
    expect(topic).toBe('country.kh.recruitment.v1');
    const envelope = fromBinary(EventEnvelopeSchema, event.bytes);
    expect(envelope.recordedBy).toMatchObject({ country: 'KH', agencyId: 'a-1', officerId: 'officer-kh-1' });
    expect(envelope.corridor).toMatchObject({ origin: 'KH', destination: '' });
    expect([envelope.journeyId, envelope.eventType]).toEqual(['j-1', 'corridor.v1.AgencyRegistered']);
    expect(fromBinary(AgencyRegisteredSchema, envelope.payload).name).toBe('Mekong Manpower');
  });

  it('sends an event with a destination along the corridor, and names a system actor as system:<name>', () => {
    const { topic, event } = buildEvent({ stage: 'contracts', by: systemActor('TH', 'fee-cap'), journeyId: 'j-1', corridor: { origin: 'KH', destination: 'TH' }, schema: AgencyRegisteredSchema, payload, encryptionKeyId: 'th-1' });
    expect(topic).toBe('corridor.kh-th.contracts.v1');
    const envelope = fromBinary(EventEnvelopeSchema, event.bytes);
    expect(envelope.recordedBy).toMatchObject({ country: 'TH', agencyId: '', officerId: 'system:fee-cap' });
    expect(envelope.encryptionKeyId).toBe('th-1');
  });
});

describe('buildEvent carries the trace context of the work in progress', () => {
  const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
  const build = (causedBy?: { eventId: string }) =>
    buildEvent({ stage: 'recruitment', by: officer, journeyId: 'j-1', corridor: { origin: 'KH', destination: 'TH' }, schema: AgencyRegisteredSchema, payload, causedBy });

  it('in a request: its correlation id, and its trace with the request span as parent; no cause', () => {
    const request = traceContextForRequest({ correlationId: 'req-42', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    const { event } = runInTraceContext(request, () => build());
    const envelope = fromBinary(EventEnvelopeSchema, event.bytes);
    expect(envelope).toMatchObject({ correlationId: 'req-42', causationId: '', traceparent: `00-${TRACE}-${request.spanId}-01` });
    expect(event).toMatchObject({ correlationId: 'req-42', causationId: '', traceparent: envelope.traceparent });
  });

  it('while an event is handled: caused by it, same correlation and trace, the handler span as parent', () => {
    const handling = traceContextForEvent({ eventId: 'consumed-1', correlationId: 'req-42', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    const envelope = fromBinary(EventEnvelopeSchema, runInTraceContext(handling, () => build()).event.bytes);
    expect(envelope).toMatchObject({ correlationId: 'req-42', causationId: 'consumed-1', traceparent: `00-${TRACE}-${handling.spanId}-01` });
    expect(handling.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('names the event of the same change it follows from as its cause', () => {
    const request = traceContextForRequest({ correlationId: 'req-42' });
    const [first, second] = runInTraceContext(request, () => {
      const paid = build();
      return [paid, build(paid.event)];
    });
    expect(second.event.causationId).toBe(first.event.eventId);
    expect(fromBinary(EventEnvelopeSchema, second.event.bytes).causationId).toBe(first.event.eventId);
    expect(second.event.correlationId).toBe('req-42');
  });

  it('outside any: correlated by its own id, in a new trace of its own', () => {
    const { event } = build();
    const envelope = fromBinary(EventEnvelopeSchema, event.bytes);
    expect(envelope.correlationId).toBe(envelope.eventId);
    expect(envelope.causationId).toBe('');
    expect(parseTraceparent(envelope.traceparent)).toMatchObject({ traceFlags: '01' });
    expect(parseTraceparent(build().event.traceparent)?.traceId).not.toBe(parseTraceparent(envelope.traceparent)?.traceId);
  });
});
