import request from 'supertest';
import { agencyStaff, aWorker, bearer, registerAgency, verifiedJobOrder } from '@corridor/testing';
import { startCountryNodes, timelineOf } from '../support/country-nodes';

/**
 * The services' logs of an e2e run (every level, debug included, of KH and TH with every service)
 * are JSON lines, carry the correlation id of the request or event they were written for, and
 * never hold the person data the run registered: names in both scripts, document number, birth
 * date, phone. The flow touches every path where person data passes: registration, a duplicate
 * and a refused registration, search by name, a read, a match that seals the worker across to TH.
 */
jest.setTimeout(240_000);

// Letters only (names allow no digits), unique to this run: Date.now() in base 26.
const suffix = Date.now().toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26))).replace(/^./, (c) => c.toUpperCase());
const person = {
  fullName: 'ស្រី ពៅ ចាន់',
  fullNameLatin: `Srey Pov ${suffix}`,
  documentNumber: `P${Date.now().toString().slice(-9)}`,
  phone: `+85512${Date.now().toString().slice(-6)}`,
};
const CORRELATION = `logs-${suffix.toLowerCase()}`;

const lines: string[] = [];
const originals = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
const originalLevel = process.env.LOG_LEVEL;
let platform: Awaited<ReturnType<typeof startCountryNodes>>;

function capture(stream: 'stdout' | 'stderr') {
  return ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    // Every service line is JSON (the default format); other output (jest's) passes through.
    if (!text.startsWith('{"level":')) return originals[stream](chunk, ...rest);
    lines.push(...text.split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
}

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH', { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
  process.stdout.write = originals.stdout;
  process.stderr.write = originals.stderr;
  if (originalLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = originalLevel;
});

describe('service logs', () => {
  it('are JSON lines with the correlation id and without the names, document number and phone of the workers registered', async () => {
    const { KH: kh, TH: th } = platform.nodes;
    const jobOrderId = await verifiedJobOrder(kh.recruitment, th.recruitment);
    const agencyId = await registerAgency(kh.recruitment);
    const registration = aWorker({ ...person });
    const worker = (
      await request(kh.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', agencyStaff(agencyId)).set('X-Correlation-Id', CORRELATION).send(registration).expect(201)
    ).body as { workerId: string; journeyId: string };
    // The same document again, and a registration the input policy refuses: their problems name no person data in the logs either.
    const again = await request(kh.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', agencyStaff(agencyId)).send(registration);
    expect(again.status).toBeGreaterThanOrEqual(400);
    await request(kh.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', agencyStaff(agencyId)).send({ ...registration, birthDate: `${person.documentNumber}-13-45` }).expect(400);
    const officer = bearer('KH', ['ministry-officer']);
    await request(kh.recruitment.getHttpServer()).get('/api/v1/workers').query({ name: person.fullNameLatin, purpose: 'log scan' }).set('Authorization', officer).expect(200);
    await request(kh.recruitment.getHttpServer()).get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'log scan' }).set('Authorization', officer).expect(200);
    await request(kh.recruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/matches`).set('Authorization', agencyStaff(agencyId)).send({ workerId: worker.workerId }).expect(201);
    await timelineOf(th, worker.journeyId, 1, ['destination-officer']);

    const parsed = lines.map((line) => JSON.parse(line) as { level: string; time: string; msg: string; service?: string; correlationId?: string });
    expect(parsed.length).toBeGreaterThan(20);
    expect(parsed.every((line) => typeof line.level === 'string' && typeof line.time === 'string' && typeof line.msg === 'string')).toBe(true);
    expect(lines.some((line) => line.includes('\x1b['))).toBe(false);
    // Lines from every service of both nodes, the request's own with its correlation id.
    expect(new Set(parsed.map((line) => line.service))).toEqual(new Set(['recruitment', 'journey', 'contracts', ...Object.keys(kh.stages)]));
    expect(parsed.filter((line) => line.correlationId === CORRELATION).map((line) => line.msg)).toContainEqual(expect.stringMatching(/^POST \/api\/v1\/workers 201 \d+ ms$/));

    const personData = [person.fullName, person.fullNameLatin, person.documentNumber, person.phone, suffix, String(registration.birthDate)];
    const leaks = lines.filter((line) => personData.some((value) => line.includes(value)));
    expect(leaks).toEqual([]);
  });
});
