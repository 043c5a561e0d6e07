import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { isoDay } from '@corridor/reference-data';
import { aWorkerRegistration, bearer, eventually } from '@corridor/testing';
import { startCountryNodes } from '../support/country-nodes';

jest.setTimeout(240_000);

type Nodes = Awaited<ReturnType<typeof startCountryNodes>>;
let platform: Nodes;
const kh = (service: 'recruitment' | 'journey' | 'reintegration'): INestApplication =>
  service === 'reintegration' ? platform.nodes.KH!.stages.reintegration : platform.nodes.KH![service];
const th = (service: 'journey' | 'reintegration'): INestApplication => (service === 'reintegration' ? platform.nodes.TH!.stages.reintegration : platform.nodes.TH!.journey);
const khMinistry = bearer('KH', ['ministry-officer']);
const khCaseworker = bearer('KH', ['caseworker'], undefined, 'caseworker-kh-1');
const thOfficer = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');
const today = isoDay();
const inDays = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH'], undefined, { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
});

const answers = (level: 'low' | 'high') =>
  level === 'low'
    ? { 'econ.income-sufficiency': 'very-poor', 'econ.employment': 'none', 'econ.debt-burden': 'heavy', 'social.housing': 'poor', 'social.services-access': 'fair', 'social.network': 'no', 'psy.distress': 'often', 'psy.belonging': 'poor', 'psy.discrimination': 'sometimes' }
    : { 'econ.income-sufficiency': 'good', 'econ.employment': 'full-time', 'econ.debt-burden': 'manageable', 'social.housing': 'good', 'social.services-access': 'good', 'social.network': 'yes', 'psy.distress': 'rarely', 'psy.belonging': 'good', 'psy.discrimination': 'never' };

describe('return and reintegration across KH and TH', () => {
  it('a worker returns early after a grievance: TH records it, KH opens the case, the caseworker works it to closure, both timelines show the return', async () => {
    // The worker goes abroad: registered at KH, on TH's name list (the journey's first cross-border event).
    const worker = await request(kh('recruitment').getHttpServer()).post('/api/v1/workers').set('Authorization', khMinistry).send(aWorkerRegistration()).expect(201);
    const journeyId = worker.body.journeyId as string;
    await request(kh('recruitment').getHttpServer()).post(`/api/v1/workers/${worker.body.workerId}/nominations`).set('Authorization', khMinistry).send({ destination: 'TH' }).expect(201);

    // The worker's grievance: filed at KH (unpaid wages), in TH's queue; the return that follows is early.
    const social = (node: 'KH' | 'TH') => request(platform.nodes[node]!.stages['social-protection'].getHttpServer());
    await social('KH')
      .post('/api/v1/grievances')
      .set('Authorization', khMinistry)
      .send({ journeyId, origin: 'KH', destination: 'TH', category: 'unpaid-wages', description: 'Two months of wages unpaid', filedOn: today })
      .expect(201);
    await eventually(async () => {
      const r = await social('TH').get(`/api/v1/grievances?journeyId=${journeyId}&status=open`).set('Authorization', thOfficer);
      return r.body.total === 1 ? true : undefined;
    }, 60_000, 'the grievance in TH\'s queue');

    // TH knows the journey once the nomination crossed; its officer reports the early departure home.
    const recorded = await eventually(async () => {
      const r = await request(th('reintegration').getHttpServer())
        .post('/api/v1/returns')
        .set('Authorization', thOfficer)
        .send({ journeyId, status: 'happened', type: 'early', returnDate: today, checkpoint: 'Poipet', reason: 'grievance: unpaid wages' });
      return r.status === 201 ? r.body : undefined;
    }, 60_000, 'TH records the return');
    expect(recorded).toMatchObject({ journeyId, status: 'happened', type: 'early', recordedBySide: 'destination', origin: 'KH', destination: 'TH', sex: 'female' });

    // KH opens the case on the destination's report; the caseworker's queue shows it (assessment due after 0 days).
    const caseId = await eventually(async () => {
      const r = await request(kh('reintegration').getHttpServer()).get(`/api/v1/reintegration-cases?journeyId=${journeyId}`).set('Authorization', khCaseworker);
      return r.status === 200 && r.body.total === 1 ? (r.body.items[0].caseId as string) : undefined;
    }, 60_000, 'KH opens the case');
    const queue = await request(kh('reintegration').getHttpServer()).get('/api/v1/reintegration-cases/work-queue?assessmentDays=0&limit=100').set('Authorization', khCaseworker).expect(200);
    expect(queue.body.items).toContainEqual(expect.objectContaining({ kind: 'assessment-overdue', caseId, journeyId, since: today, daysOverdue: 0 }));

    const post = (path: string, body: object) => request(kh('reintegration').getHttpServer()).post(`/api/v1/reintegration-cases/${caseId}${path}`).set('Authorization', khCaseworker).send(body);
    // A plan before the assessment is refused by the case's lifecycle.
    const early = await post('/plans', { goals: [{ dimension: 'economic', description: 'certified as a welder', targetDate: inDays(90) }] }).expect(409);
    expect(early.body).toMatchObject({ type: 'https://corridor.gms/problems/illegal-transition', currentState: 'open', allowedActions: ['assess', 'close'] });

    // The instrument the forms are drawn from is the one the service scores with: each answer given below is on its scale.
    const instrument = await request(kh('reintegration').getHttpServer()).get('/api/v1/reintegration-cases/instrument').set('Authorization', khCaseworker).expect(200);
    expect(instrument.body.weightsVersion).toBe('2026-1');
    expect(instrument.body.indicators).toContainEqual({ code: 'social.network', dimension: 'social', question: expect.any(String), answers: ['no', 'yes'] });
    const scales = new Map((instrument.body.indicators as { code: string; answers: string[] }[]).map((i) => [i.code, i.answers]));
    expect(Object.entries(answers('low')).filter(([code, answer]) => !scales.get(code)?.includes(answer))).toEqual([]);
    await request(th('reintegration').getHttpServer()).get('/api/v1/reintegration-cases/instrument').set('Authorization', thOfficer).expect(403);

    const offScale = await post('/assessments', { heldOn: today, answers: { ...answers('low'), 'social.network': 'maybe' } }).expect(422);
    expect(offScale.body.type).toBe('https://corridor.gms/problems/answers-not-on-the-instrument');
    const assessed = await post('/assessments', { heldOn: today, answers: answers('low') }).expect(201);
    expect(assessed.body.status).toBe('assessed');
    const atAssessment = assessed.body.scores[0].composite as number;
    expect(assessed.body.scores[0]).toMatchObject({ kind: 'assessment', weightsVersion: '2026-1' });

    await post('/plans', { goals: [{ dimension: 'economic', description: 'certified as a welder', targetDate: inDays(90) }, { dimension: 'psychosocial', description: 'peer support group', targetDate: inDays(60) }] }).expect(201);
    const provider = await request(kh('reintegration').getHttpServer())
      .post('/api/v1/service-providers')
      .set('Authorization', khCaseworker)
      .send({ name: 'Provincial Training Centre Battambang', serviceType: 'skills-training', province: 'Battambang' })
      .expect(201);
    const noProvider = await post('/referrals', { providerId: '0193aaaa-0000-7000-8000-00000000beef', need: 'welding course', sentOn: today }).expect(422);
    expect(noProvider.body).toMatchObject({ type: 'https://corridor.gms/problems/case-step-refused', field: 'providerId' });
    const referred = await post('/referrals', { providerId: provider.body.providerId, need: 'welding course with certificate', sentOn: today }).expect(201);
    const referral = referred.body.referrals[0];
    expect(referral).toMatchObject({ serviceType: 'skills-training', status: 'sent' });
    await post(`/referrals/${referral.referralId}/status-changes`, { status: 'accepted', changedOn: today }).expect(201);
    const served = await post('/services', { referralId: referral.referralId, deliveredOn: today, description: 'four-week welding course, certificate level 1' }).expect(201);
    expect(served.body.services[0]).toMatchObject({ serviceType: 'skills-training', referralId: referral.referralId });
    await post(`/referrals/${referral.referralId}/status-changes`, { status: 'completed', changedOn: today }).expect(201);

    const scheduled = await post('/scheduled-follow-ups', { dueOn: today }).expect(201);
    const followUpId = scheduled.body.followUps[0].followUpId as string;
    const due = await request(kh('reintegration').getHttpServer()).get('/api/v1/reintegration-cases/work-queue?limit=100').set('Authorization', khCaseworker).expect(200);
    expect(due.body.items).toContainEqual(expect.objectContaining({ kind: 'follow-up-due', caseId, itemId: followUpId }));

    await post('/follow-ups', { followUpId, heldOn: today, answers: { ...answers('low'), 'econ.employment': 'occasional', 'psy.distress': 'sometimes' } }).expect(201);
    const second = await post('/follow-ups', { heldOn: today, answers: answers('high') }).expect(201);
    const composites = (second.body.scores as { composite: number }[]).map((s) => s.composite);
    expect(composites).toHaveLength(3);
    expect(composites[1]).toBeGreaterThan(atAssessment);
    expect(composites[2]).toBeGreaterThan(composites[1]);

    const closed = await post('/closure', { reason: 'reintegrated', closedOn: today, note: 'employed as a welder' }).expect(201);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'reintegrated', allowedActions: ['reopen'] });
    const after = await request(kh('reintegration').getHttpServer()).get('/api/v1/reintegration-cases/work-queue?assessmentDays=0&referralDays=0&limit=100').set('Authorization', khCaseworker).expect(200);
    expect(after.body.items.filter((i: { caseId: string }) => i.caseId === caseId)).toEqual([]);

    // Both timelines show the return; only the origin's shows the case.
    const timelineOf = (app: INestApplication, token: string, until: (types: string[]) => boolean) =>
      eventually(async () => {
        const r = await request(app.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', token);
        const types: string[] = r.status === 200 ? r.body.entries.map((e: { eventType: string }) => e.eventType) : [];
        return until(types) ? types : undefined;
      }, 60_000, 'timeline');
    const khTypes = await timelineOf(kh('journey'), khMinistry, (t) => t.includes('corridor.v1.ReintegrationCaseClosed'));
    expect(khTypes.indexOf('corridor.v1.GrievanceFiled')).toBeLessThan(khTypes.indexOf('corridor.v1.ReturnRecorded'));
    expect(khTypes).toEqual(expect.arrayContaining(['corridor.v1.GrievanceFiled', 'corridor.v1.ReturnRecorded', 'corridor.v1.ReintegrationCaseOpened', 'corridor.v1.NeedsAssessed', 'corridor.v1.ReferralSent', 'corridor.v1.ServiceDelivered', 'corridor.v1.FollowUpRecorded']));
    const thTypes = await timelineOf(th('journey'), thOfficer, (t) => t.includes('corridor.v1.ReturnRecorded'));
    expect(thTypes).not.toContain('corridor.v1.NeedsAssessed');

    // A returnee without a journey needs sex: every statistic is by sex.
    const sexless = await request(kh('reintegration').getHttpServer()).post('/api/v1/returns').set('Authorization', khCaseworker).send({ status: 'happened', type: 'deported', returnDate: today, checkpoint: 'Poipet', returnedFrom: 'TH' }).expect(422);
    expect(sexless.body).toMatchObject({ type: 'https://corridor.gms/problems/return-not-recordable', field: 'sex' });

    // A happened return is final.
    const again = await request(th('reintegration').getHttpServer()).post('/api/v1/returns').set('Authorization', thOfficer).send({ journeyId, status: 'happened', type: 'early', returnDate: today, checkpoint: 'Poipet' }).expect(409);
    expect(again.body.type).toBe('https://corridor.gms/problems/return-already-recorded');
  });
});
