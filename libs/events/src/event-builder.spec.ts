import { create, fromBinary } from '@bufbuild/protobuf';
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
