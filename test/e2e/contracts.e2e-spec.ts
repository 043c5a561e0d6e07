import type { INestApplication } from '@nestjs/common';
import { isoDay } from '@corridor/reference-data';
import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { ContractsService, createContractsApp } from '@corridor/contracts-service';
import {
  JobOrderApprovedSchema,
  JobOrderCreatedSchema,
  JobOrderVerifiedSchema,
  Sex,
  WorkerMatchedSchema,
  corridorTopic,
  encodeEvent,
} from '@corridor/events';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { bearer, dropTestDatabases, eventually, inOrder, testNodeConfig, uniqueName, testKafka, worseContractTerms } from '@corridor/testing';
import { groupAtEnd } from '../support/country-nodes';

jest.setTimeout(180_000);

/**
 * The contract stage across the KH→TH corridor: KH and TH nodes (recruitment + contracts) in
 * process on the real Kafka and Postgres. The recruitment events the contracts services replicate
 * (job order created, approved, verified; worker matched) are produced onto the real corridor
 * topic as the recruitment service would publish them.
 */
interface Node {
  country: string;
  contracts: INestApplication;
  recruitment: INestApplication;
  journey: INestApplication;
}

const nodes: Record<'KH' | 'TH', Node> = {} as Record<'KH' | 'TH', Node>;
const databases: string[] = [];
let producer: Producer;

const KH_MINISTRY = bearer('KH', ['ministry-officer']);
const TH_DESTINATION = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');
const RECRUITMENT_TOPIC = corridorTopic('KH', 'TH', 'recruitment');

async function startContractsNode(country: 'KH' | 'TH'): Promise<Node> {
  const config = testNodeConfig(country);
  const contractsDb = uniqueName(`e2e_${country.toLowerCase()}_contracts`);
  const recruitmentDb = uniqueName(`e2e_${country.toLowerCase()}_recruitment`);
  databases.push(contractsDb, recruitmentDb);
  const recruitment = (await createRecruitmentApp(config, { database: recruitmentDb })).app;
  const contracts = (await createContractsApp(config, { database: contractsDb, groupId: await groupAtEnd(config, 'contracts', ContractsService.consumes!(config)) })).app;
  const journeyDb = uniqueName(`e2e_${country.toLowerCase()}_journey`);
  databases.push(journeyDb);
  const journey = (await createJourneyApp(config, { database: journeyDb, groupId: await groupAtEnd(config, 'journey', journeyTopics(config)) })).app;
  return { country, contracts, recruitment, journey };
}

async function produce<Desc extends DescMessage>(schema: Desc, journeyId: string, recordedBy: string, payload: MessageShape<Desc>): Promise<void> {
  const event = encodeEvent({ schema, journeyId, corridor: { origin: 'KH', destination: 'TH' }, recordedBy: { country: recordedBy, officerId: `officer-${recordedBy.toLowerCase()}-1` }, payload });
  await producer.send({ topic: RECRUITMENT_TOPIC, messages: [{ key: journeyId, value: Buffer.from(event.bytes), headers: { 'event-type': event.eventType, 'event-id': event.eventId } }] });
}

/** A verified job order of a Thai employer and a Cambodian worker matched to it, as events. */
async function aMatchedWorker(agencyId = 'AG-1'): Promise<{ journeyId: string; workerId: string; jobOrderId: string }> {
  const jobOrderId = uuidv7();
  const journeyId = uuidv7();
  const workerId = uuidv7();
  await produce(JobOrderCreatedSchema, jobOrderId, 'TH', create(JobOrderCreatedSchema, {
    jobOrderId,
    origin: 'KH',
    destination: 'TH',
    employerName: 'Siam Frozen Foods Co., Ltd.',
    employerRegistrationNumber: '0105548012345',
    workplaceProvince: 'Samut Sakhon',
    occupationIsco: '9329',
    sectorIsic: '10',
    workersRequested: 20,
    wage: { amountMinor: 1_040_000n, currency: 'THB' },
    wagePeriod: 'month',
    hoursPerDay: 8,
    contractMonths: 24,
    benefits: ['accommodation'],
  }));
  await produce(JobOrderApprovedSchema, jobOrderId, 'TH', create(JobOrderApprovedSchema, { jobOrderId }));
  await produce(JobOrderVerifiedSchema, jobOrderId, 'KH', create(JobOrderVerifiedSchema, { jobOrderId }));
  await produce(WorkerMatchedSchema, journeyId, 'KH', create(WorkerMatchedSchema, { workerId, jobOrderId, destination: 'TH', sex: Sex.FEMALE, birthYear: 1998, occupationIsco: '9329', agencyId }));
  return { journeyId, workerId, jobOrderId };
}

const contracts = (node: Node) => request(node.contracts.getHttpServer());

/** Drafts as soon as this node's contracts service has replicated the job order and the match. */
async function draftWhenReplicated(journeyId: string, body: Record<string, unknown> = {}, token = KH_MINISTRY) {
  return eventually(async () => {
    const response = await contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', token).send({ journeyId, ...body });
    if (response.body.type === 'https://corridor.gms/problems/worker-not-matched') return undefined;
    if (response.body.type === 'https://corridor.gms/problems/job-order-not-verified') return undefined;
    return response;
  }, 30_000, `job order and match of journey ${journeyId} replicated on KH`);
}

async function contractOn(node: Node, contractId: string, until: (body: Record<string, unknown>) => boolean, token = node.country === 'KH' ? KH_MINISTRY : TH_DESTINATION) {
  return eventually(async () => {
    const response = await contracts(node).get(`/api/v1/contracts/${contractId}`).set('Authorization', token);
    return response.status === 200 && until(response.body) ? response.body : undefined;
  }, 30_000, `contract ${contractId} on ${node.country} as expected`);
}

beforeAll(async () => {
  nodes.KH = await startContractsNode('KH');
  nodes.TH = await startContractsNode('TH');
  producer = testKafka('contracts-e2e', testNodeConfig('KH').kafkaBrokers, 'KH').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  for (const node of Object.values(nodes)) {
    await node.contracts?.close();
    await node.recruitment?.close();
    await node.journey?.close();
  }
  await dropTestDatabases(testNodeConfig('KH'), ...databases);
});

const worseTerms = worseContractTerms;

describe('a contract from draft to verified on both sides, and substitution at destination', () => {
  let journey: { journeyId: string; workerId: string; jobOrderId: string };
  // One contract told step by step (drafted, signed, verified, flagged...): each step builds on the one before.
  let contractId: string;
  const step = inOrder();
  const today = isoDay();

  beforeAll(async () => {
    journey = await aMatchedWorker('AG-1');
  });

  step('another agency cannot draft for a worker it did not match; the origin ministry drafts from the verified job order', async () => {
    const drafted = await draftWhenReplicated(journey.journeyId, {
      terms: { accommodation: 'provided', deductions: [{ purpose: 'Social security contribution', capAmountMinor: 75_000 }], probationDays: 30 },
      clauses: [{ title: 'Annual leave', text: 'Six paid working days after one year.' }],
    });
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      journeyId: journey.journeyId,
      jobOrderId: journey.jobOrderId,
      status: 'draft',
      version: 1,
      allowedActions: ['sign'],
      terms: { wage: { amountMinor: 1_040_000, currency: 'THB' }, payPeriod: 'month', hoursPerDay: 8, contractMonths: 24, restDaysPerWeek: 1, overtimeRatePercent: 150, returnJourneyPaidBy: 'employer', accommodation: 'provided' },
    });
    contractId = drafted.body.contractId;
    const onTh = await contractOn(nodes.TH, contractId, () => true);
    expect(onTh).toMatchObject({ status: 'draft', authoredBy: 'KH', terms: drafted.body.terms });
  });

  step("another agency's draft gets the very answer an unknown journey gets: no existence oracle", async () => {
    const send = (journeyId: string) => contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', bearer('KH', ['agency-staff'], 'AG-2')).send({ journeyId });
    const other = await send(journey.journeyId);
    const unknown = await send(uuidv7());
    expect([other.status, other.body.type]).toEqual([422, 'https://corridor.gms/problems/worker-not-matched']);
    expect([unknown.status, unknown.body.type]).toEqual([other.status, other.body.type]);
    expect(other.body.detail.replace(journey.journeyId, 'ID')).toBe(unknown.body.detail.replace(unknown.body.journeyId, 'ID'));
  });

  step('a second draft for the same journey is a conflict', async () => {
    const again = await contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId });
    expect(again.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/contract-already-drafted', contractId, currentState: 'draft' });
  });

  step('bad input on every POST is refused as problem+json and nothing is stored', async () => {
    const kh = contracts(nodes.KH);
    const th = contracts(nodes.TH);
    const base = `/api/v1/contracts/${contractId}`;
    const attempts: [request.Test, number, string?][] = [
      [kh.post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId, terms: { hoursPerDay: 13 } }), 400],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId, terms: { wageCurrency: 'XYZ' } }), 400],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: 'not-a-uuid' }), 400],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId, terms: { restDaysPerWeek: 0 } }), 400],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId, signedBy: 'me' }), 400],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: uuidv7() }), 422, 'worker-not-matched'],
      [contracts(nodes.KH).post('/api/v1/contracts').set('Authorization', KH_MINISTRY).send({ journeyId: journey.journeyId, terms: { wageAmountMinor: 500_000 } }), 422, 'terms-worse-than-job-order'],
      [contracts(nodes.KH).post(`${base}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'boss', signedOn: today }), 400],
      [contracts(nodes.KH).post(`${base}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'worker', signedOn: '2999-01-01' }), 422, 'date-in-the-future'],
      [contracts(nodes.KH).post(`${base}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'worker', signedOn: '2026-02-30' }), 422, 'invalid-date'],
      [contracts(nodes.KH).post(`${base}/verifications`).set('Authorization', KH_MINISTRY).send({ approved: true }), 400],
      [contracts(nodes.KH).post(`${base}/rejections`).set('Authorization', KH_MINISTRY).send({}), 400],
      [contracts(nodes.KH).post(`${base}/amendments`).set('Authorization', KH_MINISTRY).send({ reason: 'x' }), 400],
      [contracts(nodes.KH).post(`${base}/amendments`).set('Authorization', KH_MINISTRY).send({ reason: 'Employer asked for it' }), 400],
      [contracts(nodes.KH).post(`${base}/amendments`).set('Authorization', KH_MINISTRY).send({ reason: 'Employer asked for it', changes: { hoursPerDay: 14 } }), 400],
      [th.post(`${base}/registrations-at-destination`).set('Authorization', TH_DESTINATION).send({ registeredOn: today, terms: { ...worseTerms, hoursPerDay: 0 } }), 400],
      [contracts(nodes.TH).post(`${base}/registrations-at-destination`).set('Authorization', TH_DESTINATION).send({ registeredOn: today }), 400],
      [contracts(nodes.KH).post(`${base}/substitution-flags/${uuidv7()}/resolution`).set('Authorization', KH_MINISTRY).send({ decision: 'shrug', reason: 'because' }), 400],
    ];
    for (const [index, [attempt, status, slug]] of attempts.entries()) {
      const response = await attempt;
      expect({ index, status: response.status, body: response.body }).toMatchObject({ index, status, body: { status, ...(slug ? { type: `https://corridor.gms/problems/${slug}` } : {}) } });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const versions = await contracts(nodes.KH).get(`${base}/versions`).set('Authorization', KH_MINISTRY).expect(200);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0].steps).toEqual([]);
    const list = await contracts(nodes.KH).get('/api/v1/contracts').query({ journeyId: journey.journeyId }).set('Authorization', KH_MINISTRY).expect(200);
    expect(list.body.total).toBe(1);
  });

  step('a draft cannot be verified: 409 naming the state and the actions allowed', async () => {
    const response = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', KH_MINISTRY).send({});
    expect(response.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/illegal-transition', currentState: 'draft', action: 'verify', allowedActions: ['sign'] });
  });

  step('another country’s officer and a wrong role are refused', async () => {
    const path = `/api/v1/contracts/${contractId}`;
    const refused: [request.Test, number[]][] = [
      [contracts(nodes.KH).get(path).set('Authorization', bearer('LA', ['ministry-officer', 'admin'])), [403, 404]],
      [contracts(nodes.KH).get(path).set('Authorization', bearer('KH', ['statistician'])), [403]],
      [contracts(nodes.KH).get(path).set('Authorization', TH_DESTINATION), [403]],
      [contracts(nodes.KH).get(path).set('Authorization', bearer('KH', ['agency-staff'], 'AG-2')), [404]],
      [contracts(nodes.KH).post(`${path}/signatures`).set('Authorization', bearer('LA', ['ministry-officer'])).send({ party: 'worker', signedOn: today }), [403]],
      [contracts(nodes.KH).post(`${path}/signatures`).set('Authorization', bearer('KH', ['statistician'])).send({ party: 'worker', signedOn: today }), [403]],
      // The destination's verification is taken on the destination node only: a KH destination
      // officer acts for no side of a KH>TH contract, which is therefore not visible to them.
      [contracts(nodes.KH).post(`${path}/verifications`).set('Authorization', bearer('KH', ['destination-officer'])).send({}), [404]],
      // TH's ministry officer acts for no side of a KH>TH contract: not visible, like an unknown id.
      [contracts(nodes.TH).post(`${path}/verifications`).set('Authorization', bearer('TH', ['ministry-officer'])).send({}), [404]],
      [contracts(nodes.KH).post(`${path}/registrations-at-destination`).set('Authorization', bearer('KH', ['destination-officer'])).send({ registeredOn: today, terms: worseTerms }), [404]],
      [contracts(nodes.TH).get(path).set('Authorization', KH_MINISTRY), [403]],
    ];
    for (const [attempt, statuses] of refused) {
      const response = await attempt;
      expect(statuses).toContain(response.status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await contracts(nodes.KH).get(path)).status).toBe(401);
    await contracts(nodes.KH).get(path).set('Authorization', bearer('KH', ['agency-staff'], 'AG-1')).expect(200);
  });

  step('the worker signs at origin and the employer at destination: Signed on both nodes', async () => {
    const worker = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'worker', signedOn: today });
    expect(worker.status).toBe(201);
    expect(worker.body.status).toBe('draft');
    const twice = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'worker', signedOn: today });
    expect(twice.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/party-already-signed', party: 'worker', signedBy: ['worker'] });
    await contractOn(nodes.TH, contractId, (c) => (c.signatures as unknown[]).length === 1);
    const employer = await contracts(nodes.TH).post(`/api/v1/contracts/${contractId}/signatures`).set('Authorization', TH_DESTINATION).send({ party: 'employer', signedOn: today });
    expect(employer.status).toBe(201);
    expect(employer.body).toMatchObject({ status: 'signed', allowedActions: ['verify', 'reject'] });
    const onKh = await contractOn(nodes.KH, contractId, (c) => c.status === 'signed');
    expect(onKh.signatures).toEqual([
      expect.objectContaining({ party: 'worker', signedOn: today, recordedBy: { country: 'KH', officer: 'officer-kh-1' } }),
      expect.objectContaining({ party: 'employer', signedOn: today, recordedBy: { country: 'TH', officer: 'officer-th-1' } }),
    ]);
  });

  step('verified by the origin ministry and the destination authority: Verified on both nodes only when both have', async () => {
    const byKh = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', KH_MINISTRY).send({ note: 'Matches the job order' });
    expect(byKh.status).toBe(201);
    expect(byKh.body.status).toBe('partly-verified');
    const again = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', KH_MINISTRY).send({});
    expect(again.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/side-already-verified', side: 'origin', verifiedBy: ['origin'] });
    await contractOn(nodes.TH, contractId, (c) => c.status === 'partly-verified');
    const byTh = await contracts(nodes.TH).post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', TH_DESTINATION).send({});
    expect(byTh.status).toBe(201);
    expect(byTh.body).toMatchObject({ status: 'verified', allowedActions: ['amend', 'register-at-destination'] });
    const onKh = await contractOn(nodes.KH, contractId, (c) => c.status === 'verified');
    expect((onKh.verifications as { side: string }[]).map((v) => v.side)).toEqual(['origin', 'destination']);
  });

  step('worse terms registered at destination are contract substitution, flagged on both sides', async () => {
    const registered = await contracts(nodes.TH).post(`/api/v1/contracts/${contractId}/registrations-at-destination`).set('Authorization', TH_DESTINATION).send({ registeredOn: today, terms: worseTerms });
    expect(registered.status).toBe(201);
    expect(registered.body.substitutionFlagId).toEqual(expect.any(String));
    const expectedTerms = [
      { term: 'wage', verifiedValue: '1040000 THB per month', newValue: '900000 THB per month', whyWorse: 'lower wage' },
      { term: 'hoursPerDay', verifiedValue: '8', newValue: '10', whyWorse: 'longer working day' },
    ];
    expect(registered.body.openFlags).toEqual([expect.objectContaining({ flagId: registered.body.substitutionFlagId, source: 'destination-registration', blocksDeparture: true, changedTerms: expectedTerms })]);
    const onKh = await contractOn(nodes.KH, contractId, (c) => (c.openFlags as unknown[]).length === 1);
    expect(onKh.openFlags).toEqual([expect.objectContaining({ flagId: registered.body.substitutionFlagId, changedTerms: expectedTerms })]);
    const flagged = await contracts(nodes.KH).get('/api/v1/contracts').query({ flagged: 'true', journeyId: journey.journeyId }).set('Authorization', KH_MINISTRY).expect(200);
    expect(flagged.body.items.map((c: { contractId: string }) => c.contractId)).toEqual([contractId]);

    // The journey read model of both countries shows an open flag that blocks departure and names the terms.
    for (const [node, token] of [[nodes.KH, KH_MINISTRY], [nodes.TH, TH_DESTINATION]] as const) {
      const timeline = await eventually(async () => {
        const response = await request(node.journey.getHttpServer()).get(`/api/v1/journeys/${journey.journeyId}/timeline`).set('Authorization', token);
        return response.status === 200 && response.body.openFlags?.length ? response.body : undefined;
      }, 20_000, `open flag on the ${node.country} journey`);
      expect(timeline.openFlags).toEqual([
        expect.objectContaining({ flagId: registered.body.substitutionFlagId, kind: 'contract-substitution', blocksDeparture: true, reason: expect.stringMatching(/wage: 1040000 THB per month → 900000 THB per month.*hoursPerDay: 8 → 10/) }),
      ]);
      expect(timeline.entries.map((e: { eventType: string }) => e.eventType)).toContain('corridor.v1.ContractSubstitutionDetected');
    }
  });

  step('the origin resolves the flag with a decision and reason; the destination sees it closed', async () => {
    const onKh = await contractOn(nodes.KH, contractId, (c) => (c.openFlags as unknown[]).length === 1);
    const flagId = (onKh.openFlags as { flagId: string }[])[0].flagId;
    const resolved = await contracts(nodes.KH)
      .post(`/api/v1/contracts/${contractId}/substitution-flags/${flagId}/resolution`)
      .set('Authorization', KH_MINISTRY)
      .send({ decision: 'referred-to-grievance', reason: 'Worker filed a grievance with the labour attaché' });
    expect(resolved.status).toBe(201);
    expect(resolved.body).toMatchObject({ status: 'resolved', decision: 'referred-to-grievance' });
    await contractOn(nodes.TH, contractId, (c) => (c.openFlags as unknown[]).length === 0);
  });

  step('an amendment with a reason makes a new version; every version is kept on both nodes', async () => {
    const unchanged = await contracts(nodes.KH).post(`/api/v1/contracts/${contractId}/amendments`).set('Authorization', KH_MINISTRY).send({ reason: 'Restating the hours', changes: { hoursPerDay: 8 } });
    expect(unchanged.body).toMatchObject({ status: 422, type: 'https://corridor.gms/problems/nothing-amended', version: 1 });
    const amended = await contracts(nodes.KH)
      .post(`/api/v1/contracts/${contractId}/amendments`)
      .set('Authorization', KH_MINISTRY)
      .send({ reason: 'Employer adds a uniform deduction', changes: { deductions: [{ purpose: 'Social security contribution', capAmountMinor: 75_000 }, { purpose: 'Uniform', capAmountMinor: 20_000 }] } });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ version: 2, status: 'draft', amendmentReason: 'Employer adds a uniform deduction' });
    expect(amended.body.openFlags).toEqual([expect.objectContaining({ source: 'amendment', blocksDeparture: true, changedTerms: [expect.objectContaining({ term: 'deductions.Uniform' })] })]);
    const onTh = await contractOn(nodes.TH, contractId, (c) => c.version === 2 && (c.openFlags as unknown[]).length === 1);
    expect(onTh.status).toBe('draft');
    const versions = await contracts(nodes.TH).get(`/api/v1/contracts/${contractId}/versions`).set('Authorization', TH_DESTINATION).expect(200);
    expect(versions.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'verified'],
      [2, 'draft'],
    ]);
  });
});

describe('rejection', () => {
  it('a rejection with reason sends the contract back to Draft on both nodes, signatures reset', async () => {
    const journey = await aMatchedWorker('AG-1');
    const drafted = await draftWhenReplicated(journey.journeyId, {}, bearer('KH', ['agency-staff'], 'AG-1'));
    expect(drafted.status).toBe(201);
    const id = drafted.body.contractId;
    const today = isoDay();
    for (const party of ['worker', 'employer']) {
      await contracts(nodes.KH).post(`/api/v1/contracts/${id}/signatures`).set('Authorization', bearer('KH', ['agency-staff'], 'AG-1')).send({ party, signedOn: today }).expect(201);
    }
    await contractOn(nodes.TH, id, (c) => c.status === 'signed');
    const rejected = await contracts(nodes.TH).post(`/api/v1/contracts/${id}/rejections`).set('Authorization', TH_DESTINATION).send({ reason: 'Rest days missing from the signed copy' });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ status: 'draft', signingRound: 2, signatures: [], verifications: [] });
    const onKh = await contractOn(nodes.KH, id, (c) => c.signingRound === 2);
    expect(onKh).toMatchObject({ status: 'draft', signatures: [] });
    const versions = await contracts(nodes.KH).get(`/api/v1/contracts/${id}/versions`).set('Authorization', KH_MINISTRY).expect(200);
    expect(versions.body[0].steps.map((s: { kind: string }) => s.kind)).toEqual(['signature', 'signature', 'rejection']);
  });
});


describe('a wage in another currency or per another period at destination', () => {
  it('cannot be compared with the verified wage: flagged on both sides as not comparable, even when the amount is higher', async () => {
    const journey = await aMatchedWorker('AG-1');
    const drafted = await draftWhenReplicated(journey.journeyId);
    expect(drafted.status).toBe(201);
    const id = drafted.body.contractId;
    const today = isoDay();
    expect((await contracts(nodes.KH).post(`/api/v1/contracts/${id}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'worker', signedOn: today })).status).toBe(201);
    expect((await contracts(nodes.KH).post(`/api/v1/contracts/${id}/signatures`).set('Authorization', KH_MINISTRY).send({ party: 'employer', signedOn: today })).status).toBe(201);
    expect((await contracts(nodes.KH).post(`/api/v1/contracts/${id}/verifications`).set('Authorization', KH_MINISTRY).send({})).status).toBe(201);
    await contractOn(nodes.TH, id, (c) => c.status === 'partly-verified');
    expect((await contracts(nodes.TH).post(`/api/v1/contracts/${id}/verifications`).set('Authorization', TH_DESTINATION).send({})).status).toBe(201);

    // The verified terms otherwise, with a wage that is numerically higher but in US dollars.
    const verifiedTerms = { ...worseTerms, wageAmountMinor: 1_040_000, hoursPerDay: 8, restDaysPerWeek: 1, accommodation: 'none', deductions: [], probationDays: 0 };
    const registered = await contracts(nodes.TH)
      .post(`/api/v1/contracts/${id}/registrations-at-destination`)
      .set('Authorization', TH_DESTINATION)
      .send({ registeredOn: today, terms: { ...verifiedTerms, wageAmountMinor: 1_500_000, wageCurrency: 'USD' } });
    expect(registered.status).toBe(201);
    const notComparable = {
      term: 'wage',
      verifiedValue: '1040000 THB per month',
      newValue: '1500000 USD per month',
      whyWorse: 'the wage is paid in another currency or per another period, so it can no longer be checked against the verified wage',
    };
    expect(registered.body.openFlags).toEqual([expect.objectContaining({ flagId: registered.body.substitutionFlagId, source: 'destination-registration', blocksDeparture: true, changedTerms: [notComparable] })]);
    const onKh = await contractOn(nodes.KH, id, (c) => (c.openFlags as unknown[]).length === 1);
    expect(onKh.openFlags).toEqual([expect.objectContaining({ flagId: registered.body.substitutionFlagId, changedTerms: [notComparable] })]);

    // Per day instead of per month, in baht: not comparable either (a second registration, a second flag).
    const perDay = await contracts(nodes.TH)
      .post(`/api/v1/contracts/${id}/registrations-at-destination`)
      .set('Authorization', TH_DESTINATION)
      .send({ registeredOn: today, terms: { ...verifiedTerms, wageAmountMinor: 50_000, payPeriod: 'day' } });
    expect(perDay.status).toBe(201);
    const onKhAfter = await contractOn(nodes.KH, id, (c) => (c.openFlags as unknown[]).length === 2);
    expect((onKhAfter.openFlags as { changedTerms: unknown[] }[]).map((f) => f.changedTerms)).toEqual([[notComparable], [{ ...notComparable, newValue: '50000 THB per day' }]]);
  });
});
