import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { aWorkerRegistration, bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { groupAtEnd } from '../support/country-nodes';

jest.setTimeout(90_000);

const kh = testNodeConfig('KH');
const recruitmentDb = uniqueName('e2e_kh_recruitment');
const journeyDb = uniqueName('e2e_kh_journey');
let recruitment: INestApplication;
let journey: INestApplication;

beforeAll(async () => {
  // From the end of the topics: a new group would otherwise replay every event the run's other
  // suites published before this one (thousands, after the mass return), past the 20 s wait.
  journey = (await createJourneyApp(kh, { database: journeyDb, groupId: await groupAtEnd(kh, 'journey', journeyTopics(kh)) })).app;
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
});

afterAll(async () => {
  await recruitment?.close();
  await journey?.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

describe('walking skeleton: a worker registered in KH appears on the KH journey timeline', () => {
  it('publishes WorkerRegistered through the outbox and the journey service shows it', async () => {
    const registered = await request(recruitment.getHttpServer())
      .post('/api/v1/workers')
      .set('Authorization', bearer('KH', ['ministry-officer']))
      .send(aWorkerRegistration())
      .expect(201);
    expect(registered.body.journeyId).toMatch(/^[0-9a-f-]{36}$/);

    const timeline = await eventually(async () => {
      const response = await request(journey.getHttpServer())
        .get(`/api/v1/journeys/${registered.body.journeyId}/timeline`)
        .set('Authorization', bearer('KH', ['ministry-officer']));
      return response.status === 200 ? response.body : undefined;
    }, 20_000, 'WorkerRegistered on the timeline');

    expect(timeline.origin).toBe('KH');
    expect(timeline.entries).toHaveLength(1);
    expect(timeline.entries[0]).toMatchObject({
      eventType: 'corridor.v1.WorkerRegistered',
      stage: 'recruitment',
      recordedBy: { country: 'KH', officerId: 'officer-kh-1' },
      details: { workerId: registered.body.workerId, sex: 'SEX_FEMALE', birthYear: 1998, intendedDestination: 'TH' },
    });
    // Person data stays at origin: the event carries no name or document number.
    expect(JSON.stringify(timeline)).not.toMatch(/Sok Dara|N\d{9}/);
  });

  it('does not show a KH journey to an officer of another country', async () => {
    const registered = await request(recruitment.getHttpServer())
      .post('/api/v1/workers')
      .set('Authorization', bearer('KH', ['ministry-officer']))
      .send(aWorkerRegistration())
      .expect(201);
    await eventually(async () => {
      const r = await request(journey.getHttpServer())
        .get(`/api/v1/journeys/${registered.body.journeyId}/timeline`)
        .set('Authorization', bearer('KH', ['ministry-officer']));
      return r.status === 200 ? true : undefined;
    });
    const response = await request(journey.getHttpServer())
      .get(`/api/v1/journeys/${registered.body.journeyId}/timeline`)
      .set('Authorization', bearer('LA', ['ministry-officer']))
      .expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
