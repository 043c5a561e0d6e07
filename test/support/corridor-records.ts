import { fromBinary } from '@bufbuild/protobuf';
import { STAGES, corridorTopic, decodeEnvelope, eventContract } from '@corridor/events';
import { readTopic, testNodeConfig, type ReadRecord } from '@corridor/testing';

/** A journey's records on the origin→destination topics of every stage, once there are `atLeast` of them (read as the cluster admin). */
export async function corridorRecordsOf(journeyId: string, atLeast: number, origin = 'KH', destination = 'TH'): Promise<ReadRecord[]> {
  const topics = STAGES.map((stage) => corridorTopic(origin, destination, stage));
  const mine = (all: ReadRecord[]) => all.filter((r) => r.message.key?.toString() === journeyId);
  // From the beginning of topics every suite of the run writes to: the time this takes grows with the run.
  return mine(await readTopic(testNodeConfig(origin).kafkaBrokers, topics, (all) => mine(all).length >= atLeast, 60_000));
}

/**
 * What a record carries of the worker's person data: the key it names and the sealed block, read
 * through the event contract (`undefined`: the event has no person-data field at all).
 */
export function sealedPersonDataOf(record: ReadRecord): { eventType: string; encryptionKeyId: string; sealed: Uint8Array | undefined } {
  const envelope = decodeEnvelope(record.message.value);
  const contract = eventContract(envelope.eventType);
  if (!contract) throw new Error(`${envelope.eventType} is not in the event catalog`);
  const payload = fromBinary(contract.schema, envelope.payload) as { sealedPersonData?: Uint8Array };
  return { eventType: envelope.eventType, encryptionKeyId: envelope.encryptionKeyId, sealed: contract.carriesPersonData ? payload.sealedPersonData : undefined };
}
