import { Client } from 'pg';
import { isoDay } from '@corridor/reference-data';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, eventually, testNodeConfig } from '@corridor/testing';
import { agencyStaff, aWorker, khMinistry, registerAgency, registerWorker, verifiedJobOrder } from '@corridor/testing';
import { startCountryNodes, timelineOf } from '../support/country-nodes';

jest.setTimeout(180_000);

/**
 * The access findings of the hardening review (issue 8, findings 1–7), each replayed on KH and TH
 * nodes on the real Kafka and Postgres: what an intruder tried, and what the platform answers now.
 */
let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const kh = () => platform.nodes.KH;
const th = () => platform.nodes.TH;
const today = isoDay();

let agencyA: string;
let agencyB: string;
let workerOfA: { workerId: string; journeyId: string };
let jobOrderId: string;

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH'], undefined, { withContracts: true });
  agencyA = await registerAgency(kh().recruitment);
  agencyB = await registerAgency(kh().recruitment);
  workerOfA = await registerWorker(kh().recruitment, agencyStaff(agencyA), { fullNameLatin: 'Chan Sreymom', fullName: 'ចាន់ ស្រីមុំ' });
  jobOrderId = await verifiedJobOrder(kh().recruitment, th().recruitment);
});

afterAll(async () => {
  await platform?.stop();
});

const recruitment = () => request(kh().recruitment.getHttpServer());

describe('finding 1: roles combine without widening scope', () => {
  const bWithAdmin = () => bearer('KH', ['agency-staff', 'admin'], agencyB, 'staff-b-admin');
  const bWithMinistry = () => bearer('KH', ['agency-staff', 'ministry-officer'], agencyB, 'staff-b-ministry');

  it("agency B's token with admin or ministry-officer neither reads nor changes agency A's worker", async () => {
    for (const token of [bWithAdmin(), bWithMinistry()]) {
      const attempts = [
        recruitment().get(`/api/v1/workers/${workerOfA.workerId}`).query({ purpose: 'case review' }).set('Authorization', token),
        recruitment().post(`/api/v1/workers/${workerOfA.workerId}/nominations`).set('Authorization', token).send({ destination: 'TH' }),
        recruitment().post(`/api/v1/workers/${workerOfA.workerId}/consent-withdrawals`).set('Authorization', token).send({ howGiven: 'signed-form' }),
        recruitment().post(`/api/v1/workers/${workerOfA.workerId}/fees`).set('Authorization', token).send({ amountMinor: 1000, currency: 'THB', paidOn: today, purpose: 'recruitment-service', payeeAgencyId: agencyA }),
      ];
      for (const attempt of attempts) expect((await attempt).status).toBe(404);
      const search = await recruitment().get('/api/v1/workers').query({ name: 'Chan Sreymom', purpose: 'case review' }).set('Authorization', token).expect(200);
      expect(search.body).toEqual([]);
      const match = await recruitment().post(`/api/v1/job-orders/${jobOrderId}/matches`).set('Authorization', token).send({ workerId: workerOfA.workerId });
      expect(match.status).toBe(404);
    }
    // The worker is untouched: consent still given, not nominated, no fee.
    const seen = await recruitment().get(`/api/v1/workers/${workerOfA.workerId}`).query({ purpose: 'case review' }).set('Authorization', agencyStaff(agencyA)).expect(200);
    expect(seen.body).toMatchObject({ nominatedDestination: null, consent: { toShare: true, toShareWithdrawnOn: null } });
  });

  it("agency-staff + statistician sees only its own agency's journeys, not every KH journey", async () => {
    await timelineOf(kh(), workerOfA.journeyId, 1);
    const path = `/api/v1/journeys/${workerOfA.journeyId}/timeline`;
    // jest assertions, not supertest's .expect(): they count for expect.hasAssertions().
    expect((await request(kh().journey.getHttpServer()).get(path).set('Authorization', bearer('KH', ['agency-staff', 'statistician'], agencyB))).status).toBe(404);
    expect((await request(kh().journey.getHttpServer()).get(path).set('Authorization', bearer('KH', ['agency-staff', 'statistician'], agencyA))).status).toBe(200);
  });
});

describe("finding 2: a token's agency belongs to the token's country", () => {
  it('a TH token naming a KH agency reaches nothing of that agency on the KH timeline, even after the journey crossed', async () => {
    const crossed = await registerWorker(kh().recruitment, agencyStaff(agencyA), { fullNameLatin: 'Heng Rotha' });
    await recruitment().post(`/api/v1/workers/${crossed.workerId}/nominations`).set('Authorization', agencyStaff(agencyA)).send({ destination: 'TH' }).expect(201);
    // TH's destination officer (no agency in the token) does see it: the refusals below are the agency claim's.
    await timelineOf({ ...kh(), country: 'TH' }, crossed.journeyId, 1, ['destination-officer']);
    const path = `/api/v1/journeys/${crossed.journeyId}/timeline`;
    for (const roles of [['agency-staff'], ['agency-staff', 'destination-officer'], ['destination-officer']] as const) {
      const response = await request(kh().journey.getHttpServer()).get(path).set('Authorization', bearer('TH', [...roles], agencyA));
      // 403 where the token's agency claim leaves it no role for the operation, 404 otherwise: never the journey.
      expect([403, 404]).toContain(response.status);
      expect(response.body.entries).toBeUndefined();
    }
  });
});

describe('finding 3: no existence oracles', () => {
  it("a duplicate document names the existing worker only to whoever may see that worker", async () => {
    const registration = aWorker({ fullNameLatin: 'Keo Phalla' });
    await recruitment().post('/api/v1/workers').set('Authorization', agencyStaff(agencyA)).send(registration).expect(201);
    const byB = await recruitment().post('/api/v1/workers').set('Authorization', agencyStaff(agencyB)).send(registration).expect(409);
    expect(byB.body.existingWorkerId).toBeUndefined();
    const byA = await recruitment().post('/api/v1/workers').set('Authorization', agencyStaff(agencyA)).send(registration).expect(409);
    expect(byA.body.existingWorkerId).toEqual(expect.any(String));
  });

  it("another agency's object answers exactly like an unknown id", async () => {
    const unknown = '0193ffff-0000-7000-8000-000000000000';
    const mine = await recruitment().get(`/api/v1/workers/${workerOfA.workerId}`).query({ purpose: 'case review' }).set('Authorization', agencyStaff(agencyB));
    const none = await recruitment().get(`/api/v1/workers/${unknown}`).query({ purpose: 'case review' }).set('Authorization', agencyStaff(agencyB));
    expect([mine.status, mine.body.type, mine.body.title]).toEqual([none.status, none.body.type, none.body.title]);
    expect(mine.body.detail.replace(workerOfA.workerId, 'ID')).toBe(none.body.detail.replace(unknown, 'ID'));
  });
});

describe('finding 4: the destination sees the journey from the first crossing on, and only what crossed', () => {
  it('TH reading the KH journey node after the nomination sees the corridor events, not the registration', async () => {
    const worker = await registerWorker(kh().recruitment, khMinistry(), { fullNameLatin: 'Sao Bopha' });
    await timelineOf(kh(), worker.journeyId, 1);
    await recruitment().post(`/api/v1/workers/${worker.workerId}/nominations`).set('Authorization', khMinistry()).send({ destination: 'TH' }).expect(201);
    const atOrigin = await timelineOf(kh(), worker.journeyId, 2);
    const seenByTh = await timelineOf({ ...kh(), country: 'TH' }, worker.journeyId, 1, ['destination-officer']);
    expect(atOrigin.entries.map((e: { eventType: string }) => e.eventType)).toEqual(expect.arrayContaining(['corridor.v1.WorkerRegistered']));
    expect(seenByTh.entries.map((e: { eventType: string }) => e.eventType)).not.toContain('corridor.v1.WorkerRegistered');
    expect(seenByTh.entries.length).toBe(atOrigin.entries.length - 1);
  });
});

describe('finding 5: a suspended or revoked agency discloses and sends no person data', () => {
  it("after suspension, the agency's own worker can be neither read nor nominated, nor searched after revocation", async () => {
    const agency = await registerAgency(kh().recruitment);
    const worker = await registerWorker(kh().recruitment, agencyStaff(agency), { fullNameLatin: 'Lim Vuthy' });
    await recruitment().post(`/api/v1/agencies/${agency}/suspension`).set('Authorization', khMinistry()).send({ reason: 'unpaid bond' }).expect(201);
    const read = await recruitment().get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'case review' }).set('Authorization', agencyStaff(agency));
    const nominate = await recruitment().post(`/api/v1/workers/${worker.workerId}/nominations`).set('Authorization', agencyStaff(agency)).send({ destination: 'TH' });
    for (const refused of [read, nominate]) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: 'https://corridor.gms/problems/agency-licence-not-valid', licenceStatus: 'suspended', reason: 'suspended' });
    }
    await recruitment().post(`/api/v1/agencies/${agency}/revocation`).set('Authorization', khMinistry()).send({ reason: 'fraud' }).expect(201);
    const afterRevocation = await recruitment().get('/api/v1/workers').query({ name: 'Lim Vuthy', purpose: 'case review' }).set('Authorization', agencyStaff(agency));
    expect([afterRevocation.status, afterRevocation.body.type, afterRevocation.body.reason]).toEqual([409, 'https://corridor.gms/problems/agency-licence-not-valid', 'revoked']);
  });
});

describe('finding 6: refused attempts are in the refusal log an auditor reads', () => {
  it('a 401, a 403 and a 404 on an object show up with actor, operation, target and reason', async () => {
    const prober = bearer('KH', ['agency-staff'], agencyB, 'prober-6');
    await recruitment().get(`/api/v1/workers/${workerOfA.workerId}`).query({ purpose: 'case review' }).set('Authorization', prober).expect(404);
    await recruitment().get(`/api/v1/workers/${workerOfA.workerId}`).query({ purpose: 'case review' }).set('Authorization', prober).expect(404);
    await recruitment().post('/api/v1/agencies').set('Authorization', prober).send({}).expect(403);
    await recruitment().get('/api/v1/workers').query({ name: 'x', purpose: 'case review' }).set('Authorization', 'Bearer not-a-token').expect(401);
    const log = await recruitment().get('/api/v1/audit/refusals').query({ limit: 500 }).set('Authorization', bearer('KH', ['auditor'])).expect(200);
    const refusals: { actorOfficer: string; operation: string; targetId: string; reason: string; status: number; attempts: number }[] = log.body.refusals;
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorOfficer: 'prober-6', operation: 'worker.read', targetType: 'worker', targetId: workerOfA.workerId, reason: 'not-visible', status: 404, attempts: 2 }),
        expect.objectContaining({ actorOfficer: 'prober-6', operation: 'agency.register', reason: 'no-role', status: 403 }),
        expect.objectContaining({ actorOfficer: 'anonymous', operation: 'worker.search', reason: 'bad-token', status: 401 }),
      ]),
    );
    // Not for everyone: the refusal log is the auditors'.
    await recruitment().get('/api/v1/audit/refusals').set('Authorization', khMinistry()).expect(403);
  });
});

describe('finding 7: the idempotency store holds no person data in clear', () => {
  it('a 409 answer naming a passport number is stored sealed, and replayed as it was', async () => {
    const registration = aWorker({ fullNameLatin: 'Ouk Sambath' });
    await recruitment().post('/api/v1/workers').set('Authorization', khMinistry()).send(registration).expect(201);
    const first = await recruitment().post('/api/v1/workers').set('Authorization', khMinistry()).set('Idempotency-Key', 'dup-7').send(registration).expect(409);
    expect(first.body.detail).toContain(registration.documentNumber);
    const replay = await recruitment().post('/api/v1/workers').set('Authorization', khMinistry()).set('Idempotency-Key', 'dup-7').send(registration).expect(409);
    expect(replay.body).toEqual(first.body);
    const database = kh().recruitment.get(DataSource).options.database as string;
    const db = new Client({ ...testNodeConfig('KH').postgres, database });
    await db.connect();
    try {
      const stored = await eventually(async () => {
        const rows = await db.query<{ body: string }>("SELECT response_body::text AS body FROM idempotency_key WHERE key = 'dup-7' AND state = 'completed'");
        return rows.rows[0]?.body;
      });
      expect(stored).not.toContain(registration.documentNumber);
      expect(stored).not.toContain('Ouk Sambath');
    } finally {
      await db.end();
    }
  });
});
