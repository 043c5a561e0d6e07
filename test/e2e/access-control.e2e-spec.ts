import request from 'supertest';
import type { Role } from '@corridor/auth';
import { bearer } from '@corridor/testing';
import { aWorkerRegistration, registerWorker, startCountryNodes, timelineOf, type CountryNode } from '../support/country-nodes';

jest.setTimeout(120_000);

/**
 * Every endpoint of every service, as in docs/access.md: the allowed role of the node's country
 * gets in; the same role of a third country (LA) and a wrong role of the right country
 * (statistician) are refused with 403 or 404.
 */
let platform: Awaited<ReturnType<typeof startCountryNodes>>;
let worker: { workerId: string; journeyId: string };
let spareWorkers: { workerId: string }[];
/** A licensed agency of KH: agency staff may register workers only for a licensed agency. */
let agencyId: string;

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH']);
  worker = await registerWorker(platform.nodes.KH);
  spareWorkers = [await registerWorker(platform.nodes.KH), await registerWorker(platform.nodes.KH)];
  await timelineOf(platform.nodes.KH, worker.journeyId, 1);
  const agency = await request(platform.nodes.KH.recruitment.getHttpServer())
    .post('/api/v1/agencies')
    .set('Authorization', bearer('KH', ['ministry-officer']))
    .send({ name: 'Access Test Agency', licenceNumber: `AC-${Date.now()}`, licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31' })
    .expect(201);
  agencyId = agency.body.agencyId;
});

afterAll(async () => {
  await platform?.stop();
});

type Service = 'recruitment' | 'journey';
interface Endpoint {
  name: string;
  service: Service;
  allowed: Role;
  call: (server: ReturnType<CountryNode['recruitment']['getHttpServer']>, token: string) => request.Test;
}

const endpoints: Endpoint[] = [
  { name: 'POST /api/v1/workers', service: 'recruitment', allowed: 'ministry-officer', call: (s, t) => request(s).post('/api/v1/workers').set('Authorization', t).send(aWorkerRegistration()) },
  { name: 'GET /api/v1/workers', service: 'recruitment', allowed: 'ministry-officer', call: (s, t) => request(s).get('/api/v1/workers').query({ name: 'Sok', purpose: 'access test' }).set('Authorization', t) },
  { name: 'GET /api/v1/workers/{id}', service: 'recruitment', allowed: 'ministry-officer', call: (s, t) => request(s).get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'access test' }).set('Authorization', t) },
  { name: 'POST /api/v1/workers/{id}/nominations', service: 'recruitment', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/workers/${spareWorkers[0].workerId}/nominations`).set('Authorization', t).send({ destination: 'TH' }) },
  { name: 'POST /api/v1/workers/{id}/consent-withdrawals', service: 'recruitment', allowed: 'ministry-officer', call: (s, t) => request(s).post(`/api/v1/workers/${spareWorkers[1].workerId}/consent-withdrawals`).set('Authorization', t).send({ howGiven: 'signed-form' }) },
  { name: 'GET /api/v1/audit (recruitment)', service: 'recruitment', allowed: 'auditor', call: (s, t) => request(s).get('/api/v1/audit').set('Authorization', t) },
  { name: 'GET /api/v1/audit/verify (recruitment)', service: 'recruitment', allowed: 'auditor', call: (s, t) => request(s).get('/api/v1/audit/verify').set('Authorization', t) },
  { name: 'GET /api/v1/journeys/{id}/timeline', service: 'journey', allowed: 'ministry-officer', call: (s, t) => request(s).get(`/api/v1/journeys/${worker.journeyId}/timeline`).set('Authorization', t) },
  { name: 'GET /api/v1/audit (journey)', service: 'journey', allowed: 'auditor', call: (s, t) => request(s).get('/api/v1/audit').set('Authorization', t) },
  { name: 'GET /api/v1/audit/verify (journey)', service: 'journey', allowed: 'auditor', call: (s, t) => request(s).get('/api/v1/audit/verify').set('Authorization', t) },
];

describe.each(endpoints)('$name', (endpoint) => {
  const server = () => platform.nodes.KH[endpoint.service].getHttpServer();

  it('refuses an officer of a third country, whatever the role', async () => {
    const response = await endpoint.call(server(), bearer('LA', [endpoint.allowed, 'admin']));
    expect([403, 404]).toContain(response.status);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses an officer of the right country with the wrong role', async () => {
    const response = await endpoint.call(server(), bearer('KH', ['statistician']));
    expect([response.status, response.body.type]).toEqual([403, 'https://corridor.gms/problems/forbidden']);
  });

  it('refuses a call without a token', async () => {
    expect((await endpoint.call(server(), '')).status).toBe(401);
  });

  it('lets the allowed role of the node country in', async () => {
    const response = await endpoint.call(server(), bearer('KH', [endpoint.allowed]));
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  });
});

describe('object-level rules', () => {
  it('an agency sees only the workers it registered', async () => {
    const own = await registerWorker(platform.nodes.KH, {}, bearer('KH', ['agency-staff'], agencyId));
    const server = platform.nodes.KH.recruitment.getHttpServer();
    await request(server).get(`/api/v1/workers/${own.workerId}`).query({ purpose: 'own case' }).set('Authorization', bearer('KH', ['agency-staff'], agencyId)).expect(200);
    // A token naming an agency KH never licensed is refused as such; a licensed other agency gets 404.
    const unlicensed = await request(server).get(`/api/v1/workers/${own.workerId}`).query({ purpose: 'curious' }).set('Authorization', bearer('KH', ['agency-staff'], 'AG-2'));
    expect([unlicensed.status, unlicensed.body.type]).toEqual([409, 'https://corridor.gms/problems/agency-licence-not-valid']);
    const otherAgency = await request(server)
      .post('/api/v1/agencies')
      .set('Authorization', bearer('KH', ['ministry-officer']))
      .send({ name: 'Other Co.', licenceNumber: `MOLVT-AC-${Date.now()}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31' })
      .expect(201);
    const other = await request(server).get(`/api/v1/workers/${own.workerId}`).query({ purpose: 'curious' }).set('Authorization', bearer('KH', ['agency-staff'], otherAgency.body.agencyId));
    expect(other.status).toBe(404);
    await timelineOf(platform.nodes.KH, own.journeyId, 1);
    const journeys = platform.nodes.KH.journey.getHttpServer();
    const path = `/api/v1/journeys/${own.journeyId}/timeline`;
    await request(journeys).get(path).set('Authorization', bearer('KH', ['agency-staff'], agencyId)).expect(200);
    await request(journeys).get(path).set('Authorization', bearer('KH', ['agency-staff'], 'AG-2')).expect(404);
  });

  it('a destination officer cannot see a journey before its first cross-border event, and can after', async () => {
    const journeyOnKh = await registerWorker(platform.nodes.KH);
    await timelineOf(platform.nodes.KH, journeyOnKh.journeyId, 1);
    const asTh = (node: CountryNode) =>
      request(node.journey.getHttpServer()).get(`/api/v1/journeys/${journeyOnKh.journeyId}/timeline`).set('Authorization', bearer('TH', ['destination-officer']));
    expect((await asTh(platform.nodes.KH)).status).toBe(404);
    expect((await asTh(platform.nodes.TH)).status).toBe(404);

    await request(platform.nodes.KH.recruitment.getHttpServer())
      .post(`/api/v1/workers/${journeyOnKh.workerId}/nominations`)
      .set('Authorization', bearer('KH', ['ministry-officer']))
      .send({ destination: 'TH' })
      .expect(201);
    const seenByTh = await timelineOf(platform.nodes.TH, journeyOnKh.journeyId, 1, ['destination-officer']);
    expect(seenByTh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerNominated']);
    // On the origin node too, TH now sees the journey, but only what crossed: not the registration.
    const onKh = await timelineOf({ ...platform.nodes.KH, country: 'TH' }, journeyOnKh.journeyId, 1, ['destination-officer']);
    expect(onKh.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerNominated']);
  });
});
