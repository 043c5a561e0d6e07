import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  EventEnvelopeSchema,
  Sex,
  WorkerRegisteredSchema,
  countryTopic,
  deadLetterTopic,
  encodeEvent,
  type EncodedEvent,
} from '@corridor/events';
import { DLQ_HEADERS, type CorridorEventServer } from '@corridor/messaging';
import { bearer, dropTestDatabases, eventually, expectServiceLogs, readTopic, testNodeConfig, uniqueName, type ReadRecord, headerOf, readTopicToEnd, observeOutcomes, startConsumerGroupAtEnd, type ObservedRecord, type RecordOutcome, uniqueGroupId, testKafka } from '@corridor/testing';
import { createJourneyApp, journeyTopics } from '../../src/journey.service';

jest.setTimeout(120_000);

// A node no other suite runs: the poison records below must reach this suite's consumer only, not
// the KH journey consumers other suites run at the same time (they would dead-letter them too).
const NODE = 'MM';
const node = testNodeConfig(NODE);
const topic = countryTopic(NODE, 'recruitment');
const dlq = deadLetterTopic(topic);
const database = uniqueName('it_kh_journey_once');
const groupId = uniqueGroupId(NODE, 'journey-once');
const retry = { maxAttempts: 3, initialMs: 50, maxMs: 200 };

type Outcome = RecordOutcome;
type Observed = ObservedRecord;

let app: INestApplication;
let events: CorridorEventServer;
let observed: Observed[];
let kafka: Kafka;
let producer: Producer;
let db: Client;

function outcomesOf(eventId: string): Outcome[] {
  return observed.filter((o) => o.eventId === eventId).map((o) => o.outcome);
}

/**
 * Checks a counter of `events.stats` against the outcomes observed since `mark`: other suites
 * publish to the same topic at the same time, so the counter may also move for their records,
 * but never by more or less than what this consumer processed.
 */
async function expectCounterMatchesObserved(counter: keyof CorridorEventServer['stats'], before: number, mark: number, outcome: Outcome) {
  await eventually(
    async () => (events.stats[counter] - before === observed.slice(mark).filter((o) => o.outcome === outcome).length ? true : undefined),
    5_000,
    `stats.${counter} consistent with the records processed`,
  );
}

function workerRegistered(journeyId: string): EncodedEvent {
  return encodeEvent({
    schema: WorkerRegisteredSchema,
    journeyId,
    corridor: { origin: NODE },
    recordedBy: { country: NODE, officerId: 'officer-mm-1' },
    payload: create(WorkerRegisteredSchema, {
      workerId: randomUUID(),
      sex: Sex.FEMALE,
      birthYear: 1998,
      nationality: 'KH',
      intendedDestination: 'TH',
      occupationIsco: '9333',
      consentToProcess: true,
      consentToShare: true,
    }),
  });
}

function headersOf(event: Pick<EncodedEvent, 'eventId' | 'eventType'>): IHeaders {
  return { 'event-id': event.eventId, 'event-type': event.eventType };
}

async function produce(key: string, value: Uint8Array, headers: IHeaders = {}): Promise<void> {
  await producer.send({ topic, acks: -1, messages: [{ key, value: Buffer.from(value), headers }] });
}

async function timeline(journeyId: string): Promise<request.Response> {
  return request(app.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', bearer(NODE, ['ministry-officer']));
}

async function timelineWhenPresent(journeyId: string, what: string) {
  return eventually(
    async () => {
      const response = await timeline(journeyId);
      return response.status === 200 ? (response.body as { entries: { eventId: string; eventType: string; details: Record<string, unknown> }[] }) : undefined;
    },
    30_000,
    what,
  );
}

beforeAll(async () => {
  kafka = testKafka('effectively-once-test', node.kafkaBrokers, NODE);
  await startConsumerGroupAtEnd(node.kafkaBrokers, groupId, journeyTopics(node));
  const service = await createJourneyApp(node, { database, groupId, retry });
  app = service.app;
  events = service.events!;
  observed = observeOutcomes(events);
  await events.whenAssigned();
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  db = new Client({ ...node.postgres, database });
  await db.connect();
});

afterAll(async () => {
  await producer?.disconnect().catch(() => undefined);
  await db?.end().catch(() => undefined);
  await app?.close();
  await dropTestDatabases(node, database);
});

describe('the journey consumer applies each event effectively once', () => {
  it('an event delivered twice has one effect', async () => {
    const journeyId = randomUUID();
    const event = workerRegistered(journeyId);
    const duplicatesBefore = events.stats.duplicates;
    const mark = observed.length;

    // The very same bytes twice, as a producer retry or a relay crash would deliver them.
    await produce(journeyId, event.bytes, headersOf(event));
    await produce(journeyId, event.bytes, headersOf(event));

    await eventually(async () => (outcomesOf(event.eventId).length >= 2 ? true : undefined), 30_000, 'both copies consumed');
    expect(outcomesOf(event.eventId)).toEqual(['applied', 'duplicate']);

    const body = await timelineWhenPresent(journeyId, 'the event on the timeline');
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({ eventId: event.eventId, eventType: 'corridor.v1.WorkerRegistered' });
    const rows = await db.query('SELECT count(*)::int AS n FROM timeline_entry WHERE journey_id = $1', [journeyId]);
    expect(rows.rows[0].n).toBe(1);
    const inbox = await db.query('SELECT consumer_group FROM inbox WHERE event_id = $1', [event.eventId]);
    expect(inbox.rows).toEqual([{ consumer_group: groupId }]);

    // The duplicate was counted, once; other suites' duplicates on the shared topic are accounted for.
    expect(observed.slice(mark).filter((o) => o.outcome === 'duplicate' && o.eventId === event.eventId)).toHaveLength(1);
    await expectCounterMatchesObserved('duplicates', duplicatesBefore, mark, 'duplicate');
    expect(events.stats.duplicates).toBeGreaterThanOrEqual(duplicatesBefore + 1);
  });

  it('a record that cannot be decoded goes to the .dlq topic and later records are still processed', async () => {
    const key = randomUUID();
    const garbage = Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]), Buffer.from('this is not a protobuf envelope')]);
    const next = workerRegistered(randomUUID());
    const deadLetteredBefore = events.stats.deadLettered;
    const mark = observed.length;
    const logs = expectServiceLogs(/dead-lettered/);

    // Same key, so same partition: the valid record waits behind the undecodable one.
    await produce(key, garbage);
    await produce(key, next.bytes, headersOf(next));

    const body = await timelineWhenPresent(next.journeyId, 'the record after the undecodable one');
    expect(body.entries.map((e) => e.eventId)).toEqual([next.eventId]);
    expect(observed.filter((o) => o.key === key).map((o) => o.outcome)).toEqual(['dead-lettered', 'applied']);
    await expectCounterMatchesObserved('deadLettered', deadLetteredBefore, mark, 'dead-lettered');

    const mine = (r: ReadRecord) => r.message.key?.toString() === key && headerOf(r, DLQ_HEADERS.group) === groupId;
    const parked = (await readTopic(node.kafkaBrokers, [dlq], (records) => records.some(mine), 30_000)).filter(mine);
    expect(parked).toHaveLength(1);
    const [record] = parked;
    expect(Buffer.compare(record.message.value!, garbage)).toBe(0);
    expect(headerOf(record, DLQ_HEADERS.error)).toContain('not a corridor.v1.EventEnvelope');
    expect(headerOf(record, DLQ_HEADERS.errorType)).toBe('UndecodableEventError');
    expect(headerOf(record, DLQ_HEADERS.topic)).toBe(topic);
    expect(headerOf(record, DLQ_HEADERS.group)).toBe(groupId);
    // Undecodable bytes can never succeed: parked at once, not retried.
    expect(headerOf(record, DLQ_HEADERS.attempts)).toBe('1');
    expect(Number(headerOf(record, DLQ_HEADERS.offset))).toBeGreaterThanOrEqual(0);
    // Operators see it as an error, once (kept out of the test output as expected).
    const where = `${topic}/${headerOf(record, DLQ_HEADERS.partition)}@${headerOf(record, DLQ_HEADERS.offset)}`;
    expect(logs.matching(new RegExp(`record ${where} dead-lettered after 1 attempt`)).map((line) => line.level)).toEqual(['error']);
  });

  it('a handler that keeps failing is retried, then dead-lettered, and later records are still processed', async () => {
    const failing = workerRegistered(randomUUID());
    const next = workerRegistered(randomUUID());
    const logs = expectServiceLogs(/dead-lettered/);
    // The read model already holds a row with this event id (e.g. written by hand during an
    // incident): the projection's insert violates the primary key on every attempt.
    await db.query(`INSERT INTO journey (id, origin, opened_at) VALUES ($1, '${NODE}', now())`, [failing.journeyId]);
    await db.query(
      `INSERT INTO timeline_entry (event_id, journey_id, event_type, stage, occurred_at, recorded_by_country, topic, details)
       VALUES ($1, $2, 'corridor.v1.Manual', 'recruitment', now(), '${NODE}', 'manual', '{}')`,
      [failing.eventId, failing.journeyId],
    );

    await produce(failing.journeyId, failing.bytes, headersOf(failing));
    await produce(failing.journeyId, next.bytes, headersOf(next));

    const body = await timelineWhenPresent(next.journeyId, 'the record after the failing one');
    expect(body.entries.map((e) => e.eventId)).toEqual([next.eventId]);
    expect(outcomesOf(failing.eventId)).toEqual(['dead-lettered']);
    expect(outcomesOf(next.eventId)).toEqual(['applied']);

    // Each attempt rolled back, inbox entry included: a replay from the DLQ would be applied.
    const inbox = await db.query('SELECT 1 FROM inbox WHERE event_id = $1', [failing.eventId]);
    expect(inbox.rowCount).toBe(0);
    const manual = await db.query('SELECT event_type FROM timeline_entry WHERE journey_id = $1', [failing.journeyId]);
    expect(manual.rows).toEqual([{ event_type: 'corridor.v1.Manual' }]);

    const mine = (r: ReadRecord) => headerOf(r, 'event-id') === failing.eventId && headerOf(r, DLQ_HEADERS.group) === groupId;
    const parked = (await readTopic(node.kafkaBrokers, [dlq], (records) => records.some(mine), 30_000)).filter(mine);
    expect(parked).toHaveLength(1);
    const [record] = parked;
    expect(Buffer.compare(record.message.value!, Buffer.from(failing.bytes))).toBe(0);
    expect(record.message.key?.toString()).toBe(failing.journeyId);
    expect(headerOf(record, DLQ_HEADERS.attempts)).toBe(String(retry.maxAttempts));
    expect(headerOf(record, DLQ_HEADERS.topic)).toBe(topic);
    expect(headerOf(record, DLQ_HEADERS.group)).toBe(groupId);
    // The event transport's PassThroughRpcErrorsFilter must reach the handlers, or Nest's default
    // RPC filter would turn every error into "Internal server error" before it reaches the DLQ:
    // the headers name the handler error (the database constraint), not "[object Object]".
    expect(headerOf(record, DLQ_HEADERS.error)).toMatch(/duplicate key value violates unique constraint "timeline_entry_pkey"/);
    expect(headerOf(record, DLQ_HEADERS.errorType)).toBe('QueryFailedError');
    const where = `${topic}/${headerOf(record, DLQ_HEADERS.partition)}@${headerOf(record, DLQ_HEADERS.offset)}`;
    expect(logs.matching(new RegExp(`record ${where} dead-lettered after ${retry.maxAttempts} attempt`)).map((line) => line.level)).toEqual(['error']);
  });

  it('unknown event types and unknown fields are ignored', async () => {
    const journeyId = randomUUID();
    const unknownTypesBefore = events.stats.unknownTypes;
    const mark = observed.length;

    // A newer node's event type: a well-formed envelope this build has no schema or handler for.
    const newer = fromBinary(EventEnvelopeSchema, workerRegistered(journeyId).bytes);
    newer.eventType = 'corridor.v9.SomethingNew';
    newer.payload = new Uint8Array([0x0a, 0x03, 0x6e, 0x65, 0x77]);
    const newerBytes = toBinary(EventEnvelopeSchema, newer);

    // A WorkerRegistered from a newer schema: unknown fields appended to the payload (field 99
    // varint, field 100 length-delimited) and to the envelope (field 99 varint).
    const known = workerRegistered(journeyId);
    const envelope = fromBinary(EventEnvelopeSchema, known.bytes);
    const extraFields = Buffer.from([0x98, 0x06, 0x2a, 0xa2, 0x06, 0x03, 0x61, 0x62, 0x63]);
    envelope.payload = Buffer.concat([envelope.payload, extraFields]);
    const extendedBytes = Buffer.concat([Buffer.from(toBinary(EventEnvelopeSchema, envelope)), Buffer.from([0x98, 0x06, 0x07])]);
    const payloadWithExtras = fromBinary(EventEnvelopeSchema, extendedBytes).payload;
    expect(Buffer.from(payloadWithExtras).subarray(-extraFields.length)).toEqual(extraFields);

    await produce(journeyId, newerBytes, headersOf(newer));
    await produce(journeyId, extendedBytes, headersOf(known));

    const body = await timelineWhenPresent(journeyId, 'the event with unknown fields on the timeline');
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({
      eventId: known.eventId,
      eventType: 'corridor.v1.WorkerRegistered',
      details: { sex: 'SEX_FEMALE', birthYear: 1998, intendedDestination: 'TH', nationality: 'KH' },
    });
    expect(outcomesOf(newer.eventId)).toEqual(['unknown-type']);
    expect(outcomesOf(known.eventId)).toEqual(['applied']);
    await expectCounterMatchesObserved('unknownTypes', unknownTypesBefore, mark, 'unknown-type');
    expect(events.stats.unknownTypes).toBeGreaterThanOrEqual(unknownTypesBefore + 1);

    // Skipped, not parked: the dead-letter topic holds nothing of this journey from this group.
    const parked = (await readTopicToEnd(node.kafkaBrokers, [dlq])).filter((r) => r.message.key?.toString() === journeyId);
    expect(parked).toEqual([]);
  });
});
