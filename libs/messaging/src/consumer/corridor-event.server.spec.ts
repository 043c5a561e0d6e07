import { create } from '@bufbuild/protobuf';
import type { EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { Sex, WorkerRegisteredSchema, encodeEvent } from '@corridor/events';
import { CorridorEventServer } from './corridor-event.server';

/** A consumer whose database answers as `transaction` says, and whose dead letters are kept in `parked`. */
function consumerOver(transaction: () => Promise<unknown>) {
  const parked: unknown[] = [];
  const server = new CorridorEventServer({
    kafka: {} as Kafka,
    dataSource: { transaction } as unknown as DataSource,
    groupId: 'kh.journey',
    topics: ['country.kh.recruitment.v1'],
    retry: { maxAttempts: 3, initialMs: 1, maxMs: 2 },
  });
  server.addHandler(WorkerRegisteredSchema.typeName, async () => undefined, true);
  const deadLetterProducer: Pick<Producer, 'send'> = { send: async (record) => (parked.push(record), []) };
  Object.assign(server, { deadLetterProducer });
  return { server, parked };
}

function aRecord(): EachMessagePayload {
  const event = encodeEvent({
    schema: WorkerRegisteredSchema,
    payload: create(WorkerRegisteredSchema, { workerId: 'w-1', sex: Sex.FEMALE, birthYear: 1998, nationality: 'KH', intendedDestination: 'TH', occupationIsco: '9333' }),
    journeyId: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c',
    corridor: { origin: 'KH' },
    recordedBy: { country: 'KH', officerId: 'officer-1' },
  });
  return {
    topic: 'country.kh.recruitment.v1',
    partition: 0,
    message: { key: Buffer.from(event.journeyId), value: Buffer.from(event.bytes), offset: '7', timestamp: '0', attributes: 0, headers: {} },
    heartbeat: async () => undefined,
    pause: () => () => undefined,
  };
}

describe('a consumer and the database out of reach', () => {
  it('a record that meets the database restarting waits for it, past the attempts a failing handler gets, and is applied, never dead-lettered', async () => {
    let calls = 0;
    const { server, parked } = consumerOver(async () => {
      calls += 1;
      if (calls <= 6) throw Object.assign(new Error('the database system is shutting down'), { code: '57P03' });
      return 'applied';
    });
    await expect(server.processRecord(aRecord())).resolves.toBe('applied');
    expect(calls).toBe(7);
    expect(parked).toEqual([]);
  });

  it('a handler that keeps failing for another reason is dead-lettered after its attempts', async () => {
    let calls = 0;
    const { server, parked } = consumerOver(async () => {
      calls += 1;
      throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    });
    await expect(server.processRecord(aRecord())).resolves.toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(parked).toHaveLength(1);
  });
});
