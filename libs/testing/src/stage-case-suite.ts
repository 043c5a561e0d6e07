import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { NodeConfig } from '@corridor/config';
import { isoDay, latestToday } from '@corridor/reference-data';
import type { ServiceApp, ServiceRuntime } from '@corridor/service-runtime';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from './test-node';

/**
 * What every stage case does (the first feature of a service made with the stage-service
 * generator), proved on the stage's own service of KH (origin) and TH (destination) on the real
 * Postgres and Kafka, each on a throw-away database: a case opened at origin reaches the
 * destination, another agency does not see it, a future date or a closed corridor is refused with
 * the stage's problem type, and a journey has one case. A generated integration suite calls it
 * and adds the stage's own tests.
 */
export function stageCaseSuite(stage: string, createApp: (config: NodeConfig, runtime: ServiceRuntime) => Promise<ServiceApp>): void {
  jest.setTimeout(120_000);
  const kh = testNodeConfig('KH');
  const th = testNodeConfig('TH');
  const khDb = uniqueName(`it_kh_${stage.replace(/-/g, '_')}`);
  const thDb = uniqueName(`it_th_${stage.replace(/-/g, '_')}`);
  let khApp: INestApplication;
  let thApp: INestApplication;
  const agencyA = uuidv7();
  const agencyB = uuidv7();
  const staffOf = (agency: string) => bearer('KH', ['agency-staff'], agency, `clerk-${agency.slice(-4)}`);
  const khMinistry = bearer('KH', ['ministry-officer']);
  const thDestination = bearer('TH', ['destination-officer']);
  const problem = (slug: string) => `https://corridor.gms/problems/${stage}-${slug}`;

  beforeAll(async () => {
    khApp = (await createApp(kh, { database: khDb })).app;
    thApp = (await createApp(th, { database: thDb })).app;
  });

  afterAll(async () => {
    await khApp?.close();
    await thApp?.close();
    await dropTestDatabases(kh, khDb, thDb);
  });

  const open = (body: Record<string, unknown>, token = staffOf(agencyA)) => request(khApp.getHttpServer()).post(`/api/v1/${stage}-cases`).set('Authorization', token).send(body);
  const aCase = (overrides: Record<string, unknown> = {}) => ({ journeyId: uuidv7(), destination: 'TH', openedOn: isoDay(), note: 'file received from the provincial office', ...overrides });

  describe(`${stage} cases`, () => {
    it('a case opened at origin reaches the destination, which sees it with the agency that opened it', async () => {
      const opened = await open(aCase());
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ origin: 'KH', destination: 'TH', agencyId: agencyA, recordedBy: 'KH' });
      const caseId = opened.body.caseId as string;
      const replica = await eventually(async () => {
        const r = await request(thApp.getHttpServer()).get(`/api/v1/${stage}-cases/${caseId}`).set('Authorization', thDestination);
        return r.status === 200 ? r.body : undefined;
      }, 60_000, `${stage} case ${caseId} on TH`);
      expect(replica).toEqual(opened.body);
    });

    it('another agency does not see the case, the ministry does', async () => {
      const opened = await open(aCase());
      const caseId = opened.body.caseId as string;
      expect((await request(khApp.getHttpServer()).get(`/api/v1/${stage}-cases/${caseId}`).set('Authorization', staffOf(agencyB))).status).toBe(404);
      expect((await request(khApp.getHttpServer()).get(`/api/v1/${stage}-cases/${caseId}`).set('Authorization', khMinistry)).status).toBe(200);
      const listed = await request(khApp.getHttpServer()).get(`/api/v1/${stage}-cases`).query({ journeyId: opened.body.journeyId }).set('Authorization', staffOf(agencyB));
      expect(listed.body).toMatchObject({ items: [], total: 0 });
    });

    it('a case dated after today everywhere on earth is refused', async () => {
      const tomorrowEverywhere = isoDay(new Date(Date.parse(latestToday()) + 86_400_000));
      const refused = await open(aCase({ openedOn: tomorrowEverywhere }));
      expect(refused.body).toMatchObject({ status: 422, type: problem('case-not-openable'), field: 'openedOn' });
    });

    it('a case towards a country with no open corridor is refused', async () => {
      const refused = await open(aCase({ destination: 'LA' }));
      expect(refused.body).toMatchObject({ status: 422, type: problem('case-not-openable'), field: 'destination' });
    });

    it(`a journey has one ${stage} case`, async () => {
      const body = aCase();
      expect((await open(body)).status).toBe(201);
      const again = await open({ ...body, note: 'the same journey again' });
      expect(again.body).toMatchObject({ status: 409, type: problem('case-already-open') });
    });
  });
}
