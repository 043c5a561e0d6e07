import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { mintDevelopmentToken } from '@corridor/auth';
import { createRecruitmentApp } from '../../src/recruitment.service';
import { bearer, dropTestDatabases, testNodeConfig, uniqueName, aWorkerRegistration } from '@corridor/testing';

jest.setTimeout(90_000);

const kh = testNodeConfig('KH');
const database = uniqueName('it_kh_recruitment_validation');
const officer = bearer('KH', ['ministry-officer']);
let app: INestApplication;
let db: Client;


function without(body: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  const copy = { ...body };
  for (const field of fields) delete copy[field];
  return copy;
}

async function stored(): Promise<{ workers: number; outbox: number }> {
  const workers = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM worker');
  const outbox = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
  return { workers: workers.rows[0].n, outbox: outbox.rows[0].n };
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

/**
 * Sends one request and checks the answer is the expected problem+json and that nothing was
 * stored: neither a worker row nor an outbox row.
 */
async function expectRefused(
  send: (post: request.Test) => request.Test,
  status: number,
  // null: send no Authorization header at all.
  token: string | null = officer,
): Promise<Problem> {
  const before = await stored();
  let post = request(app.getHttpServer()).post('/api/v1/workers');
  if (token) post = post.set('Authorization', token);
  const response = await send(post);
  expect({ status: response.status, body: response.text.slice(0, 500) }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.text) as Problem;
  expect(problem.status).toBe(status);
  expect(typeof problem.detail).toBe('string');
  expect(await stored()).toEqual(before);
  return problem;
}

beforeAll(async () => {
  app = (await createRecruitmentApp(kh, { database })).app;
  db = new Client({ ...kh.postgres, database });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await app?.close();
  await dropTestDatabases(kh, database);
});

describe('POST /api/v1/workers refuses bad input with problem+json and stores nothing', () => {
  it('starts from an empty worker table and outbox', async () => {
    expect(await stored()).toEqual({ workers: 0, outbox: 0 });
  });

  it('400 for missing fields, naming each of them', async () => {
    const problem = await expectRefused((post) => post.send(without(aWorkerRegistration(), 'fullName', 'birthDate', 'consentToProcess')), 400);
    const fields = problem.errors?.map((e) => e.field).sort();
    expect(fields).toEqual(['birthDate', 'consentToProcess', 'fullName']);
    expect(problem.detail).toContain('fullName');
    expect(problem.detail).toContain('birthDate');
    expect(problem.detail).toContain('consentToProcess');
  });

  it('400 for an empty body', async () => {
    const problem = await expectRefused((post) => post.send({}), 400);
    expect(problem.detail).toContain('documentNumber');
    expect(problem.errors?.length).toBeGreaterThanOrEqual(10);
  });

  it('400 for a number where a date is expected (birthDate: 123)', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ birthDate: 123 })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['birthDate']);
    expect(problem.detail).toMatch(/^birthDate: /);
  });

  it("400 for a string where a boolean is expected (consentToProcess: 'yes')", async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ consentToProcess: 'yes' })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['consentToProcess']);
    expect(problem.detail).toContain('consentToProcess');
  });

  it('400 for an unknown property, naming it', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ favouriteColour: 'blue' })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['favouriteColour']);
    expect(problem.detail).toContain('favouriteColour');
  });

  it.each(['XX', 'kh'])('400 for the nationality %p, which is not a node country code', async (nationality) => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ nationality })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['nationality']);
    expect(problem.detail).toContain('nationality');
  });

  it('400 for an invalid intended destination', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ intendedDestination: 'th' })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['intendedDestination']);
  });

  it('422 for a nationality of another node than KH', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ nationality: 'LA' })), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-registration', field: 'nationality' });
  });

  it('422 for a birth date in the future', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ birthDate: '2999-01-01' })), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-registration', field: 'birthDate' });
  });

  it.each(['12345', '+855-12-345-678', '855 12 345 678 ext 9', '+8551234567890123456789'])('400 for the phone %p', async (phone) => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ phone })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['phone']);
    expect(problem.detail).toContain('phone');
  });

  it('422 for a phone of spaces only', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ phone: '+        ' })), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-registration', field: 'phone' });
  });

  it('400 for an unknown education level, listing the known ones', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ education: 'university' })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['education']);
    expect(problem.detail).toContain('lower-secondary');
  });

  it('400 for a home address without a district, naming homeAddress.district', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ homeAddress: { province: 'Battambang' } })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['homeAddress.district']);
    expect(problem.detail).toContain('homeAddress.district');
  });

  it('400 for a home address that is not an object, or has unknown properties', async () => {
    const text = await expectRefused((post) => post.send(aWorkerRegistration({ homeAddress: 'Battambang, Sangkae' })), 400);
    expect(text.errors?.map((e) => e.field)).toContain('homeAddress');
    const extra = await expectRefused((post) => post.send(aWorkerRegistration({ homeAddress: { province: 'Battambang', district: 'Sangkae', street: 'x' } })), 400);
    expect(extra.errors?.map((e) => e.field)).toEqual(['homeAddress.street']);
  });

  it('400 for more than 20 skills, or a skill that is not a short string', async () => {
    const many = await expectRefused((post) => post.send(aWorkerRegistration({ skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) })), 400);
    expect(many.errors?.map((e) => e.field)).toEqual(['skills']);
    const long = await expectRefused((post) => post.send(aWorkerRegistration({ skills: ['welding', 'x'.repeat(61)] })), 400);
    expect(long.errors?.map((e) => e.field)).toEqual(['skills']);
    const number = await expectRefused((post) => post.send(aWorkerRegistration({ skills: [7] })), 400);
    expect(number.errors?.map((e) => e.field)).toEqual(['skills']);
  });

  it('400 for a consentGivenOn that is not a YYYY-MM-DD date', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ consentGivenOn: '20/11/2026' })), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['consentGivenOn']);
  });

  it('422 for a consentGivenOn in the future', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ consentGivenOn: '2999-01-01' })), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-registration', field: 'consentGivenOn' });
  });

  it('422 for a consentGivenOn before the birth date', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration({ consentGivenOn: '1990-01-01' })), 422);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/invalid-registration', field: 'consentGivenOn' });
  });

  it('413 for a 1 MB body', async () => {
    const body = JSON.stringify(aWorkerRegistration({ fullName: 'x'.repeat(1024 * 1024) }));
    const problem = await expectRefused((post) => post.set('Content-Type', 'application/json').send(body), 413);
    expect(problem).toMatchObject({ type: 'https://corridor.gms/problems/payload-too-large', limitBytes: 102_400 });
  });

  it('400 for malformed JSON', async () => {
    const problem = await expectRefused(
      (post) => post.set('Content-Type', 'application/json').send('{"fullName": "Sok Dara", "sex": '),
      400,
    );
    expect(problem.type).toBe('https://corridor.gms/problems/malformed-json');
  });

  it('401 without a token', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration()), 401, null);
    expect(problem.type).toBe('https://corridor.gms/problems/unauthenticated');
  });

  it('401 with a token signed by another secret', async () => {
    const forged = mintDevelopmentToken({ subject: 'officer-kh-1', country: 'KH', roles: ['ministry-officer'] }, 'not-the-node-secret');
    const problem = await expectRefused((post) => post.send(aWorkerRegistration()), 401, `Bearer ${forged}`);
    expect(problem.type).toBe('https://corridor.gms/problems/unauthenticated');
  });

  it('403 for a role that may not register workers (statistician)', async () => {
    const problem = await expectRefused((post) => post.send(aWorkerRegistration()), 403, bearer('KH', ['statistician']));
    expect(problem.type).toBe('https://corridor.gms/problems/forbidden');
  });

  it('201 for a valid registration, so the fixture itself is valid', async () => {
    const before = await stored();
    const response = await request(app.getHttpServer()).post('/api/v1/workers').set('Authorization', officer).send(aWorkerRegistration()).expect(201);
    expect(response.body.workerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.journeyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored()).toEqual({ workers: before.workers + 1, outbox: before.outbox + 1 });
  });

  it('409 for a second registration of the same document, storing nothing', async () => {
    const worker = aWorkerRegistration();
    await request(app.getHttpServer()).post('/api/v1/workers').set('Authorization', officer).send(worker).expect(201);
    const problem = await expectRefused((post) => post.send({ ...worker, fullNameLatin: 'Sok Dara Again' }), 409);
    expect(problem.type).toBe('https://corridor.gms/problems/worker-already-registered');
    // The same officer (the ministry) may see the existing worker, so it is named.
    expect(problem.existingWorkerId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
