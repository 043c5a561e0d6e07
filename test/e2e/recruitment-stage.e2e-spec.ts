import { mkdtempSync, writeFileSync } from 'node:fs';
import { isoDay } from '@corridor/reference-data';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Role } from '@corridor/auth';
import { bearer, eventually, inOrder } from '@corridor/testing';
import { fromBinary } from '@bufbuild/protobuf';
import { loadPersonDataKeys, openSealed } from '@corridor/crypto';
import { PersonDataSchema, decodeEnvelope } from '@corridor/events';
import { aVerifiedJobOrder, aWorkerRegistration, registerWorker, startCountryNodes, timelineOf, type CountryNode } from '../support/country-nodes';
import { corridorRecordsOf, sealedPersonDataOf } from '../support/corridor-records';

jest.setTimeout(180_000);

/**
 * The recruitment stage across the KH→TH corridor, each node in-process on the real Kafka and
 * Postgres: TH creates and approves a job order, KH verifies it, a licensed KH agency registers
 * and matches a worker, records orientation and a fee above the corridor cap; the fee breach is
 * flagged on the journey on both sides and resolved by a refund.
 */
let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const savedPolicies = process.env.CORRIDOR_POLICIES_FILE;
const today = isoDay();

beforeAll(async () => {
  // 500.00 THB may be charged along KH→TH in this test; any other corridor keeps the zero default.
  const dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
  process.env.CORRIDOR_POLICIES_FILE = path.join(dir, 'corridor-policies.json');
  writeFileSync(process.env.CORRIDOR_POLICIES_FILE, JSON.stringify({ 'KH>TH': { recruitmentFeeCap: { amountMinor: 50000, currency: 'THB' } } }));
  platform = await startCountryNodes(['KH', 'TH'], undefined, { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
  if (savedPolicies === undefined) delete process.env.CORRIDOR_POLICIES_FILE;
  else process.env.CORRIDOR_POLICIES_FILE = savedPolicies;
});

const kh = () => platform.nodes.KH;
const th = () => platform.nodes.TH;
const khMinistry = () => bearer('KH', ['ministry-officer']);
const thOfficer = () => bearer('TH', ['destination-officer']);
const staffOf = (agencyId: string) => bearer('KH', ['agency-staff'], agencyId, 'agency-clerk-1');

async function jobOrderOn(node: CountryNode, id: string, token: string, status: string) {
  return eventually(async () => {
    const r = await request(node.recruitment.getHttpServer()).get(`/api/v1/job-orders/${id}`).set('Authorization', token);
    return r.status === 200 && r.body.status === status ? r.body : undefined;
  }, 30_000, `job order ${id} ${status} on ${node.country}`);
}

/** Waits until the journey's timeline on the node shows `types` and returns it. */
async function timelineWith(node: CountryNode, journeyId: string, count: number, predicate: (t: { openFlags: unknown[] }) => boolean, roles: Role[]) {
  return eventually(async () => {
    const t = await timelineOf(node, journeyId, count, roles);
    return t.entries.length === count && predicate(t) ? t : undefined;
  }, 30_000, `timeline of ${journeyId} on ${node.country}`);
}

describe('recruitment across KH→TH: job order, licensed agency, matching, orientation, fee breach and refund', () => {
  // One journey told step by step: each step builds on the state the one before left.
  const state: Record<string, string> = {};
  const step = inOrder();

  step('TH creates and approves a job order; KH receives and verifies it; both hold the same job order', async () => {
    const created = await request(th().recruitment.getHttpServer())
      .post('/api/v1/job-orders')
      .set('Authorization', thOfficer())
      .send({
        origin: 'KH',
        employerName: 'Chonburi Construction Co., Ltd.',
        employerRegistrationNumber: '0205561009876',
        workplaceProvince: 'Chonburi',
        occupationIsco: '9313',
        sectorIsic: '41',
        workersRequested: 1,
        wageAmountMinor: 1100000,
        wageCurrency: 'THB',
        wagePeriod: 'month',
        hoursPerDay: 8,
        contractMonths: 24,
        benefits: ['accommodation', 'social security', 'return ticket'],
      })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'submitted', corridor: { origin: 'KH', destination: 'TH' }, authoredBy: 'TH', allowedActions: ['approve'] });
    state.jobOrder = created.body.jobOrderId;

    await request(th().recruitment.getHttpServer()).post(`/api/v1/job-orders/${state.jobOrder}/approval`).set('Authorization', thOfficer()).send({}).expect(201);
    const onKh = await jobOrderOn(kh(), state.jobOrder, khMinistry(), 'approved');
    expect(onKh).toMatchObject({ authoredBy: 'TH', occupationIsco: '9313', sectorIsic: '41', wage: { amountMinor: 1100000, currency: 'THB', period: 'month' }, workersRequested: 1 });

    await request(kh().recruitment.getHttpServer()).post(`/api/v1/job-orders/${state.jobOrder}/verification`).set('Authorization', khMinistry()).send({}).expect(201);
    const onTh = await jobOrderOn(th(), state.jobOrder, thOfficer(), 'verified');
    const verifiedOnKh = await jobOrderOn(kh(), state.jobOrder, khMinistry(), 'verified');
    const { allowedActions: _a, ...thTerms } = onTh;
    const { allowedActions: _b, ...khTerms } = verifiedOnKh;
    expect(khTerms).toEqual(thTerms);
  });

  step('a licensed KH agency registers its worker and matches them; a suspended one could not', async () => {
    const agency = await request(kh().recruitment.getHttpServer())
      .post('/api/v1/agencies')
      .set('Authorization', khMinistry())
      .send({ name: 'Angkor Manpower Co., Ltd.', licenceNumber: `MOLVT-${Date.now()}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31' })
      .expect(201);
    state.agency = agency.body.agencyId;
    const worker = await registerWorker(kh(), { occupationIsco: '9313' }, staffOf(state.agency));
    state.worker = worker.workerId;
    state.journey = worker.journeyId;

    // Another agency, suspended, is refused with the reason.
    const other = await request(kh().recruitment.getHttpServer())
      .post('/api/v1/agencies')
      .set('Authorization', khMinistry())
      .send({ name: 'Suspended Co.', licenceNumber: `MOLVT-S-${Date.now()}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31' })
      .expect(201);
    await request(kh().recruitment.getHttpServer()).post(`/api/v1/agencies/${other.body.agencyId}/suspension`).set('Authorization', khMinistry()).send({ reason: 'deceptive advertising' }).expect(201);
    const refused = await request(kh().recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', staffOf(other.body.agencyId)).send(aWorkerRegistration());
    expect(refused.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/agency-licence-not-valid', licenceStatus: 'suspended', reason: 'suspended' });

    const matched = await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/job-orders/${state.jobOrder}/matches`)
      .set('Authorization', staffOf(state.agency))
      .send({ workerId: state.worker })
      .expect(201);
    expect(matched.body).toMatchObject({ destination: 'TH', status: 'matched', personDataShared: true });
    await jobOrderOn(th(), state.jobOrder, thOfficer(), 'filled');
  });

  step('records pre-departure orientation: session, attendance, completion', async () => {
    const session = await request(kh().recruitment.getHttpServer())
      .post('/api/v1/orientation-sessions')
      .set('Authorization', staffOf(state.agency))
      .send({ heldOn: today, place: 'Migrant Worker Resource Centre, Battambang', topics: ['rights-and-obligations', 'employment-contract', 'fees-and-debt'] })
      .expect(201);
    state.session = session.body.sessionId;
    await request(kh().recruitment.getHttpServer()).post(`/api/v1/orientation-sessions/${state.session}/attendance`).set('Authorization', staffOf(state.agency)).send({ workerId: state.worker }).expect(201);
    const done = await request(kh().recruitment.getHttpServer()).post(`/api/v1/orientation-sessions/${state.session}/completion`).set('Authorization', staffOf(state.agency)).send({}).expect(201);
    expect(done.body).toMatchObject({ status: 'completed', allowedActions: [], attendees: [{ workerId: state.worker }] });
    const twice = await request(kh().recruitment.getHttpServer()).post(`/api/v1/orientation-sessions/${state.session}/completion`).set('Authorization', staffOf(state.agency)).send({});
    expect(twice.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/illegal-transition', currentState: 'completed', action: 'complete', allowedActions: [] });
  });

  step('a fee above the corridor cap raises a blocking fee-breach flag on the journey, on both sides', async () => {
    const fee = await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/workers/${state.worker}/fees`)
      .set('Authorization', staffOf(state.agency))
      .send({ amountMinor: 350000, currency: 'THB', purpose: 'recruitment-service', payeeAgencyId: state.agency, paidOn: today })
      .expect(201);
    expect(fee.body.breach).toMatchObject({
      status: 'open',
      blocksDeparture: true,
      cap: { amountMinor: 50000, currency: 'THB' },
      paidTotal: { amountMinor: 350000, currency: 'THB' },
      excess: { amountMinor: 300000, currency: 'THB' },
      allowedActions: ['refund', 'decide'],
    });
    state.breach = fee.body.breach.breachId;

    const open = (t: { openFlags: unknown[] }) => t.openFlags.length === 1;
    const onKh = await timelineWith(kh(), state.journey, 6, open, ['ministry-officer']);
    const onTh = await timelineWith(th(), state.journey, 5, open, ['destination-officer']);
    for (const timeline of [onKh, onTh]) {
      expect(timeline.openFlags).toEqual([
        expect.objectContaining({ flagId: state.breach, kind: 'fee-breach', blocksDeparture: true, reason: expect.stringMatching(/paid 350000 THB .* cap is 50000 THB: 300000 above it/) }),
      ]);
    }
    const listed = await request(kh().recruitment.getHttpServer()).get('/api/v1/fee-breaches').query({ status: 'open', agency: state.agency }).set('Authorization', khMinistry()).expect(200);
    expect(listed.body.items.map((b: { breachId: string }) => b.breachId)).toEqual([state.breach]);
    const flagged = await request(kh().recruitment.getHttpServer()).get('/api/v1/matches').query({ openFlag: 'fee-breach', agency: state.agency }).set('Authorization', khMinistry()).expect(200);
    expect(flagged.body.items.map((m: { workerId: string }) => m.workerId)).toEqual([state.worker]);
    // Another licensed agency neither sees nor touches it, even with ministry roles in its token.
    const otherAgency = await request(kh().recruitment.getHttpServer())
      .post('/api/v1/agencies')
      .set('Authorization', khMinistry())
      .send({ name: 'Mekong Other Co.', licenceNumber: `MOLVT-O-${Date.now()}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31' })
      .expect(201);
    for (const stranger of [bearer('KH', ['agency-staff'], otherAgency.body.agencyId), bearer('KH', ['agency-staff', 'ministry-officer', 'admin'], otherAgency.body.agencyId)]) {
      expect((await request(kh().recruitment.getHttpServer()).get(`/api/v1/fee-breaches/${state.breach}`).set('Authorization', stranger)).status).toBe(404);
      expect((await request(kh().recruitment.getHttpServer()).post(`/api/v1/fee-breaches/${state.breach}/refunds`).set('Authorization', stranger).send({ amountMinor: 1, currency: 'THB', refundedOn: today })).status).toBe(404);
    }
    // A token naming an agency this ministry never licensed is refused as such, whatever the object.
    const unlicensed = bearer('KH', ['agency-staff'], '0193aaaa-0000-7000-8000-000000000000');
    const refusedUnknown = await request(kh().recruitment.getHttpServer()).get(`/api/v1/fee-breaches/${state.breach}`).set('Authorization', unlicensed);
    expect([refusedUnknown.status, refusedUnknown.body.type]).toEqual([409, 'https://corridor.gms/problems/agency-licence-not-valid']);
  });

  step('a refund covering the excess resolves the flag; both timelines show every step in order', async () => {
    const partial = await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/fee-breaches/${state.breach}/refunds`)
      .set('Authorization', staffOf(state.agency))
      .send({ amountMinor: 300000, currency: 'THB', refundedOn: today })
      .expect(201);
    expect(partial.body).toMatchObject({ status: 'resolved-by-refund', blocksDeparture: false, refunded: { amountMinor: 300000 }, allowedActions: [] });
    const again = await request(kh().recruitment.getHttpServer()).post(`/api/v1/fee-breaches/${state.breach}/decisions`).set('Authorization', khMinistry()).send({ reason: 'a decision after the refund' });
    expect(again.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/illegal-transition', currentState: 'resolved-by-refund', action: 'decide' });
    const flagged = await request(kh().recruitment.getHttpServer()).get('/api/v1/matches').query({ openFlag: 'fee-breach', agency: state.agency }).set('Authorization', khMinistry()).expect(200);
    expect(flagged.body.items).toEqual([]);

    const resolved = (t: { openFlags: unknown[] }) => t.openFlags.length === 0;
    const onKh = await timelineWith(kh(), state.journey, 8, resolved, ['ministry-officer']);
    const onTh = await timelineWith(th(), state.journey, 7, resolved, ['destination-officer']);
    const afterCrossing = [
      'corridor.v1.WorkerMatched',
      'corridor.v1.OrientationAttended',
      'corridor.v1.OrientationCompleted',
      'corridor.v1.FeePaid',
      'corridor.v1.FeeBreachFlagged',
      'corridor.v1.FeeRefunded',
      'corridor.v1.FeeBreachResolved',
    ];
    expect(onKh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerRegistered', ...afterCrossing]);
    expect(onTh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(afterCrossing);
    // The same events, in the same order, with the same ids, on both sides.
    expect(onTh.entries.map((e: { eventId: string }) => e.eventId)).toEqual(onKh.entries.slice(1).map((e: { eventId: string }) => e.eventId));
    const matchedEntry = onTh.entries[0];
    expect(matchedEntry.details).toMatchObject({ jobOrderId: state.jobOrder, destination: 'TH', personDataShared: true });
    expect(matchedEntry.recordedBy).toMatchObject({ country: 'KH', agencyId: state.agency });
    // No person data on any timeline.
    expect(JSON.stringify(onTh)).not.toMatch(/Sok Dara|sealedPersonData/);
    // The agency sees its worker's journey; a third country does not.
    await request(kh().journey.getHttpServer()).get(`/api/v1/journeys/${state.journey}/timeline`).set('Authorization', staffOf(state.agency)).expect(200);
    expect((await request(kh().journey.getHttpServer()).get(`/api/v1/journeys/${state.journey}/timeline`).set('Authorization', bearer('LA', ['ministry-officer']))).status).toBe(404);
  });

  step('the contract is drafted from the verified job order, signed, and verified by both sides; both timelines show every step in order', async () => {
    const khContracts = () => request(kh().contracts!.getHttpServer());
    const thContracts = () => request(th().contracts!.getHttpServer());
    // The contracts service learns the match from the corridor topic; the agency drafts for its own worker.
    const drafted = await eventually(async () => {
      const response = await khContracts().post('/api/v1/contracts').set('Authorization', staffOf(state.agency)).send({ journeyId: state.journey });
      return response.status === 201 ? response : undefined;
    }, 20_000, 'contract drafted from the match');
    const contractId = drafted.body.contractId as string;
    const contractOn = (on: () => request.Agent | ReturnType<typeof request>, token: string, until: (c: { status: string }) => boolean) =>
      eventually(async () => {
        const response = await on().get(`/api/v1/contracts/${contractId}`).set('Authorization', token);
        return response.status === 200 && until(response.body) ? response.body : undefined;
      }, 20_000, `contract ${contractId}`);
    await contractOn(thContracts, thOfficer(), () => true);
    await khContracts().post(`/api/v1/contracts/${contractId}/signatures`).set('Authorization', staffOf(state.agency)).send({ party: 'worker', signedOn: today }).expect(201);
    await contractOn(thContracts, thOfficer(), (c) => (c as unknown as { signatures: unknown[] }).signatures.length === 1);
    await thContracts().post(`/api/v1/contracts/${contractId}/signatures`).set('Authorization', thOfficer()).send({ party: 'employer', signedOn: today }).expect(201);
    await contractOn(khContracts, khMinistry(), (c) => c.status === 'signed');
    await khContracts().post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', khMinistry()).send({}).expect(201);
    await contractOn(thContracts, thOfficer(), (c) => c.status === 'partly-verified');
    const verified = await thContracts().post(`/api/v1/contracts/${contractId}/verifications`).set('Authorization', thOfficer()).send({});
    expect(verified.status).toBe(201);
    expect(verified.body.status).toBe('verified');
    await contractOn(khContracts, khMinistry(), (c) => c.status === 'verified');

    const contractSteps = ['corridor.v1.ContractDrafted', 'corridor.v1.ContractSigned', 'corridor.v1.ContractSigned', 'corridor.v1.ContractVerified', 'corridor.v1.ContractVerified'];
    const recruitmentSteps = [
      'corridor.v1.WorkerMatched',
      'corridor.v1.OrientationAttended',
      'corridor.v1.OrientationCompleted',
      'corridor.v1.FeePaid',
      'corridor.v1.FeeBreachFlagged',
      'corridor.v1.FeeRefunded',
      'corridor.v1.FeeBreachResolved',
    ];
    const onKh = await timelineWith(kh(), state.journey, 13, () => true, ['ministry-officer']);
    const onTh = await timelineWith(th(), state.journey, 12, () => true, ['destination-officer']);
    expect(onKh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerRegistered', ...recruitmentSteps, ...contractSteps]);
    expect(onTh.entries.map((e: { eventType: string }) => e.eventType)).toEqual([...recruitmentSteps, ...contractSteps]);
    expect(onKh.entries.slice(-5).map((e: { stage: string }) => e.stage)).toEqual(Array(5).fill('contracts'));
    expect(onKh.openFlags).toEqual([]);
  });
});

describe('a fee breach flagged before the worker is matched', () => {
  it('stays at origin until the match, then crosses with it: TH sees the open flag', async () => {
    const created = await request(th().recruitment.getHttpServer())
      .post('/api/v1/job-orders')
      .set('Authorization', thOfficer())
      .send({
        origin: 'KH', employerName: 'Rayong Fishing Co.', employerRegistrationNumber: '0215560001111', workplaceProvince: 'Rayong',
        occupationIsco: '9216', sectorIsic: '03', workersRequested: 3, wageAmountMinor: 1050000, wageCurrency: 'THB', wagePeriod: 'month', hoursPerDay: 8, contractMonths: 24,
      })
      .expect(201);
    const jobOrder = created.body.jobOrderId;
    await request(th().recruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrder}/approval`).set('Authorization', thOfficer()).send({}).expect(201);
    await jobOrderOn(kh(), jobOrder, khMinistry(), 'approved');
    await request(kh().recruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrder}/verification`).set('Authorization', khMinistry()).send({}).expect(201);

    const worker = await registerWorker(kh(), { sex: 'male', occupationIsco: '9216' });
    const fee = await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/workers/${worker.workerId}/fees`)
      .set('Authorization', khMinistry())
      .send({ amountMinor: 80000, currency: 'THB', purpose: 'medical-examination', payeeName: 'private clinic', paidOn: today })
      .expect(201);
    expect(fee.body.breach).toMatchObject({ status: 'open', excess: { amountMinor: 30000 } });
    const onKhBefore = await timelineWith(kh(), worker.journeyId, 3, (t) => t.openFlags.length === 1, ['ministry-officer']);
    expect(onKhBefore.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerRegistered', 'corridor.v1.FeePaid', 'corridor.v1.FeeBreachFlagged']);
    expect((await request(th().journey.getHttpServer()).get(`/api/v1/journeys/${worker.journeyId}/timeline`).set('Authorization', thOfficer())).status).toBe(404);

    await request(kh().recruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrder}/matches`).set('Authorization', khMinistry()).send({ workerId: worker.workerId }).expect(201);
    const onTh = await timelineWith(th(), worker.journeyId, 2, (t) => t.openFlags.length === 1, ['destination-officer']);
    expect(onTh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerMatched', 'corridor.v1.FeeBreachFlagged']);
    expect(onTh.openFlags[0]).toMatchObject({ flagId: fee.body.breach.breachId, kind: 'fee-breach', blocksDeparture: true });

    // A decision with reason resolves it on both sides.
    await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/fee-breaches/${fee.body.breach.breachId}/decisions`)
      .set('Authorization', khMinistry())
      .send({ reason: 'medical examination required by the destination, receipt checked; employer to reimburse' })
      .expect(201);
    await timelineWith(th(), worker.journeyId, 3, (t) => t.openFlags.length === 0, ['destination-officer']);
    await timelineWith(kh(), worker.journeyId, 6, (t) => t.openFlags.length === 0, ['ministry-officer']);
  });
});

describe('consent to share withdrawn after the match, before a contract event', () => {
  it('the contract events that follow carry no person data: no key named, no sealed block, nothing in clear', async () => {
    const person = { fullName: 'ពៅ សុខា', fullNameLatin: 'Pov Sokha', birthDate: '1995-03-09', documentNumber: `NK${Date.now() % 10_000_000}` };
    const worker = await registerWorker(kh(), person);
    const jobOrder = await aVerifiedJobOrder(kh(), th());
    const matched = await request(kh().recruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrder}/matches`).set('Authorization', khMinistry()).send({ workerId: worker.workerId });
    expect(matched.body.personDataShared).toBe(true);
    // Positive control: with consent, the match carried the person data, sealed for TH.
    const [matchedRecord] = await corridorRecordsOf(worker.journeyId, 1);
    const crossing = sealedPersonDataOf(matchedRecord);
    expect(crossing.encryptionKeyId).toBe(loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').activeTransitKey.keyId);
    const opened = fromBinary(PersonDataSchema, openSealed(crossing.sealed!, loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').privateTransitKeys, new TextEncoder().encode(worker.journeyId)));
    expect(opened).toMatchObject({ fullNameLatin: person.fullNameLatin, documentNumber: person.documentNumber });

    const withdrawn = await request(kh().recruitment.getHttpServer()).post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`).set('Authorization', khMinistry()).send({ howGiven: 'signed-form' });
    expect(withdrawn.status).toBe(201);
    const drafted = await eventually(async () => {
      const response = await request(kh().contracts!.getHttpServer()).post('/api/v1/contracts').set('Authorization', khMinistry()).send({ journeyId: worker.journeyId });
      return response.body.type === 'https://corridor.gms/problems/worker-not-matched' || response.body.type === 'https://corridor.gms/problems/job-order-not-verified' ? undefined : response;
    }, 30_000, `the match of ${worker.journeyId} replicated to KH contracts`);
    expect(drafted.status).toBe(201);
    const signed = await request(kh().contracts!.getHttpServer()).post(`/api/v1/contracts/${drafted.body.contractId}/signatures`).set('Authorization', khMinistry()).send({ party: 'worker', signedOn: today });
    expect(signed.status).toBe(201);

    // The recruitment and contracts topics are read together: their records interleave in any order.
    const afterWithdrawal = (await corridorRecordsOf(worker.journeyId, 4)).filter((r) => decodeEnvelope(r.message.value).eventType !== 'corridor.v1.WorkerMatched');
    const seen = afterWithdrawal.map(sealedPersonDataOf);
    expect(seen.map((r) => r.eventType).sort()).toEqual(['corridor.v1.ConsentToShareWithdrawn', 'corridor.v1.ContractDrafted', 'corridor.v1.ContractSigned']);
    // Everything after the withdrawal: no key named, no sealed block, no person data in clear.
    expect(seen).toEqual(seen.map((r) => ({ eventType: r.eventType, encryptionKeyId: '', sealed: undefined })));
    const clear = [person.fullName, person.fullNameLatin, person.birthDate, person.documentNumber, 'Sokha'];
    expect(afterWithdrawal.filter((r) => clear.some((secret) => r.message.value!.includes(Buffer.from(secret, 'utf8'))))).toEqual([]);
  });
});

describe('who may call the new endpoints', () => {
  const uuid = '0193aaaa-0000-7000-8000-000000000001';
  const calls: { name: string; node: 'KH' | 'TH'; allowed: Role; call: (s: ReturnType<CountryNode['recruitment']['getHttpServer']>, t: string) => request.Test }[] = [
    { name: 'POST /api/v1/agencies', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post('/api/v1/agencies').set('Authorization', t).send({ name: 'x' }) },
    { name: 'GET /api/v1/agencies', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).get('/api/v1/agencies').set('Authorization', t) },
    { name: 'POST /api/v1/agencies/{id}/suspension', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/agencies/${uuid}/suspension`).set('Authorization', t).send({ reason: 'x' }) },
    { name: 'POST /api/v1/job-orders', node: 'TH', allowed: 'destination-officer', call: (s, t) => request(s).post('/api/v1/job-orders').set('Authorization', t).send({}) },
    { name: 'GET /api/v1/job-orders', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).get('/api/v1/job-orders').set('Authorization', t) },
    { name: 'POST /api/v1/job-orders/{id}/approval', node: 'TH', allowed: 'destination-officer', call: (s, t) => request(s).post(`/api/v1/job-orders/${uuid}/approval`).set('Authorization', t).send({}) },
    { name: 'POST /api/v1/job-orders/{id}/verification', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/job-orders/${uuid}/verification`).set('Authorization', t).send({}) },
    { name: 'POST /api/v1/job-orders/{id}/matches', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/job-orders/${uuid}/matches`).set('Authorization', t).send({ workerId: uuid }) },
    { name: 'GET /api/v1/matches', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).get('/api/v1/matches').set('Authorization', t) },
    { name: 'POST /api/v1/orientation-sessions', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post('/api/v1/orientation-sessions').set('Authorization', t).send({}) },
    { name: 'POST /api/v1/workers/{id}/fees', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/workers/${uuid}/fees`).set('Authorization', t).send({}) },
    { name: 'GET /api/v1/fee-breaches', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).get('/api/v1/fee-breaches').set('Authorization', t) },
    { name: 'POST /api/v1/fee-breaches/{id}/decisions', node: 'KH', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/fee-breaches/${uuid}/decisions`).set('Authorization', t).send({ reason: 'x' }) },
  ];

  it.each(calls)('$name: a third country (LA) is refused whatever its roles, a statistician too, no token is 401', async ({ node, allowed, call }) => {
    const server = platform.nodes[node].recruitment.getHttpServer();
    const foreign = await call(server, bearer('LA', [allowed, 'admin']));
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect((await call(server, bearer(node, ['statistician']))).status).toBe(403);
    expect((await call(server, '')).status).toBe(401);
  });
});
