import { readFileSync } from 'node:fs';
import { createFileRegistry, fromBinary, getOption, hasOption, toBinary, toJson, type DescMessage, type FileRegistry, type JsonObject } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { EVENT_CONTRACTS, decodeEnvelope, decodePayload, encodeEvent, event as eventOption, eventContract } from '@corridor/events';
import { sampleMessage } from './sample-events';

/**
 * Event-level compatibility between the contracts of this tree and an older image of proto/
 * (the committed baseline, or the image recorded with a fixture set): what buf's rules cannot see.
 */

/** The descriptors of an image written by `buf build -o` (imports included). */
export function loadImage(file: string): FileRegistry {
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(file)));
}

function messagesOf(registry: FileRegistry): DescMessage[] {
  const out: DescMessage[] = [];
  for (const file of registry.files) {
    const walk = (messages: readonly DescMessage[]) => messages.forEach((m) => (out.push(m), walk(m.nestedMessages)));
    walk(file.messages);
  }
  return out;
}

/** Events an older image declares: the messages with the (corridor.v1.event) option. */
export function eventTypesOf(registry: FileRegistry): string[] {
  return messagesOf(registry)
    .filter((m) => hasOption(m, eventOption))
    .map((m) => m.typeName);
}

// Every field the older reader knows holds what the newer writer wrote (JSON names and enum names
// are part of the contract, so compare in the JSON form).
function subsetProblems(eventType: string, direction: string, known: JsonObject, full: JsonObject): string[] {
  return Object.keys(known)
    .filter((key) => JSON.stringify(known[key]) !== JSON.stringify(full[key]))
    .map((key) => `${eventType}: ${direction}: field ${key} reads ${JSON.stringify(known[key])}, was written as ${JSON.stringify(full[key])}`);
}

/**
 * Problems between the current registry and an older image; empty when every event the image
 * knows is still an event with the same stage, visibility and key, a consumer built from the
 * image reads every current event (and keeps the fields it does not know), and the current
 * consumer reads what a producer built from the image writes.
 */
export function eventCompatibilityProblems(image: FileRegistry): string[] {
  const problems: string[] = [];
  const oldEvents = eventTypesOf(image);
  for (const eventType of oldEvents) {
    const current = eventContract(eventType);
    if (!current) {
      problems.push(`${eventType} was an event and is not one any more (deleted, renamed or its (corridor.v1.event) option removed)`);
      continue;
    }
    const old = messagesOf(image).find((m) => m.typeName === eventType)!;
    const was = getOption(old, eventOption);
    const now = getOption(current.schema, eventOption);
    if (was.stage !== now.stage || was.visibility !== now.visibility || was.key !== now.key) {
      problems.push(`${eventType}: its stage, visibility or record key changed: consumers would look for it on other topics or partitions`);
    }
  }
  for (const contract of EVENT_CONTRACTS) {
    const old = image.getMessage(contract.eventType);
    if (!old) continue; // new in this version: nothing older can know it
    // Newer writer, older reader, and back through the older writer (unknown fields kept).
    const sample = sampleMessage(contract.schema);
    const written = toBinary(contract.schema, sample);
    try {
      const readByOld = fromBinary(old, written);
      problems.push(...subsetProblems(contract.eventType, 'old consumer, new record', toJson(old, readByOld) as JsonObject, toJson(contract.schema, sample) as JsonObject));
      const passedOn = fromBinary(contract.schema, toBinary(old, readByOld));
      if (JSON.stringify(toJson(contract.schema, passedOn)) !== JSON.stringify(toJson(contract.schema, sample))) {
        problems.push(`${contract.eventType}: an old consumer that re-encodes a new record loses fields`);
      }
      // Older writer, newer reader.
      const oldSample = sampleMessage(old);
      const readByNew = fromBinary(contract.schema, toBinary(old, oldSample));
      problems.push(...subsetProblems(contract.eventType, 'new consumer, old record', toJson(old, oldSample) as JsonObject, toJson(contract.schema, readByNew) as JsonObject));
    } catch (error) {
      problems.push(`${contract.eventType}: does not decode across versions: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Every event type of the registry goes through the envelope codec and decodes back by its type name. */
export function registryDecodeProblems(): string[] {
  const problems: string[] = [];
  for (const contract of EVENT_CONTRACTS) {
    const payload = sampleMessage(contract.schema);
    const encoded = encodeEvent({ schema: contract.schema, payload, journeyId: '0190a000-0000-7000-8000-000000000001', corridor: { origin: 'KH', destination: 'TH' }, recordedBy: { country: 'KH' } });
    const decoded = decodePayload(decodeEnvelope(encoded.bytes));
    if (!decoded || decoded.schema.typeName !== contract.eventType) problems.push(`${contract.eventType}: the registry cannot decode it by its event_type`);
    else if (JSON.stringify(toJson(contract.schema, decoded.message as never)) !== JSON.stringify(toJson(contract.schema, payload))) {
      problems.push(`${contract.eventType}: does not round-trip through the envelope`);
    }
  }
  return problems;
}
