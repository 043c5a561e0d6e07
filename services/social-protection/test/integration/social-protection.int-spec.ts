import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { isoDay } from '@corridor/reference-data';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { createSocialProtectionApp } from '../../src/social-protection.service';

jest.setTimeout(180_000);

/** The social-protection services of KH (origin) and TH (destination) on the real Postgres and Kafka, each on a throw-away database. */
const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_social_protection');
const thDb = uniqueName('it_th_social_protection');
let khApp: INestApplication;
let thApp: INestApplication;
const KH_MINISTRY = bearer('KH', ['ministry-officer'], undefined, 'officer-kh-1');
const TH_DESTINATION = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');
const TH_CASEWORKER = bearer('TH', ['caseworker'], undefined, 'caseworker-th-7');
const LA_OFFICER = bearer('LA', ['ministry-officer', 'destination-officer', 'welfare-officer']);
const P = 'https://corridor.gms/problems/';

beforeAll(async () => {
  khApp = (await createSocialProtectionApp(kh, { database: khDb })).app;
  thApp = (await createSocialProtectionApp(th, { database: thDb })).app;
});

afterAll(async () => {
  await khApp?.close();
  await thApp?.close();
  await dropTestDatabases(kh, khDb, thDb);
});

const at = (app: INestApplication) => request(app.getHttpServer());
const onCorridor = () => ({ journeyId: uuidv7(), origin: 'KH', destination: 'TH' });
const seen = <T>(app: INestApplication, path: string, token: string, until: (body: T) => boolean = () => true) =>
  eventually(async () => {
    const r = await at(app).get(path).set('Authorization', token);
    return r.status === 200 && until(r.body as T) ? (r.body as T) : undefined;
  }, 60_000, `${path}`);

describe('grievances', () => {
  it('filed at KH, handled and resolved in the TH queue with an amount recovered; KH sees every step', async () => {
    const filed = await at(khApp)
      .post('/api/v1/grievances')
      .set('Authorization', KH_MINISTRY)
      .send({ ...onCorridor(), category: 'unpaid-wages', description: 'Wages for October unpaid by Siam Frozen Foods', filedOn: isoDay() });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', handlingCountry: 'TH', filedByCountry: 'KH', category: 'unpaid-wages' });
    const id = filed.body.grievanceId as string;

    // In TH's queue, the description opened with TH's key.
    const queued = await seen<{ items: { grievanceId: string; description: string }[] }>(thApp, `/api/v1/grievances?status=open&category=unpaid-wages&journeyId=${filed.body.journeyId}`, TH_DESTINATION, (b) => b.items.length === 1);
    expect(queued.items[0]).toMatchObject({ grievanceId: id, description: 'Wages for October unpaid by Siam Frozen Foods' });

    expect((await at(thApp).post(`/api/v1/grievances/${id}/assignment`).set('Authorization', TH_DESTINATION).send({ assignee: 'caseworker-th-7' })).status).toBe(201);
    expect((await at(thApp).post(`/api/v1/grievances/${id}/status-changes`).set('Authorization', TH_CASEWORKER).send({ status: 'under-investigation', changedOn: isoDay(), note: 'Employer summoned' })).status).toBe(201);
    const resolved = await at(thApp)
      .post(`/api/v1/grievances/${id}/resolution`)
      .set('Authorization', TH_CASEWORKER)
      .send({ outcome: 'upheld-paid', amountRecoveredMinor: 1_250_000, currency: 'THB', resolvedOn: isoDay() });
    expect(resolved.status).toBe(201);
    expect(resolved.body).toMatchObject({ status: 'resolved', allowedActions: ['close'], amountRecovered: { amountMinor: 1_250_000, currency: 'THB' } });

    const atKh = await seen<{ status: string; history: { action: string; byCountry: string; note: string | null }[] }>(khApp, `/api/v1/grievances/${id}`, KH_MINISTRY, (g) => g.status === 'resolved');
    expect(atKh).toMatchObject({ assignee: 'caseworker-th-7', outcome: 'upheld-paid', amountRecovered: { amountMinor: 1_250_000, currency: 'THB' } });
    expect(atKh.history.map((s) => `${s.action}@${s.byCountry}`)).toEqual(['filed@KH', 'assigned@TH', 'status-changed@TH', 'resolved@TH']);
    expect(atKh.history[2].note).toBe('Employer summoned');

    // The lifecycle names the state and what is allowed; KH follows but does not handle.
    const again = await at(thApp).post(`/api/v1/grievances/${id}/status-changes`).set('Authorization', TH_CASEWORKER).send({ status: 'referred', referredTo: 'labour-court', changedOn: isoDay() });
    expect(again.body).toMatchObject({ status: 409, type: `${P}illegal-transition`, currentState: 'resolved', allowedActions: ['close'] });
    expect((await at(khApp).post(`/api/v1/grievances/${id}/closure`).set('Authorization', KH_MINISTRY).send({ reason: 'resolved', closedOn: isoDay() })).status).toBe(403);
    const wrongReason = await at(thApp).post(`/api/v1/grievances/${id}/closure`).set('Authorization', TH_CASEWORKER).send({ reason: 'withdrawn', closedOn: isoDay() });
    expect(wrongReason.body).toMatchObject({ status: 422, type: `${P}grievance-rule-broken`, field: 'reason' });
    expect((await at(thApp).post(`/api/v1/grievances/${id}/closure`).set('Authorization', TH_CASEWORKER).send({ reason: 'resolved', closedOn: isoDay() })).status).toBe(201);
    await seen(khApp, `/api/v1/grievances/${id}`, KH_MINISTRY, (g: { status: string }) => g.status === 'closed');

    // The description is not stored in clear.
    const rows: { description_enc: string }[] = await thApp.get(DataSource).query('SELECT description_enc FROM grievance WHERE id = $1', [id]);
    expect(rows[0].description_enc).not.toContain('Siam');
  });

  it('refuses a referral without where to, a future day, and a third country', async () => {
    const filed = await at(thApp).post('/api/v1/grievances').set('Authorization', TH_DESTINATION).send({ ...onCorridor(), category: 'confiscated-documents', description: 'Passport kept by the employer', filedOn: isoDay() });
    expect(filed.status).toBe(201);
    const id = filed.body.grievanceId as string;
    const noTarget = await at(thApp).post(`/api/v1/grievances/${id}/status-changes`).set('Authorization', TH_DESTINATION).send({ status: 'referred', changedOn: isoDay() });
    expect(noTarget.body).toMatchObject({ status: 422, type: `${P}grievance-rule-broken`, field: 'referredTo' });
    const future = await at(thApp).post('/api/v1/grievances').set('Authorization', TH_DESTINATION).send({ ...onCorridor(), category: 'other', description: 'Something in the future', filedOn: '2999-01-01' });
    expect(future.body).toMatchObject({ status: 422, field: 'filedOn' });
    expect((await at(khApp).get(`/api/v1/grievances/${id}`).set('Authorization', LA_OFFICER)).status).toBe(403);
    const laList = await at(thApp).get('/api/v1/grievances').set('Authorization', bearer('TH', ['welfare-officer']));
    expect(laList.status).toBe(200);
  });
});

describe('enrolments, remittances and welfare cases', () => {
  it('an enrolment at TH in a scheme of its list reaches KH with the member number; an unknown scheme is refused', async () => {
    const unknown = await at(thApp).post('/api/v1/enrolments').set('Authorization', TH_DESTINATION).send({ ...onCorridor(), schemeCode: 'TH-NOPE', memberNumber: 'X1', coverageFrom: isoDay() });
    expect(unknown.body).toMatchObject({ status: 422, type: `${P}enrolment-not-recordable`, field: 'schemeCode' });
    const schemes = await at(thApp).get('/api/v1/schemes?destination=TH').set('Authorization', TH_DESTINATION);
    expect(schemes.body.map((s: { code: string }) => s.code)).toContain('TH-MOPH-MIGRANT');
    const enrolled = await at(thApp).post('/api/v1/enrolments').set('Authorization', TH_DESTINATION).send({ ...onCorridor(), schemeCode: 'TH-MOPH-MIGRANT', memberNumber: 'MIG-6612-000123', coverageFrom: isoDay() });
    expect(enrolled.status).toBe(201);
    const atKh = await seen(khApp, `/api/v1/enrolments/${enrolled.body.enrolmentId}`, KH_MINISTRY);
    expect(atKh).toMatchObject({ kind: 'health-insurance', memberNumber: 'MIG-6612-000123', recordedByCountry: 'TH' });
  });

  it('a remittance recorded at KH reaches TH with its cost; a fee above the amount is refused', async () => {
    const tooDear = await at(khApp).post('/api/v1/remittances').set('Authorization', KH_MINISTRY).send({ ...onCorridor(), sentOn: isoDay(), amountMinor: 1000, currency: 'THB', feeMinor: 2000, channel: 'agent' });
    expect(tooDear.body).toMatchObject({ status: 422, type: `${P}remittance-not-recordable`, field: 'feeMinor' });
    const sent = await at(khApp)
      .post('/api/v1/remittances')
      .set('Authorization', KH_MINISTRY)
      .send({ ...onCorridor(), sentOn: isoDay(), amountMinor: 800_000, currency: 'THB', feeMinor: 12_000, channel: 'mobile-money', receivedMinor: 9_350_000, receivedCurrency: 'KHR' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ costPercent: 1.5, amountReceived: { amountMinor: 9_350_000, currency: 'KHR' } });
    expect(await seen(thApp, `/api/v1/remittances/${sent.body.remittanceId}`, TH_DESTINATION)).toMatchObject({ costPercent: 1.5, channel: 'mobile-money', recordedByCountry: 'KH' });
  });

  it('a welfare case opened at TH is noted at KH, referred and closed; a note after closing is refused', async () => {
    const opened = await at(thApp).post('/api/v1/welfare-cases').set('Authorization', TH_DESTINATION).send({ ...onCorridor(), kind: 'health', summary: 'Hand injury at the factory', openedOn: isoDay() });
    expect(opened.status).toBe(201);
    const id = opened.body.caseId as string;
    await seen(khApp, `/api/v1/welfare-cases/${id}`, KH_MINISTRY);
    expect((await at(khApp).post(`/api/v1/welfare-cases/${id}/notes`).set('Authorization', KH_MINISTRY).send({ text: 'Family informed in Battambang', notedOn: isoDay() })).status).toBe(201);
    const noted = await seen<{ notes: { text: string; byCountry: string }[] }>(thApp, `/api/v1/welfare-cases/${id}`, TH_DESTINATION, (c) => c.notes.length === 1);
    expect(noted.notes[0]).toMatchObject({ text: 'Family informed in Battambang', byCountry: 'KH' });
    expect((await at(thApp).post(`/api/v1/welfare-cases/${id}/referrals`).set('Authorization', TH_DESTINATION).send({ referredTo: 'hospital', referredOn: isoDay() })).body).toMatchObject({ status: 'referred', referredTo: 'hospital' });
    expect((await at(thApp).post(`/api/v1/welfare-cases/${id}/closure`).set('Authorization', TH_DESTINATION).send({ outcome: 'resolved', closedOn: isoDay() })).body).toMatchObject({ status: 'closed' });
    const late = await at(thApp).post(`/api/v1/welfare-cases/${id}/notes`).set('Authorization', TH_DESTINATION).send({ text: 'too late', notedOn: isoDay() });
    expect(late.body).toMatchObject({ status: 409, type: `${P}illegal-transition`, currentState: 'closed', allowedActions: [] });
    await seen(khApp, `/api/v1/welfare-cases/${id}`, KH_MINISTRY, (c: { status: string }) => c.status === 'closed');
  });
});
