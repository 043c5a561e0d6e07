import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isoDay } from '@corridor/reference-data';
import { bearer, eventually, testNodeConfig } from '@corridor/testing';
import { corridorRecordsOf, sealedPersonDataOf } from '../support/corridor-records';
import { aVerifiedJobOrder, registerWorker, startCountryNodes, timelineOf, type CountryNode } from '../support/country-nodes';

jest.setTimeout(180_000);

/**
 * The consent and fee-cap rules where they take effect across the border, on the real Kafka and
 * Postgres: KH (origin) and TH (destination) nodes in process (recruitment and journey). Each path
 * of docs/testing.md "Rules covered across the border" has its test here, but consent withdrawn
 * before a nomination (test/e2e/cross-border-protection.e2e-spec.ts) and before a contract event
 * (test/e2e/recruitment-stage.e2e-spec.ts, which runs the contracts services). The KH→TH fee cap is set to
 * 500.00 THB for this suite, so that "at", "below" and "above" the cap are three different answers.
 */
const CAP = 50_000;
let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const savedPolicies = process.env.CORRIDOR_POLICIES_FILE;
const today = isoDay();
let jobOrder: string;

const kh = () => platform.nodes.KH;
const th = () => platform.nodes.TH;
const KH_MINISTRY = bearer('KH', ['ministry-officer']);
const recruitment = (node: CountryNode) => request(node.recruitment.getHttpServer());

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
  process.env.CORRIDOR_POLICIES_FILE = path.join(dir, 'corridor-policies.json');
  writeFileSync(process.env.CORRIDOR_POLICIES_FILE, JSON.stringify({ 'KH>TH': { recruitmentFeeCap: { amountMinor: CAP, currency: 'THB' } } }));
  platform = await startCountryNodes(['KH', 'TH']);
  jobOrder = await aVerifiedJobOrder(kh(), th(), { workersRequested: 12 });
});

afterAll(async () => {
  await platform?.stop();
  if (savedPolicies === undefined) delete process.env.CORRIDOR_POLICIES_FILE;
  else process.env.CORRIDOR_POLICIES_FILE = savedPolicies;
});

async function match(workerId: string) {
  const matched = await recruitment(kh()).post(`/api/v1/job-orders/${jobOrder}/matches`).set('Authorization', KH_MINISTRY).send({ workerId });
  expect(matched.status).toBe(201);
  return matched.body as { personDataShared: boolean };
}

async function withdrawConsent(workerId: string): Promise<void> {
  const withdrawn = await recruitment(kh()).post(`/api/v1/workers/${workerId}/consent-withdrawals`).set('Authorization', KH_MINISTRY).send({ howGiven: 'signed-form' });
  expect(withdrawn.status).toBe(201);
}

const THB = (amountMinor: number) => ({ amountMinor, currency: 'THB', purpose: 'recruitment-service', payeeName: 'sub-agent in Battambang', paidOn: today });

async function recordFee(workerId: string, fee: Record<string, unknown>) {
  const response = await recruitment(kh()).post(`/api/v1/workers/${workerId}/fees`).set('Authorization', KH_MINISTRY).send(fee);
  expect(response.status).toBe(201);
  return response.body as { fee: { feeId: string }; breach: Record<string, unknown> | null };
}

/** The event types KH recruitment published or will publish for a journey: its outbox, the source of what crosses. */
async function outboxEventTypesOf(journeyId: string): Promise<string[]> {
  const client = new Client({ ...testNodeConfig('KH').postgres, database: kh().recruitment.get(DataSource).options.database as string });
  await client.connect();
  try {
    return (await client.query<{ event_type: string }>('SELECT event_type FROM outbox WHERE record_key = $1 ORDER BY id', [journeyId])).rows.map((r) => r.event_type);
  } finally {
    await client.end();
  }
}

/** TH's timeline of the journey once it holds `count` entries. */
async function thTimeline(journeyId: string, count: number) {
  return eventually(async () => {
    const timeline = await timelineOf(th(), journeyId, count, ['destination-officer']);
    return timeline.entries.length === count ? (timeline as { entries: { eventType: string }[]; openFlags: Record<string, unknown>[] }) : undefined;
  }, 30_000, `${count} entries of ${journeyId} on TH`);
}

describe('consent to share, where it decides what crosses the KH→TH border', () => {
  it('refused at registration: stored as refused, and neither the match nor a later event carries person data', async () => {
    const worker = await registerWorker(kh(), { consentToShare: false });
    const stored = await recruitment(kh()).get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'consent check' }).set('Authorization', KH_MINISTRY);
    expect(stored.body.consent).toMatchObject({ toShare: false, toShareWithdrawnOn: null });
    expect((await match(worker.workerId)).personDataShared).toBe(false);

    const [matched] = await corridorRecordsOf(worker.journeyId, 1);
    expect(sealedPersonDataOf(matched)).toEqual({ eventType: 'corridor.v1.WorkerMatched', encryptionKeyId: '', sealed: new Uint8Array() });
    // There is nothing to withdraw: consent to share was never given.
    const withdrawal = await recruitment(kh()).post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`).set('Authorization', KH_MINISTRY).send({ howGiven: 'signed-form' });
    expect(withdrawal.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/consent-already-withdrawn', withdrawnOn: null });
  });

  it('refused at registration: a nomination carries no person data either', async () => {
    const worker = await registerWorker(kh(), { consentToShare: false });
    const nominated = await recruitment(kh()).post(`/api/v1/workers/${worker.workerId}/nominations`).set('Authorization', KH_MINISTRY).send({ destination: 'TH' });
    expect(nominated.status).toBe(201);
    expect(nominated.body.personDataShared).toBe(false);
    const [record] = await corridorRecordsOf(worker.journeyId, 1);
    expect(sealedPersonDataOf(record)).toEqual({ eventType: 'corridor.v1.WorkerNominated', encryptionKeyId: '', sealed: new Uint8Array() });
  });

  it('withdrawn before the match: the match carries no person data', async () => {
    const worker = await registerWorker(kh());
    await withdrawConsent(worker.workerId);
    expect((await match(worker.workerId)).personDataShared).toBe(false);
    const [record] = await corridorRecordsOf(worker.journeyId, 1);
    expect(sealedPersonDataOf(record)).toEqual({ eventType: 'corridor.v1.WorkerMatched', encryptionKeyId: '', sealed: new Uint8Array() });
    const timeline = await thTimeline(worker.journeyId, 1);
    expect(timeline.entries.map((e) => e.eventType)).toEqual(['corridor.v1.WorkerMatched']);
  });
});

describe(`the fee cap (${CAP} THB along KH→TH), where a breach crosses the border`, () => {
  /** A matched worker: from the match on, the journey's fee events go along the corridor to TH. */
  async function aMatchedWorker() {
    const worker = await registerWorker(kh());
    await match(worker.workerId);
    return worker;
  }

  it('exactly at the cap: no breach, TH sees the payment and no flag', async () => {
    const worker = await aMatchedWorker();
    expect((await recordFee(worker.workerId, THB(CAP))).breach).toBeNull();
    expect(await outboxEventTypesOf(worker.journeyId)).not.toContain('corridor.v1.FeeBreachFlagged');
    const timeline = await thTimeline(worker.journeyId, 2);
    expect(timeline.entries.map((e) => e.eventType)).toEqual(['corridor.v1.WorkerMatched', 'corridor.v1.FeePaid']);
    expect(timeline.openFlags).toEqual([]);
  });

  it('below the cap: no breach, TH sees the payment and no flag', async () => {
    const worker = await aMatchedWorker();
    expect((await recordFee(worker.workerId, THB(CAP - 1))).breach).toBeNull();
    expect(await outboxEventTypesOf(worker.journeyId)).not.toContain('corridor.v1.FeeBreachFlagged');
    expect((await thTimeline(worker.journeyId, 2)).openFlags).toEqual([]);
  });

  it('one satang above the cap: a breach of 1, flagged on TH as blocking departure', async () => {
    const worker = await aMatchedWorker();
    const { breach } = await recordFee(worker.workerId, THB(CAP + 1));
    expect(breach).toMatchObject({ status: 'open', cap: { amountMinor: CAP, currency: 'THB' }, paidTotal: { amountMinor: CAP + 1, currency: 'THB' }, excess: { amountMinor: 1, currency: 'THB' } });
    const timeline = await thTimeline(worker.journeyId, 3);
    expect(timeline.openFlags).toEqual([expect.objectContaining({ flagId: breach!.breachId, kind: 'fee-breach', blocksDeparture: true, reason: expect.stringMatching(/paid 50001 THB .*cap is 50000 THB: 1 above it/) })]);
  });

  it('in instalments the total counts: each below the cap, together above it', async () => {
    const worker = await aMatchedWorker();
    expect((await recordFee(worker.workerId, THB(30_000))).breach).toBeNull();
    const { breach } = await recordFee(worker.workerId, { ...THB(20_001), purpose: 'medical-examination' });
    expect(breach).toMatchObject({ status: 'open', paidTotal: { amountMinor: 50_001 }, excess: { amountMinor: 1 } });
    // A third instalment updates the open breach with the new total.
    const third = await recordFee(worker.workerId, THB(9_999));
    expect(third.breach).toMatchObject({ breachId: breach!.breachId, paidTotal: { amountMinor: 60_000 }, excess: { amountMinor: 10_000 } });
    const timeline = await thTimeline(worker.journeyId, 6);
    expect(timeline.entries.map((e) => e.eventType)).toEqual(['corridor.v1.WorkerMatched', 'corridor.v1.FeePaid', 'corridor.v1.FeePaid', 'corridor.v1.FeeBreachFlagged', 'corridor.v1.FeePaid', 'corridor.v1.FeeBreachFlagged']);
    expect(timeline.openFlags).toEqual([expect.objectContaining({ flagId: breach!.breachId, kind: 'fee-breach', blocksDeparture: true })]);
  });

  it('in another currency than the cap: flagged for review as not comparable, however small', async () => {
    const worker = await aMatchedWorker();
    const { breach } = await recordFee(worker.workerId, { ...THB(100), currency: 'USD' });
    expect(breach).toMatchObject({ status: 'open', cap: { amountMinor: CAP, currency: 'THB' }, paidTotal: { amountMinor: 100, currency: 'USD' }, reason: expect.stringMatching(/cap is in THB and cannot be compared: flagged for review/) });
    const timeline = await thTimeline(worker.journeyId, 3);
    expect(timeline.openFlags).toEqual([expect.objectContaining({ flagId: breach!.breachId, kind: 'fee-breach', blocksDeparture: true, reason: expect.stringMatching(/cannot be compared/) })]);
  });
});
