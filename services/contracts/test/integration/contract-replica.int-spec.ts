import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ContractDraftedSchema, ContractSide, ContractVerifiedSchema, JobOrderCreatedSchema, JobOrderVerifiedSchema, buildEvent, type OutboxEvent } from '@corridor/events';
import type { CorridorEventServer } from '@corridor/messaging';
import { JOB_ORDER_LIFECYCLE } from '@corridor/state-machine';
import { aJobOrder, deliverAndCollectWarnings, deliverEvent, dropTestDatabases, testNodeConfig, thDestination, uniqueName } from '@corridor/testing';
import { createContractsApp } from '../../src/contracts.service';
import { STANDARD_TEMPLATE_DEFAULTS, termsToMessage } from '../../src/contracts/contract-terms';

jest.setTimeout(90_000);

/**
 * The destination's contracts service keeps replicas of KH's contracts and of the job orders of
 * its corridors. Both go through the state machines the use cases apply: an event they forbid in
 * the state held here is left out, logged with the reason the use case answers with.
 */
const th = testNodeConfig('TH');
const thDb = uniqueName('it_th_contracts_replica');
const P = 'https://corridor.gms/problems/';
const byKh = { subject: 'officer-kh-1', country: 'KH' };
const corridor = { origin: 'KH', destination: 'TH' };
let app: INestApplication;
let events: CorridorEventServer;
let db: Client;

const deliver = (built: OutboxEvent) => deliverEvent(events, built);

beforeAll(async () => {
  const service = await createContractsApp(th, { database: thDb });
  app = service.app;
  events = service.events!;
  db = new Client({ ...th.postgres, database: thDb });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await app?.close();
  await dropTestDatabases(th, thDb);
});


/** Delivers the event and returns what the replica logged about it. */
async function deliverAndWatch(built: OutboxEvent): Promise<string[]> {
  const { outcome, warnings } = await deliverAndCollectWarnings(events, built);
  expect(outcome).toBe('applied');
  return warnings;
}

describe("the contracts service's replicas apply the use cases' state machines", () => {
  it("a verification of a draft is left out, with the very reason TH's own verification gets", async () => {
    const contractId = uuidv7();
    const journeyId = uuidv7();
    const order = aJobOrder();
    const terms = {
      employerName: order.employerName,
      employerRegistrationNumber: order.employerRegistrationNumber,
      workplaceProvince: order.workplaceProvince,
      occupationIsco: order.occupationIsco,
      wage: { amountMinor: order.wageAmountMinor, currency: order.wageCurrency },
      payPeriod: 'month' as const,
      hoursPerDay: order.hoursPerDay,
      contractMonths: order.contractMonths,
      ...STANDARD_TEMPLATE_DEFAULTS,
      deductions: [],
    };
    await deliver(
      buildEvent({
        stage: 'contracts',
        by: byKh,
        journeyId,
        corridor,
        schema: ContractDraftedSchema,
        payload: create(ContractDraftedSchema, { contractId, version: 1, workerId: uuidv7(), jobOrderId: uuidv7(), origin: 'KH', destination: 'TH', terms: termsToMessage(terms), clauses: [] }),
      }),
    );

    const useCase = await request(app.getHttpServer()).post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', thDestination()).send({});
    expect(useCase.body).toMatchObject({ status: 409, type: `${P}illegal-transition`, currentState: 'draft', action: 'verify', allowedActions: ['sign'] });

    const early = buildEvent({
      stage: 'contracts',
      by: byKh,
      journeyId,
      corridor,
      schema: ContractVerifiedSchema,
      payload: create(ContractVerifiedSchema, { contractId, version: 1, round: 1, side: ContractSide.ORIGIN, terms: termsToMessage(terms) }),
    });
    expect(await deliverAndWatch(early)).toEqual([`corridor.v1.ContractVerified (event ${early.event.eventId}) left out: ${useCase.body.detail}`]);
    const { rows } = await db.query('SELECT c.status, (SELECT count(*)::int FROM contract_step s WHERE s.contract_id = c.id) AS steps FROM contract c WHERE c.id = $1', [contractId]);
    expect(rows).toEqual([{ status: 'draft', steps: 0 }]);
  });

  it("a job order's verification before its approval is left out, with the recruitment use case's reason", async () => {
    const jobOrderId = uuidv7();
    const order = aJobOrder();
    const along = { stage: 'recruitment', journeyId: jobOrderId, corridor } as const;
    await deliver(
      buildEvent({
        ...along,
        by: { subject: 'officer-th-1', country: 'TH' },
        schema: JobOrderCreatedSchema,
        payload: create(JobOrderCreatedSchema, { ...order, jobOrderId, destination: 'TH', wage: { amountMinor: BigInt(order.wageAmountMinor), currency: order.wageCurrency } }),
      }),
    );
    const verified = buildEvent({ ...along, by: byKh, schema: JobOrderVerifiedSchema, payload: create(JobOrderVerifiedSchema, { jobOrderId }) });
    // What DecideJobOrderUseCase throws for "verify" on a submitted job order: the same table.
    const reason = JOB_ORDER_LIFECYCLE.refusal({ id: jobOrderId, status: 'submitted' }, 'verify')!.detail;
    expect(await deliverAndWatch(verified)).toEqual([`corridor.v1.JobOrderVerified (event ${verified.event.eventId}) left out: ${reason}`]);
    expect((await db.query('SELECT status FROM job_order_replica WHERE id = $1', [jobOrderId])).rows).toEqual([{ status: 'submitted' }]);
  });
});
