import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { aWorkerRegistration, bearer, dropTestDatabases, eventually, testKafka, testNodeConfig, uniqueName } from '@corridor/testing';
import { groupAtEnd } from '../support/country-nodes';

/**
 * GET /metrics on running services (real HTTP, Postgres and Kafka): after a worker is registered
 * in KH, recruitment shows the request and the event it published, journey the event it consumed,
 * its lag and its dead letters, both their outbox, audit and scheduler series.
 */
jest.setTimeout(90_000);

const kh = testNodeConfig('KH');
const recruitmentDb = uniqueName('e2e_kh_recruitment');
const journeyDb = uniqueName('e2e_kh_journey');
let recruitment: INestApplication;
let journey: INestApplication;

beforeAll(async () => {
  journey = (await createJourneyApp(kh, { database: journeyDb, groupId: await groupAtEnd(kh, 'journey', journeyTopics(kh)) })).app;
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
});

afterAll(async () => {
  await recruitment?.close();
  await journey?.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

const scrape = async (app: INestApplication): Promise<string> => {
  const response = await request(app.getHttpServer()).get('/metrics').expect(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.text;
};

/** The value of the first sample of `name` whose labels include every one given. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('shows requests, latency, outbox, events published and consumed, lag, dead letters, audit merge delay and scheduled runs', async () => {
    const registered = await request(recruitment.getHttpServer())
      .post('/api/v1/workers')
      .set('Authorization', bearer('KH', ['ministry-officer']))
      .send(aWorkerRegistration())
      .expect(201);
    await request(recruitment.getHttpServer()).get('/api/v1/workers/not-a-uuid').set('Authorization', bearer('KH', ['ministry-officer'])).expect(404);
    await request(recruitment.getHttpServer()).get('/no/such/route').expect(404);
    await eventually(async () => {
      const response = await request(journey.getHttpServer()).get(`/api/v1/journeys/${registered.body.journeyId}/timeline`).set('Authorization', bearer('KH', ['ministry-officer']));
      return response.status === 200 ? true : undefined;
    }, 20_000, 'the registration on the timeline');

    const fromRecruitment = await scrape(recruitment);
    const service = { service: 'recruitment', country: 'KH' };
    expect(sample(fromRecruitment, 'corridor_http_requests_total', { ...service, method: 'POST', route: '/api/v1/workers', status: '201' })).toBe(1);
    // By route template, never by the id asked for.
    expect(sample(fromRecruitment, 'corridor_http_requests_total', { method: 'GET', route: '/api/v1/workers/:workerId', status: '404' })).toBe(1);
    expect(sample(fromRecruitment, 'corridor_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(fromRecruitment).not.toContain('not-a-uuid');
    expect(sample(fromRecruitment, 'corridor_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/workers', status: '201' })).toBe(1);
    expect(sample(fromRecruitment, 'corridor_http_request_duration_seconds_bucket', { method: 'POST', route: '/api/v1/workers', le: '+Inf' })).toBe(1);
    expect(sample(fromRecruitment, 'corridor_events_published_total', { ...service, event_type: 'corridor.v1.WorkerRegistered' })).toBe(1);
    expect(sample(fromRecruitment, 'corridor_outbox_backlog', service)).toBe(0);
    expect(sample(fromRecruitment, 'corridor_outbox_oldest_age_seconds', service)).toBe(0);
    expect(sample(fromRecruitment, 'corridor_audit_merge_delay_seconds', service)).toBeLessThan(5); // sealed within the maximum merge delay (ADR 0020)
    expect(fromRecruitment).toContain('# TYPE corridor_scheduled_check_runs_total counter');

    const fromJourney = await scrape(journey);
    const consumed = { service: 'journey', country: 'KH', event_type: 'corridor.v1.WorkerRegistered', outcome: 'applied' };
    expect(sample(fromJourney, 'corridor_events_consumed_total', consumed)).toBeGreaterThanOrEqual(1);
    const topics = journeyTopics(kh);
    for (const topic of topics) {
      expect(sample(fromJourney, 'corridor_consumer_lag', { service: 'journey', topic })).toBeGreaterThanOrEqual(0);
      expect(sample(fromJourney, 'corridor_dead_letter_records', { service: 'journey', topic })).toBeGreaterThanOrEqual(0);
    }
    expect(fromJourney).toContain('# TYPE corridor_dead_letters_total counter');
    // The journey has consumed every record of the registration's topic that the registration added.
    const registrationTopic = /topic="([^"]+)"/.exec(fromRecruitment.split('\n').find((l) => l.startsWith('corridor_events_published_total{'))!)![1];
    // Other suites register workers on this shared topic at the same time, so its lag need never be
    // 0 for long. What is asserted: the lag shown puts the group's committed offset (end minus lag)
    // at or past the end the topic had once the registration was on the timeline.
    const admin = testKafka('metrics-e2e-offsets', kh.kafkaBrokers).admin();
    await admin.connect();
    try {
      const endOf = async () => (await admin.fetchTopicOffsets(registrationTopic)).reduce((n, p) => n + Number(p.high), 0);
      const withRegistration = await endOf();
      // The metrics read the group's offsets at most 1 s before a scrape (their cache): an end read
      // more than 1.2 s before the scrape is one the lag's own end is at least, so end minus lag is
      // at most what the group had committed. Ends are read on each poll, and the older ones used.
      const ends: { at: number; end: number }[] = [];
      await eventually(async () => {
        const end = await endOf();
        ends.push({ at: performance.now(), end }); // when the end was read at the latest
        const scrapedAt = performance.now();
        const lag = sample(await scrape(journey), 'corridor_consumer_lag', { topic: registrationTopic });
        const before = ends.filter((e) => e.at < scrapedAt - 1_200).at(-1);
        return lag !== undefined && lag >= 0 && before !== undefined && before.end - lag >= withRegistration ? true : undefined;
      }, 30_000, 'the registration topic consumed up to the registration, by the lag shown');
    } finally {
      await admin.disconnect();
    }
  });

  it('counts a scheduled check run through the metrics every service is given', async () => {
    const { ServiceMetrics } = await import('@corridor/metrics');
    const metrics = journey.get(ServiceMetrics);
    await metrics.timeScheduledCheck('contract-expiry', async () => undefined);
    await expect(metrics.timeScheduledCheck('contract-expiry', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    const text = await scrape(journey);
    expect(sample(text, 'corridor_scheduled_check_runs_total', { check: 'contract-expiry', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'corridor_scheduled_check_runs_total', { check: 'contract-expiry', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'corridor_scheduled_check_duration_seconds_count', { check: 'contract-expiry' })).toBe(2);
  });
});
