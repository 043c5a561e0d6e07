import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromBinary, toBinary, toJson, type JsonObject } from '@bufbuild/protobuf';
import { loadPersonDataKeys, openSealed } from '@corridor/crypto';
import { EVENT_CONTRACTS, EventEnvelopeSchema, PersonDataSchema, decodeEnvelope, decodePayload, encodeEvent, eventRegistry } from '@corridor/events';
import { eventCompatibilityProblems, loadImage, sampleMessage } from '@corridor/testing';

/**
 * Compatibility across contract versions, both ways, for every version recorded under
 * test/interop/fixtures/<label>/ (records.json: envelopes as that version's producers wrote them;
 * proto.binpb: that version's contracts, i.e. what a consumer built from it knows).
 */
interface RecordedEvent {
  eventType: string;
  envelope: string;
  envelopeJson: JsonObject;
  payloadJson: JsonObject;
  sealedPersonData?: { aad: string; recipientKeyId: string; personDataJson: JsonObject };
}

const fixturesDir = path.join(__dirname, 'fixtures');
const versions = readdirSync(fixturesDir).sort();

describe.each(versions)('contract version %s', (label) => {
  const recorded = JSON.parse(readFileSync(path.join(fixturesDir, label, 'records.json'), 'utf8')) as { records: RecordedEvent[] };
  const image = loadImage(path.join(fixturesDir, label, 'proto.binpb'));

  it('covers every event type that version had', () => {
    expect(recorded.records.length).toBeGreaterThanOrEqual(27);
    expect(recorded.records.every((r) => image.getMessage(r.eventType))).toBe(true);
  });

  it('the current consumer reads every record that version wrote, field for field', () => {
    for (const record of recorded.records) {
      const envelope = decodeEnvelope(Buffer.from(record.envelope, 'base64'));
      expect(toJson(EventEnvelopeSchema, envelope, { registry: eventRegistry })).toEqual(record.envelopeJson);
      const payload = decodePayload(envelope);
      expect(payload?.schema.typeName).toBe(record.eventType);
      expect({ type: record.eventType, json: toJson(payload!.schema, payload!.message as never) }).toEqual({ type: record.eventType, json: record.payloadJson });
    }
  });

  it('the current consumer opens the person data that version sealed for TH', () => {
    const sealedRecords = recorded.records.filter((r) => r.sealedPersonData);
    expect(sealedRecords.map((r) => r.eventType).sort()).toEqual(['corridor.v1.WorkerMatched', 'corridor.v1.WorkerNominated']);
    const th = loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH');
    for (const record of sealedRecords) {
      const envelope = decodeEnvelope(Buffer.from(record.envelope, 'base64'));
      expect(envelope.encryptionKeyId).toBe(record.sealedPersonData!.recipientKeyId);
      const payload = decodePayload(envelope)!.message as { sealedPersonData: Uint8Array };
      const plain = openSealed(payload.sealedPersonData, th.privateTransitKeys, new TextEncoder().encode(record.sealedPersonData!.aad));
      expect(toJson(PersonDataSchema, fromBinary(PersonDataSchema, plain))).toEqual(record.sealedPersonData!.personDataJson);
    }
  });

  it('a consumer built from that version reads every current event it knows, and the envelope', () => {
    const oldEnvelope = image.getMessage('corridor.v1.EventEnvelope')!;
    let known = 0;
    for (const contract of EVENT_CONTRACTS) {
      const old = image.getMessage(contract.eventType);
      if (!old) continue;
      known += 1;
      const sample = sampleMessage(contract.schema);
      const encoded = encodeEvent({ schema: contract.schema, payload: sample, journeyId: '0190a000-0000-7000-8000-00000000abcd', corridor: { origin: 'KH', destination: 'TH' }, recordedBy: { country: 'KH' } });
      const envelope = fromBinary(oldEnvelope, encoded.bytes) as unknown as { eventType: string; journeyId: string; payload: Uint8Array };
      expect(envelope.eventType).toBe(contract.eventType);
      expect(envelope.journeyId).toBe('0190a000-0000-7000-8000-00000000abcd');
      const readByOld = fromBinary(old, envelope.payload);
      const oldJson = toJson(old, readByOld) as JsonObject;
      const newJson = toJson(contract.schema, sample) as JsonObject;
      for (const [field, value] of Object.entries(oldJson)) expect({ type: contract.eventType, field, value }).toEqual({ type: contract.eventType, field, value: newJson[field] });
      // What it does not know, it keeps: re-encoded by the old consumer, nothing is lost.
      expect(toJson(contract.schema, fromBinary(contract.schema, toBinary(old, readByOld)))).toEqual(newJson);
    }
    expect(known).toBeGreaterThanOrEqual(27);
  });

  it('passes the event-level checks of tools/check-proto-breaking.sh', () => {
    expect(eventCompatibilityProblems(image)).toEqual([]);
  });
});
