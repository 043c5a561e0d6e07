import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SocialProtectionService, createSocialProtectionApp } from '@corridor/social-protection-service';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { groupAtEnd } from '../support/country-nodes';

jest.setTimeout(180_000);

/**
 * A worker's grievance without an account (issue 15, ADR 0028), on KH's and TH's social-protection
 * services in process with the real Kafka and Postgres: a flood of filings from one address is
 * refused with 429 after the configured rate and fills neither queue; the filer follows the
 * grievance by reference and secret, status only, while TH's officer takes it up.
 */
const FILINGS = { limit: 3, windowSeconds: 600 };
process.env.PUBLIC_GRIEVANCE_FILINGS = `${FILINGS.limit}/${FILINGS.windowSeconds}`;
process.env.PUBLIC_GRIEVANCE_REFERENCE_LOOKUPS = '40/600';
process.env.PUBLIC_GRIEVANCE_LOOKUPS = '1000/600';

const nodes = {} as Record<'KH' | 'TH', INestApplication>;
const databases: Record<'KH' | 'TH', string> = { KH: uniqueName('e2e_kh_portal_sp'), TH: uniqueName('e2e_th_portal_sp') };
const TH_DESTINATION = bearer('TH', ['destination-officer'], undefined, 'officer-th-portal');
const KH_MINISTRY = bearer('KH', ['ministry-officer']);

beforeAll(async () => {
  for (const country of ['KH', 'TH'] as const) {
    const config = testNodeConfig(country);
    nodes[country] = (await createSocialProtectionApp(config, { database: databases[country], groupId: await groupAtEnd(config, 'social-protection', SocialProtectionService.consumes!(config)) })).app;
  }
});

afterAll(async () => {
  for (const country of ['KH', 'TH'] as const) {
    await nodes[country]?.close();
    await dropTestDatabases(testNodeConfig(country), databases[country]);
  }
});

const sp = (country: 'KH' | 'TH') => request(nodes[country].getHttpServer());
// This run's filings carry its mark: worker reports that other suites file on the shared corridor
// topic at the same time reach these nodes' queues too, and must not count here.
const RUN = `run-${Date.now().toString(36)}`;
const report = (n: number) => ({ origin: 'KH', destination: 'TH', category: 'unpaid-wages', whatHappened: `Flood test ${RUN} filing number ${n}, wages unpaid`, where: 'Samut Sakhon' });
const workerReportsIn = async (country: 'KH' | 'TH', token: string) => {
  const r = await sp(country).get('/api/v1/grievances?limit=100').set('Authorization', token);
  expect(r.status).toBe(200);
  return (r.body.items as { reportedByWorker: boolean; filedBy: string; status: string; grievanceId: string; description: string }[]).filter((g) => g.reportedByWorker && g.description.includes(RUN));
};

describe('grievances from the public portal', () => {
  let first: { reference: string; secret: string };

  it('a flood of filings from one address is refused with 429 and Retry-After after the configured rate; another address still files', async () => {
    const answers = [];
    for (let n = 0; n < 12; n++) answers.push(await sp('KH').post('/api/v1/public/grievances').send(report(n)));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toEqual([...Array(FILINGS.limit).fill(201), ...Array(12 - FILINGS.limit).fill(429)]);
    const refused = answers[FILINGS.limit];
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'https://corridor.gms/problems/too-many-requests', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(FILINGS.windowSeconds);
    // The node's own portal forwards the worker's address: another worker is not refused.
    const other = await sp('KH').post('/api/v1/public/grievances').set('X-Forwarded-For', '203.0.113.5').send(report(99));
    expect(other.status).toBe(201);
    first = answers[0].body;
    expect(first.reference).toMatch(/^KH-[0-9A-Z]{8}$/);
    expect(first.secret).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
  });

  it('the queues hold the accepted filings only, as reported by the worker, in TH (the handling country) and at KH', async () => {
    const accepted = FILINGS.limit + 1;
    // The filing node writes the row, and the event, in the request: KH's queue holding only the accepted ones is the proof
    // that the refused never reached the outbox; TH's, fed by those events, reaches the same count.
    expect(await workerReportsIn('KH', KH_MINISTRY)).toHaveLength(accepted);
    const th = await eventually(async () => {
      const held = await workerReportsIn('TH', TH_DESTINATION);
      return held.length === accepted ? held : undefined;
    }, 60_000, 'worker reports in TH’s queue');
    expect(th.every((g) => g.filedBy === 'system:public-portal' && g.status === 'open')).toBe(true);
    expect(th.some((g) => g.description.includes('Where: Samut Sakhon'))).toBe(true);
    expect(await workerReportsIn('KH', KH_MINISTRY)).toHaveLength(accepted);
  });

  it('input is held to the policy: too long a story is a 400, a body over 100 KiB a 413, nothing filed', async () => {
    const long = await sp('KH').post('/api/v1/public/grievances').set('X-Forwarded-For', '203.0.113.6').send({ ...report(1), whatHappened: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    const huge = await sp('KH').post('/api/v1/public/grievances').set('X-Forwarded-For', '203.0.113.6').set('Content-Type', 'application/json').send(JSON.stringify({ ...report(1), where: 'y'.repeat(110 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await workerReportsIn('KH', KH_MINISTRY)).toHaveLength(FILINGS.limit + 1);
  });

  it('the filer follows it by reference and secret, status only; a wrong secret answers like an unknown reference', async () => {
    const status = await sp('KH').get(`/api/v1/public/grievances/${first.reference}`).set('X-Grievance-Secret', first.secret.toLowerCase());
    expect(status.status).toBe(200);
    expect(Object.keys(status.body).sort()).toEqual(['filedOn', 'lastChangedOn', 'reference', 'status']);
    expect(status.body.status).toBe('open');
    const wrong = await sp('KH').get(`/api/v1/public/grievances/${first.reference}`).set('X-Grievance-Secret', 'AAAA-AAAA-AAAA-AAAA');
    const unknown = await sp('KH').get('/api/v1/public/grievances/KH-00000000').set('X-Grievance-Secret', first.secret);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.type).toBe(unknown.body.type);

    // TH's officer takes it up; the filer sees the status move at KH.
    const grievance = (await workerReportsIn('TH', TH_DESTINATION)).find((g) => g.description.includes('number 0,'))!;
    const moved = await sp('TH')
      .post(`/api/v1/grievances/${grievance.grievanceId}/status-changes`)
      .set('Authorization', TH_DESTINATION)
      .send({ status: 'under-investigation', changedOn: new Date().toISOString().slice(0, 10) });
    expect(moved.status).toBe(201);
    // Waited for on KH's officers' side (not rate-limited), then asked once as the filer would.
    await eventually(async () => {
      const r = await sp('KH').get(`/api/v1/grievances/${grievance.grievanceId}`).set('Authorization', KH_MINISTRY);
      return r.body.status === 'under-investigation' ? true : undefined;
    }, 60_000, 'the step at KH');
    const seen = (await sp('KH').get(`/api/v1/public/grievances/${first.reference}`).set('X-Grievance-Secret', first.secret)).body.status;
    expect(seen).toBe('under-investigation');
  });

  it('guessing secrets for one reference is refused with 429 after the per-reference rate, from any address', async () => {
    const answers = [];
    for (let n = 0; n < 45; n++) answers.push((await sp('KH').get(`/api/v1/public/grievances/${first.reference}`).set('X-Forwarded-For', `198.51.100.${n}`).set('X-Grievance-Secret', `GUES-SING-0000-${String(n).padStart(4, '0')}`)).status);
    expect(answers.at(-1)).toBe(429);
    expect(answers.indexOf(429)).toBeLessThanOrEqual(40);
    expect(answers.filter((s) => s === 200)).toEqual([]);
  });
});
