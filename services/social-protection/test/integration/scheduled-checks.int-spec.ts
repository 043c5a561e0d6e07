import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { ArrivalConfirmedSchema, corridorTopic, encodeEvent } from '@corridor/events';
import { addDays, isoDay } from '@corridor/reference-data';
import { ManualClock, Scheduler } from '@corridor/scheduler';
import { bearer, dropTestDatabases, eventually, testKafka, testNodeConfig, uniqueName } from '@corridor/testing';
import { createSocialProtectionApp } from '../../src/social-protection.service';

jest.setTimeout(240_000);

/**
 * The uninsured and overdue-grievance checks on a clock the test moves (no sleeping): KH and two
 * instances of TH on one database, with the scheduler's timer off so that the test runs each
 * check when it wants, as often as it wants, on both instances at once. Each flag is raised once.
 */
const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_sp_checks');
const thDb = uniqueName('it_th_sp_checks');
const clock = new ManualClock(new Date());
let khApp: INestApplication;
let thApp: INestApplication;
let thTwin: INestApplication;
let producer: Producer;
const KH_MINISTRY = bearer('KH', ['ministry-officer'], undefined, 'officer-kh-1');
const TH_DESTINATION = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');

beforeAll(async () => {
  const runtime = { clock, scheduler: { enabled: false } };
  khApp = (await createSocialProtectionApp(kh, { database: khDb, ...runtime })).app;
  thApp = (await createSocialProtectionApp(th, { database: thDb, ...runtime })).app;
  thTwin = (await createSocialProtectionApp(th, { database: thDb, ...runtime })).app;
  producer = testKafka('sp-checks', th.kafkaBrokers, 'TH').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await thTwin?.close();
  await thApp?.close();
  await khApp?.close();
  await dropTestDatabases(kh, khDb, thDb);
});

const at = (app: INestApplication) => request(app.getHttpServer());
/** The check on both TH instances at once, then on each again: what each run raised. */
async function runEverywhere(check: string): Promise<number[]> {
  const both = await Promise.all([thApp.get(Scheduler).runNow(check), thTwin.get(Scheduler).runNow(check)]);
  const again = [await thApp.get(Scheduler).runNow(check), await thTwin.get(Scheduler).runNow(check)];
  return [...both, ...again].map((r) => r.raised);
}

/** The deployment service's ArrivalConfirmed, as TH's deployment service publishes it on the corridor topic. */
async function arrived(journeyId: string, arrivedOn: string): Promise<void> {
  const event = encodeEvent({
    schema: ArrivalConfirmedSchema,
    journeyId,
    corridor: { origin: 'KH', destination: 'TH' },
    recordedBy: { country: 'TH', officerId: 'officer-th-arrivals' },
    payload: create(ArrivalConfirmedSchema, { arrivedOn, employerName: 'Siam Frozen Foods Co., Ltd.' }),
  });
  await producer.send({ topic: corridorTopic('KH', 'TH', 'deployment'), messages: [{ key: journeyId, value: Buffer.from(event.bytes), headers: { 'event-type': event.eventType, 'event-id': event.eventId } }] });
}

describe('the uninsured check (30 days after arrival, infra/config/social-protection.json)', () => {
  it('flags a worker with no health insurance once, on both ends; a health insurance clears it', async () => {
    const today = isoDay();
    const uninsured = uuidv7();
    const insured = uuidv7();
    await arrived(uninsured, today);
    await arrived(insured, today);
    await at(thApp).post('/api/v1/enrolments').set('Authorization', TH_DESTINATION).send({ journeyId: insured, origin: 'KH', destination: 'TH', schemeCode: 'TH-SSO-MEDICAL', memberNumber: 'SSO-1', coverageFrom: today }).expect(201);
    const flagsOf = async (app: INestApplication, token: string, journeyId: string) =>
      (await at(app).get(`/api/v1/uninsured-flags?journeyId=${journeyId}`).set('Authorization', token)).body.items as { flagId: string; clearedOn: string | null }[];
    // Both arrivals known at TH (from the deployment topic) before time moves.
    await eventually(async () => {
      const rows: unknown[] = await thApp.get(DataSource).query('SELECT 1 FROM arrival WHERE journey_id = ANY($1)', [[uninsured, insured]]);
      return rows.length === 2 ? true : undefined;
    }, 60_000, 'arrivals on TH');
    clock.set(`${addDays(today, 30)}T12:00:00Z`);
    // Day 30: still allowed. Asserted on this journey's flags, not the run's count: an arrival another suite
    // confirmed on the shared corridor topic a day earlier (a run across midnight) would be due already.
    await thApp.get(Scheduler).runNow('social-protection.uninsured');
    expect(await flagsOf(thApp, TH_DESTINATION, uninsured)).toEqual([]);

    clock.set(`${addDays(today, 31)}T12:00:00Z`);
    const raised = await runEverywhere('social-protection.uninsured');
    // Arrivals other suites of the run published on the corridor topic may be flagged too: this
    // journey's flag is counted on its own, and a second run (below) raises none at all.
    expect(raised.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await flagsOf(thApp, TH_DESTINATION, uninsured)).toHaveLength(1);
    expect(await flagsOf(thApp, TH_DESTINATION, insured)).toEqual([]);
    const [flag] = await flagsOf(thApp, TH_DESTINATION, uninsured);
    expect(flag).toMatchObject({ clearedOn: null });
    const atKh = await eventually(async () => {
      const found = await flagsOf(khApp, KH_MINISTRY, uninsured);
      return found.length === 1 ? found : undefined;
    }, 60_000, 'uninsured flag on KH');
    expect(atKh[0].flagId).toBe(flag.flagId);

    // Health insurance recorded (by either end) clears it, and the other end follows.
    await at(thApp).post('/api/v1/enrolments').set('Authorization', TH_DESTINATION).send({ journeyId: uninsured, origin: 'KH', destination: 'TH', schemeCode: 'TH-MOPH-MIGRANT', memberNumber: 'MIG-9', coverageFrom: today }).expect(201);
    await eventually(async () => ((await flagsOf(khApp, KH_MINISTRY, uninsured))[0]?.clearedOn ? true : undefined), 60_000, 'uninsured flag cleared on KH');
    // Runs again: this journey's flag stays the one, cleared (what other suites' arrivals raise meanwhile is theirs).
    await runEverywhere('social-protection.uninsured');
    expect(await flagsOf(thApp, TH_DESTINATION, uninsured)).toEqual([expect.objectContaining({ flagId: flag.flagId, clearedOn: expect.any(String) })]);
  });
});

describe('the overdue-grievance check (abuse or violence: 3 days)', () => {
  it('flags an unanswered grievance after its deadline and escalates it to the supervisors, once each, seen at the filing end', async () => {
    const today = isoDay();
    clock.set(`${today}T12:00:00Z`);
    const filed = await at(khApp)
      .post('/api/v1/grievances')
      .set('Authorization', KH_MINISTRY)
      .send({ journeyId: uuidv7(), origin: 'KH', destination: 'TH', category: 'abuse-or-violence', description: 'Beaten by the supervisor on the night shift', filedOn: today })
      .expect(201);
    const id = filed.body.grievanceId as string;
    expect(filed.body.deadlineOn).toBe(addDays(today, 3));
    await eventually(async () => ((await at(thApp).get(`/api/v1/grievances/${id}`).set('Authorization', TH_DESTINATION)).status === 200 ? true : undefined), 60_000, 'grievance on TH');

    // Grievances other suites of the run file reach this node on the corridor topic too, and may
    // fall due: the runs' counts include them, so what is asserted is this grievance's own history.
    const actionsOnTh = async () => ((await at(thApp).get(`/api/v1/grievances/${id}`).set('Authorization', TH_DESTINATION).expect(200)).body.history as { action: string }[]).map((step) => step.action);
    clock.set(`${addDays(today, 3)}T23:00:00Z`);
    await runEverywhere('social-protection.grievance-overdue');
    expect(await actionsOnTh()).toEqual(['filed']); // the deadline day itself

    clock.set(`${addDays(today, 4)}T01:00:00Z`);
    const raised = await runEverywhere('social-protection.grievance-overdue');
    expect(raised.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    // The overdue flag and the escalation once each, though two instances ran the check at once and each ran it twice.
    expect(await actionsOnTh()).toEqual(['filed', 'overdue-flagged', 'escalated']);

    const queue = await at(thApp).get('/api/v1/grievances/escalated').set('Authorization', TH_DESTINATION).expect(200);
    expect(queue.body.items.map((g: { grievanceId: string }) => g.grievanceId)).toContain(id);
    const atKh = await eventually(async () => {
      const r = await at(khApp).get(`/api/v1/grievances/${id}`).set('Authorization', KH_MINISTRY);
      return r.body.escalatedOn ? r.body : undefined;
    }, 60_000, 'escalation on KH');
    expect(atKh).toMatchObject({ status: 'open', overdue: { flaggedOn: addDays(today, 4) }, escalatedOn: addDays(today, 4) });
    expect(atKh.history.map((s: { action: string }) => s.action)).toEqual(['filed', 'overdue-flagged', 'escalated']);
    const overdueAtKh = await at(khApp).get('/api/v1/grievances?flag=overdue&category=abuse-or-violence').set('Authorization', KH_MINISTRY).expect(200);
    expect(overdueAtKh.body.items.map((g: { grievanceId: string }) => g.grievanceId)).toContain(id);

    clock.set(`${addDays(today, 9)}T01:00:00Z`);
    await runEverywhere('social-protection.grievance-overdue');
    expect(await actionsOnTh()).toEqual(['filed', 'overdue-flagged', 'escalated']);
  });
});
