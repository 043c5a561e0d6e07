import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { addDays, isoDay, latestToday } from '@corridor/reference-data';
import { SocialProtectionService, createSocialProtectionApp } from '@corridor/social-protection-service';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { groupAtEnd } from '../support/country-nodes';

jest.setTimeout(240_000);

/**
 * The social-protection stage across the KH→TH corridor, with LA (which has a corridor to TH but
 * none with KH) on the same Kafka cluster: social-protection and journey services of the three
 * nodes in process, on the real Kafka and Postgres. A worker abroad is enrolled in health
 * insurance at TH; a grievance filed at KH is handled and resolved in TH's queue with an amount
 * recovered, every step visible at KH; a remittance is recorded; both timelines show it all in
 * order; LA sees nothing of it.
 */
type Country = 'KH' | 'TH' | 'LA';
interface Node {
  protection: INestApplication;
  journey: INestApplication;
}
const nodes = {} as Record<Country, Node>;
const databases: Record<Country, string[]> = { KH: [], TH: [], LA: [] };
const KH_MINISTRY = bearer('KH', ['ministry-officer'], undefined, 'officer-kh-1');
const TH_DESTINATION = bearer('TH', ['destination-officer'], undefined, 'officer-th-1');
const TH_CASEWORKER = bearer('TH', ['caseworker'], undefined, 'caseworker-th-7');
const LA_OFFICERS = bearer('LA', ['ministry-officer', 'destination-officer', 'welfare-officer', 'caseworker']);

beforeAll(async () => {
  for (const country of ['KH', 'TH', 'LA'] as const) {
    const config = testNodeConfig(country);
    const protectionDb = uniqueName(`e2e_${country.toLowerCase()}_sp`);
    const journeyDb = uniqueName(`e2e_${country.toLowerCase()}_sp_journey`);
    databases[country].push(protectionDb, journeyDb);
    nodes[country] = {
      protection: (await createSocialProtectionApp(config, { database: protectionDb, groupId: await groupAtEnd(config, 'social-protection', SocialProtectionService.consumes!(config)) })).app,
      journey: (await createJourneyApp(config, { database: journeyDb, groupId: await groupAtEnd(config, 'journey', journeyTopics(config)) })).app,
    };
  }
});

afterAll(async () => {
  for (const country of ['KH', 'TH', 'LA'] as const) {
    await nodes[country]?.protection.close();
    await nodes[country]?.journey.close();
    await dropTestDatabases(testNodeConfig(country), ...databases[country]);
  }
});

const sp = (country: Country) => request(nodes[country].protection.getHttpServer());
const onKh = async <T>(path: string, until: (body: T) => boolean, what: string): Promise<T> =>
  eventually(async () => {
    const r = await sp('KH').get(path).set('Authorization', KH_MINISTRY);
    return r.status === 200 && until(r.body as T) ? (r.body as T) : undefined;
  }, 60_000, what);

describe('social protection of a worker abroad, KH→TH', () => {
  const journeyId = uuidv7();
  const corridor = { journeyId, origin: 'KH', destination: 'TH' };

  it('enrolment, a grievance from KH resolved in TH with wages recovered, a remittance; both timelines in order; LA sees nothing', async () => {
    const today = isoDay();
    // Enrolment in the destination's health insurance, recorded at TH, seen at KH.
    const enrolled = await sp('TH').post('/api/v1/enrolments').set('Authorization', TH_DESTINATION).send({ ...corridor, schemeCode: 'TH-MOPH-MIGRANT', memberNumber: 'MIG-6612-000123', coverageFrom: today });
    expect(enrolled.status).toBe(201);
    await onKh(`/api/v1/enrolments/${enrolled.body.enrolmentId}`, () => true, 'enrolment on KH');

    // Filed at KH by the labour ministry; in TH's queue.
    const filed = await sp('KH')
      .post('/api/v1/grievances')
      .set('Authorization', KH_MINISTRY)
      .send({ ...corridor, category: 'unpaid-wages', description: 'Two months of wages unpaid at Siam Frozen Foods', filedOn: today });
    expect(filed.status).toBe(201);
    const id = filed.body.grievanceId as string;
    await eventually(async () => {
      const r = await sp('TH').get(`/api/v1/grievances?journeyId=${journeyId}&status=open`).set('Authorization', TH_DESTINATION);
      return r.body.total === 1 ? true : undefined;
    }, 60_000, 'grievance in the TH queue');

    // Handled at TH, each step visible at KH.
    await sp('TH').post(`/api/v1/grievances/${id}/assignment`).set('Authorization', TH_DESTINATION).send({ assignee: 'caseworker-th-7' }).expect(201);
    await sp('TH').post(`/api/v1/grievances/${id}/status-changes`).set('Authorization', TH_CASEWORKER).send({ status: 'under-investigation', changedOn: today }).expect(201);
    await onKh(`/api/v1/grievances/${id}`, (g: { status: string }) => g.status === 'under-investigation', 'investigation on KH');
    await sp('TH').post(`/api/v1/grievances/${id}/resolution`).set('Authorization', TH_CASEWORKER).send({ outcome: 'upheld-paid', amountRecoveredMinor: 2_080_000, currency: 'THB', resolvedOn: today, note: 'Arrears paid at the labour office' }).expect(201);
    const resolvedAtKh = await onKh<{ status: string; amountRecovered: unknown; history: { action: string; byCountry: string }[] }>(`/api/v1/grievances/${id}`, (g) => g.status === 'resolved', 'resolution on KH');
    expect(resolvedAtKh.amountRecovered).toEqual({ amountMinor: 2_080_000, currency: 'THB' });
    expect(resolvedAtKh.history.map((s) => `${s.action}@${s.byCountry}`)).toEqual(['filed@KH', 'assigned@TH', 'status-changed@TH', 'resolved@TH']);

    // The origin follows the grievance but may not handle it (the access model refuses it); a welfare case dated tomorrow is refused.
    const fromKh = await sp('KH').post(`/api/v1/grievances/${id}/status-changes`).set('Authorization', KH_MINISTRY).send({ status: 'closed', changedOn: today });
    expect({ status: fromKh.status, type: fromKh.body.type }).toEqual({ status: 403, type: 'https://corridor.gms/problems/forbidden' });
    const tomorrow = addDays(latestToday(), 1);
    const future = await sp('TH').post('/api/v1/welfare-cases').set('Authorization', TH_DESTINATION).send({ ...corridor, kind: 'health', summary: 'Hand injury at the factory', openedOn: tomorrow });
    expect({ status: future.status, type: future.body.type }).toEqual({ status: 422, type: 'https://corridor.gms/problems/welfare-case-rule-broken' });

    // A remittance recorded at KH (the family's account of it), seen at TH.
    const remitted = await sp('KH').post('/api/v1/remittances').set('Authorization', KH_MINISTRY).send({ ...corridor, sentOn: today, amountMinor: 800_000, currency: 'THB', feeMinor: 16_000, channel: 'agent' });
    expect(remitted.body).toMatchObject({ costPercent: 2 });

    // Both timelines show every step, in order.
    const expected = [
      'corridor.v1.SchemeEnrolmentRecorded',
      'corridor.v1.GrievanceFiled',
      'corridor.v1.GrievanceAssigned',
      'corridor.v1.GrievanceStatusChanged',
      'corridor.v1.GrievanceResolved',
      'corridor.v1.RemittanceRecorded',
    ];
    for (const [country, token] of [['KH', KH_MINISTRY], ['TH', TH_DESTINATION]] as const) {
      const timeline = await eventually(async () => {
        const r = await request(nodes[country].journey.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', token);
        return r.status === 200 && r.body.entries.length === expected.length ? r.body : undefined;
      }, 60_000, `timeline on ${country}`);
      expect(timeline.entries.map((e: { eventType: string }) => e.eventType)).toEqual(expected);
      expect(JSON.stringify(timeline)).not.toContain('Siam Frozen Foods'); // free text stays sealed
    }

    // LA: refused on the KH and TH nodes, and its own node holds nothing of the journey.
    for (const country of ['KH', 'TH'] as const) {
      expect((await sp(country).get(`/api/v1/grievances/${id}`).set('Authorization', LA_OFFICERS)).status).toBe(403);
      expect((await sp(country).get(`/api/v1/grievances?journeyId=${journeyId}`).set('Authorization', LA_OFFICERS)).status).toBe(403);
    }
    for (const path of ['grievances', 'enrolments', 'remittances', 'welfare-cases']) {
      const r = await sp('LA').get(`/api/v1/${path}?journeyId=${journeyId}`).set('Authorization', LA_OFFICERS);
      expect(r.body).toMatchObject({ total: 0 });
    }
    expect((await sp('LA').get(`/api/v1/grievances/${id}`).set('Authorization', LA_OFFICERS)).status).toBe(404);
  });
});
