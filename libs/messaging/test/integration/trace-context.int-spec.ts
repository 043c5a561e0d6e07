import { create } from '@bufbuild/protobuf';
import { Logger } from '@nestjs/common';
import type { Kafka, Producer, ProducerBatch } from 'kafkajs';
import { DataSource } from 'typeorm';
import { JobOrderApprovedSchema, RECORD_HEADERS, StageCaseOpenedSchema, buildEvent, decodeEnvelope, systemActor, type OutboxEvent } from '@corridor/events';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import { deliverEvent, dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { parseTraceparent, runInTraceContext, traceContextForRequest } from '@corridor/trace-context';
import { CorridorEventServer, InboxRecord, MessagingTables1763900000000, OutboxMessage, OutboxRelay, OutboxTraceContext1796294118448, type ReceivedEvent } from '../../src';

/**
 * An event published by a handler while it handles another carries the trace on: same correlation
 * id and trace, the consumed event as causation_id, the handler's own span as parent; the relay
 * repeats all three as record headers. On the real Postgres (outbox and inbox), Kafka replaced by
 * a producer that keeps what it is given.
 */
jest.setTimeout(60_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_messaging_trace');
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const journeyId = '0190a000-0000-7000-8000-0000000000aa';
const corridor = { origin: 'KH', destination: 'TH' };

let dataSource: DataSource;
let server: CorridorEventServer;
const woken: number[] = [];
const reactions: OutboxEvent[] = [];

beforeAll(async () => {
  // No service here sets the levels (createServiceApp does): keep the consumer's debug lines out.
  Logger.overrideLogger(['warn', 'error', 'fatal']);
  await ensureDatabase(config.postgres, database);
  dataSource = new DataSource(
    serviceDataSourceOptions({ server: config.postgres, database, entities: [OutboxMessage, InboxRecord], migrations: [MessagingTables1763900000000, OutboxTraceContext1796294118448] }),
  );
  await dataSource.initialize();
  await runMigrations(dataSource);
  server = new CorridorEventServer({ kafka: {} as Kafka, dataSource, groupId: 'kh.trace-test', topics: [], relay: { wake: () => woken.push(Date.now()) } });
  // A handler that reacts to an approved job order by opening a stage case, as a stage service would.
  server.addHandler(
    JobOrderApprovedSchema.typeName,
    async (event: ReceivedEvent) => {
      const reaction = buildEvent({
        stage: 'deployment',
        by: systemActor('KH', 'trace-test'),
        journeyId: event.envelope.journeyId,
        corridor,
        schema: StageCaseOpenedSchema,
        payload: create(StageCaseOpenedSchema, { stage: 'deployment', caseId: '0190a000-0000-7000-8000-0000000000bb', openedOn: '2025-01-15' }),
      });
      reactions.push(reaction);
      await event.publish(reaction.topic, reaction.event);
    },
    true,
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropTestDatabases(config, database);
});

describe('an event published while another is handled', () => {
  it('names it as causation_id and keeps its correlation id and trace, in the envelope, the outbox and the record headers', async () => {
    const request = traceContextForRequest({ correlationId: 'req-trace-1', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    const consumed = runInTraceContext(request, () =>
      buildEvent({ stage: 'recruitment', by: systemActor('TH', 'test'), journeyId, corridor, schema: JobOrderApprovedSchema, payload: create(JobOrderApprovedSchema, { jobOrderId: journeyId }) }),
    );
    expect(consumed.event).toMatchObject({ correlationId: 'req-trace-1', causationId: '' });

    expect(await deliverEvent(server, consumed)).toBe('applied');
    expect(reactions).toHaveLength(1);
    expect(woken).toHaveLength(1);
    const reaction = decodeEnvelope(reactions[0].event.bytes);
    expect(reaction).toMatchObject({ correlationId: 'req-trace-1', causationId: consumed.event.eventId });
    const consumedSpan = parseTraceparent(consumed.event.traceparent)!;
    const reactionSpan = parseTraceparent(reaction.traceparent)!;
    expect(consumedSpan).toEqual({ traceId: TRACE, parentId: request.spanId, traceFlags: '01' });
    expect(reactionSpan.traceId).toBe(TRACE);
    // A span of the handler's own, neither the request's nor the caller's.
    expect([request.spanId, '00f067aa0ba902b7']).not.toContain(reactionSpan.parentId);

    const [row] = await dataSource.getRepository(OutboxMessage).findBy({ eventId: reaction.eventId });
    expect(row).toMatchObject({ correlationId: 'req-trace-1', causationId: consumed.event.eventId, traceparent: reaction.traceparent, topic: 'corridor.kh-th.deployment.v1' });

    // The relay repeats them as headers, under the documented names; an event without a cause has no causation-id.
    const batches: ProducerBatch[] = [];
    const producer = { sendBatch: async (batch: ProducerBatch) => void batches.push(batch) } as unknown as Producer;
    await dataSource.getRepository(OutboxMessage).insert({
      eventId: consumed.event.eventId,
      eventType: consumed.event.eventType,
      topic: consumed.topic,
      recordKey: journeyId,
      correlationId: consumed.event.correlationId,
      causationId: consumed.event.causationId,
      traceparent: consumed.event.traceparent,
      payload: Buffer.from(consumed.event.bytes),
    });
    expect(await new OutboxRelay(dataSource, producer).flush()).toBe(2);
    const headers = Object.fromEntries(batches.flatMap((b) => b.topicMessages!.flatMap((t) => t.messages)).map((m) => [m.headers![RECORD_HEADERS.eventId], m.headers]));
    expect(headers[reaction.eventId]).toEqual({
      'event-type': 'corridor.v1.StageCaseOpened',
      'event-id': reaction.eventId,
      'correlation-id': 'req-trace-1',
      'causation-id': consumed.event.eventId,
      traceparent: reaction.traceparent,
    });
    expect(headers[consumed.event.eventId]).toEqual({ 'event-type': 'corridor.v1.JobOrderApproved', 'event-id': consumed.event.eventId, 'correlation-id': 'req-trace-1', traceparent: consumed.event.traceparent });
  });

  it('a redelivery is a duplicate and publishes nothing again', async () => {
    const consumed = buildEvent({ stage: 'recruitment', by: systemActor('TH', 'test'), journeyId, corridor, schema: JobOrderApprovedSchema, payload: create(JobOrderApprovedSchema, { jobOrderId: journeyId }) });
    const before = reactions.length;
    expect(await deliverEvent(server, consumed)).toBe('applied');
    expect(await deliverEvent(server, consumed)).toBe('duplicate');
    expect(reactions).toHaveLength(before + 1);
    expect(await dataSource.getRepository(OutboxMessage).countBy({ causationId: consumed.event.eventId })).toBe(1);
  });
});
