import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { FeeBreachFlaggedSchema, FeeBreachResolvedSchema, buildEvent, type OutboxEvent } from '@corridor/events';
import type { CorridorEventServer } from '@corridor/messaging';
import { FEE_BREACH_LIFECYCLE } from '@corridor/state-machine';
import { bearer, deliverAndCollectWarnings, deliverEvent, dropTestDatabases, testNodeConfig, uniqueGroupId, uniqueName } from '@corridor/testing';
import { createJourneyApp } from '../../src/journey.service';

jest.setTimeout(90_000);

/**
 * The journey's flag is its copy of a fee breach: it is resolved along the breach's lifecycle, the
 * one the recruitment use cases apply. A second resolution is left out with their reason.
 */
const kh = testNodeConfig('KH');
const database = uniqueName('it_kh_journey_flags');
let app: INestApplication;
let events: CorridorEventServer;

const deliver = (built: OutboxEvent) => deliverEvent(events, built);

beforeAll(async () => {
  const service = await createJourneyApp(kh, { database, groupId: uniqueGroupId('KH', 'journey-flags') });
  app = service.app;
  events = service.events!;
});

afterAll(async () => {
  await app?.close();
  await dropTestDatabases(kh, database);
});


describe("a fee-breach flag follows the breach's lifecycle", () => {
  it('resolved by refund, a later decision is left out with the reason the recruitment use case gives', async () => {
    const journeyId = uuidv7();
    const breachId = uuidv7();
    const along = { stage: 'recruitment', by: { subject: 'officer-kh-1', country: 'KH' }, journeyId, corridor: { origin: 'KH' } } as const;
    await deliver(buildEvent({ ...along, schema: FeeBreachFlaggedSchema, payload: create(FeeBreachFlaggedSchema, { breachId, workerId: uuidv7(), reason: 'paid above the cap', blocksDeparture: true }) }));
    await deliver(buildEvent({ ...along, schema: FeeBreachResolvedSchema, payload: create(FeeBreachResolvedSchema, { breachId, resolution: 'refunded', reason: 'refunded in full' }) }));

    const decided = buildEvent({ ...along, schema: FeeBreachResolvedSchema, payload: create(FeeBreachResolvedSchema, { breachId, resolution: 'decision', reason: 'a decision after the refund' }) });
    // What DecideBreachUseCase answers for "decide" on a breach resolved by refund: the same table.
    const reason = FEE_BREACH_LIFECYCLE.refusal({ id: breachId, status: 'resolved-by-refund' }, 'decide')!;
    expect(reason.toProblem()).toMatchObject({ type: 'https://corridor.gms/problems/illegal-transition', currentState: 'resolved-by-refund', action: 'decide' });
    expect(await deliverAndCollectWarnings(events, decided)).toEqual({ outcome: 'applied', warnings: [`corridor.v1.FeeBreachResolved (event ${decided.event.eventId}) left out: ${reason.detail}`] });
    // The timeline shows every event that arrived; the flag keeps the resolution its lifecycle allowed.
    const timeline = await request(app.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', bearer('KH', ['ministry-officer'])).expect(200);
    expect(timeline.body.openFlags).toEqual([]);
    const db = new Client({ ...kh.postgres, database });
    await db.connect();
    try {
      expect((await db.query('SELECT resolution, resolution_reason FROM journey_flag WHERE flag_id = $1', [breachId])).rows).toEqual([{ resolution: 'refunded', resolution_reason: 'refunded in full' }]);
    } finally {
      await db.end();
    }
  });
});
