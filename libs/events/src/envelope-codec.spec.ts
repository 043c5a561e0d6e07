import { create, toBinary } from '@bufbuild/protobuf';
import { EventEnvelopeSchema } from './generated/corridor/v1/common_pb';
import { Sex, WorkerRegisteredSchema } from './generated/corridor/v1/recruitment_pb';
import { UndecodableEventError, decodeEnvelope, decodePayload, encodeEvent, occurredAt } from './envelope-codec';

const registered = () =>
  encodeEvent({
    schema: WorkerRegisteredSchema,
    payload: create(WorkerRegisteredSchema, { workerId: 'w-1', sex: Sex.FEMALE, birthYear: 1998 }),
    journeyId: '01930000-0000-7000-8000-000000000001',
    corridor: { origin: 'KH' },
    recordedBy: { country: 'KH', officerId: 'o-1' },
    occurredAt: new Date('2026-11-23T10:00:00Z'),
  });

describe('event envelope codec', () => {
  it('round-trips an event with its envelope fields and payload', () => {
    const encoded = registered();
    const envelope = decodeEnvelope(encoded.bytes);
    expect(envelope).toMatchObject({ eventId: encoded.eventId, eventType: 'corridor.v1.WorkerRegistered', journeyId: encoded.journeyId });
    expect(envelope.correlationId).toBe(encoded.eventId);
    expect(occurredAt(envelope).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(decodePayload(envelope)?.message).toMatchObject({ workerId: 'w-1', sex: Sex.FEMALE, birthYear: 1998 });
  });

  it('mints UUIDv7 event ids, which sort by creation time', () => {
    const first = registered().eventId;
    const second = registered().eventId;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
  });

  it('refuses bytes that are not an envelope, as a poison record', () => {
    expect(() => decodeEnvelope(Buffer.from('not protobuf at all \xff\xff'))).toThrow(UndecodableEventError);
    expect(() => decodeEnvelope(Buffer.alloc(0))).toThrow(UndecodableEventError);
    expect(() => decodeEnvelope(toBinary(EventEnvelopeSchema, create(EventEnvelopeSchema, { eventType: 'x' })))).toThrow(/required/);
  });

  it('returns no payload for a type this build does not know, so consumers skip it', () => {
    const envelope = create(EventEnvelopeSchema, { eventId: 'e', eventType: 'corridor.v9.SomethingNew', journeyId: 'j', payload: new Uint8Array([8, 1]) });
    expect(decodePayload(envelope)).toBeUndefined();
  });
});
