import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { create, fromBinary, toBinary, toJson, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { encodeSealed, loadPersonDataKeys, sealForCountry } from '@corridor/crypto';
import { EVENT_CONTRACTS, EventEnvelopeSchema, PersonDataSchema, decodeEnvelope, encodeEvent, eventRegistry } from '@corridor/events';
import { sampleMessage } from '@corridor/testing';

/**
 * Records what this version of the code writes: one envelope per event type, with sample
 * payloads and (for person data) a block sealed for TH's development key. The fixtures are
 * committed per contract version under test/interop/fixtures/<label>/ and decoded by every later
 * version (test/interop/compatibility.spec.ts). Run once per landed contract version:
 *   node -r @swc-node/register test/interop/record-fixtures.ts <label>
 */
const label = process.argv[2];
if (!label || !/^[a-z0-9.-]+$/.test(label)) throw new Error('usage: record-fixtures.ts <label>, e.g. corridor-v1-7f736fb');

// Every event of the registry (the (corridor.v1.event) option). The first set, corridor-v1-7f736fb,
// was recorded before the option existed, with every message not used as a field (nor PersonData).
const events: DescMessage[] = EVENT_CONTRACTS.map((contract) => contract.schema);

const th = loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH');
const kh = loadPersonDataKeys({ NODE_ENV: 'test' }, 'KH');
const person = create(PersonDataSchema, {
  fullName: 'ចាន់ សុភា',
  fullNameLatin: 'Chan Sophea',
  birthDate: '1996-11-02',
  documentType: 'passport',
  documentNumber: 'NK7781234',
  documentExpiry: '2031-05-30',
  nationality: 'KH',
});

const records = events.map((schema, index) => {
  const journeyId = `0190a000-0000-7000-8000-${String(index).padStart(12, '0')}`;
  let sealed = false;
  const bytesFor = (field: DescField): Uint8Array => {
    if (field.name !== 'sealed_person_data') return Uint8Array.of(1, 2, 3);
    sealed = true;
    return encodeSealed(sealForCountry(toBinary(PersonDataSchema, person), kh.publicKeyOf('TH'), new TextEncoder().encode(journeyId)));
  };
  const payload = sampleMessage(schema, bytesFor);
  const encoded = encodeEvent({
    schema,
    payload,
    journeyId,
    corridor: { origin: 'KH', destination: 'TH' },
    recordedBy: { country: 'KH', agencyId: 'agency-1', officerId: 'officer-1' },
    occurredAt: new Date(Date.UTC(2025, 0, 15, 8, 30, index)),
    encryptionKeyId: sealed ? th.activeTransitKey.keyId : undefined,
    // Trace context as a request that caused them all, each after the one before, would leave it.
    correlationId: 'fixture-request-1',
    causationId: index > 0 ? `0190a000-0000-7000-8000-${String(index - 1).padStart(12, '0')}` : undefined,
    traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${(index + 1).toString(16).padStart(16, '0')}-01`,
  });
  const envelope = decodeEnvelope(encoded.bytes);
  return {
    eventType: encoded.eventType,
    envelope: Buffer.from(encoded.bytes).toString('base64'),
    envelopeJson: toJson(EventEnvelopeSchema, envelope, { registry: eventRegistry }),
    payloadJson: toJson(schema, fromBinary(schema, envelope.payload), { registry: eventRegistry }),
    ...(sealed ? { sealedPersonData: { aad: journeyId, recipientKeyId: th.activeTransitKey.keyId, personDataJson: toJson(PersonDataSchema, person) } } : {}),
  };
});

const dir = path.join(__dirname, 'fixtures', label);
mkdirSync(dir, { recursive: true });
// The contracts as this version had them: what a consumer built from this version knows.
execFileSync('npx', ['buf', 'build', '-o', path.join(dir, 'proto.binpb')], { stdio: 'inherit' });
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
writeFileSync(
  path.join(dir, 'records.json'),
  `${JSON.stringify({ label, recordedAtCommit: commit, note: 'Envelopes as the producers of this version wrote them; never edit, record a new label instead.', records }, null, 2)}\n`,
);
console.log(`${records.length} records written to ${path.relative(process.cwd(), dir)}/records.json`);
