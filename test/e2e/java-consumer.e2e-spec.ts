import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { loadPersonDataKeys } from '@corridor/crypto';
import { OPTIONAL_RECORD_HEADERS, RECORD_HEADERS, REQUIRED_RECORD_HEADERS, STAGES, corridorTopic } from '@corridor/events';
import { agencyStaff, aWorker, eventually, khMinistry, registerAgency, testKafkaSasl, testNodeConfig, verifiedJobOrder } from '@corridor/testing';
import { startCountryNodes, timelineOf } from '../support/country-nodes';

/**
 * The second-language consumer (test/interop/java): after a flow like the demo's on in-process
 * KH and TH nodes, a Java program built from proto/ alone reads the KH→TH corridor topics as TH's
 * own principal, decodes every record, opens the sealed person data with TH's key following only
 * docs/sealed-person-data.md, and prints what it read; this test checks it against what it
 * registered and against docs/asyncapi.yaml.
 */
jest.setTimeout(240_000);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const JAVA_DIR = path.join(ROOT, 'test/interop/java');
const brokers = testNodeConfig('KH').kafkaBrokers;

interface JavaLine {
  topic: string;
  key: string;
  eventType: string;
  eventId: string;
  correlationId: string;
  causationId: string;
  traceparent: string;
  headers: Record<string, string>;
  origin: string;
  destination: string;
  payloadFields: number;
  encryptionKeyId?: string;
  personData?: Record<string, string>;
}

let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  // Builds once (Maven Central on the first run, offline after), a no-op when up to date.
  await run('bash', [path.join(JAVA_DIR, 'build.sh')], { timeout: 180_000 });
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH', { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
});

describe('a Java consumer built from proto/ alone', () => {
  it('decodes every KH→TH record of the flow and opens the person data with TH key from the spec alone', async () => {
    const { KH: kh, TH: th } = platform.nodes;
    const khRecruitment = () => request(kh.recruitment.getHttpServer());

    // The demo's flow: TH job order, KH verifies; an agency registers and matches a worker (person
    // data sealed for TH); a fee above the cap; another worker nominated by the ministry; a contract drafted.
    const jobOrderId = await verifiedJobOrder(kh.recruitment, th.recruitment, { occupationIsco: '9333' });
    const agencyId = await registerAgency(kh.recruitment);
    const matchedPerson = aWorker({ fullName: 'ចាន់ សុភា', fullNameLatin: 'Chan Sophea', birthDate: '1996-11-02', occupationIsco: '9333' });
    const matched = (await khRecruitment().post('/api/v1/workers').set('Authorization', agencyStaff(agencyId)).send(matchedPerson).expect(201)).body as { workerId: string; journeyId: string };
    await eventually(async () => {
      const r = await khRecruitment().post(`/api/v1/job-orders/${jobOrderId}/matches`).set('Authorization', agencyStaff(agencyId)).send({ workerId: matched.workerId });
      return r.status === 201 ? r : undefined;
    }, 30_000, 'match accepted');
    await khRecruitment()
      .post(`/api/v1/workers/${matched.workerId}/fees`)
      .set('Authorization', agencyStaff(agencyId))
      .send({ amountMinor: 350000, currency: 'THB', purpose: 'recruitment-service', payeeAgencyId: agencyId, paidOn: new Date().toISOString().slice(0, 10) })
      .expect(201);
    const nominatedPerson = aWorker({ fullName: 'ស្រី ពៅ', fullNameLatin: 'Srey Pov', birthDate: '2001-02-03', documentType: 'national-id' });
    const nominated = (await khRecruitment().post('/api/v1/workers').set('Authorization', khMinistry()).send(nominatedPerson).expect(201)).body as { workerId: string; journeyId: string };
    await khRecruitment().post(`/api/v1/workers/${nominated.workerId}/nominations`).set('Authorization', khMinistry()).send({ destination: 'TH' }).expect(201);
    await eventually(async () => {
      const r = await request(kh.contracts!.getHttpServer()).post('/api/v1/contracts').set('Authorization', khMinistry()).send({ journeyId: matched.journeyId });
      return r.status === 201 ? r : undefined;
    }, 30_000, 'contract drafted once the match replicated');
    // TH has received them all: they are on the topics.
    await timelineOf(th, matched.journeyId, 4, ['destination-officer']);
    await timelineOf(th, nominated.journeyId, 1, ['destination-officer']);

    const sasl = testKafkaSasl(brokers, 'TH');
    expect(sasl?.username).toBe('node-th');
    const thKeys = loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').privateTransitKeys;
    const privateKeys = [...thKeys].map(([kid, key]) => `${kid}:${key.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`).join(',');
    const classpath = `${path.join(JAVA_DIR, 'target/classes')}:${readFileSync(path.join(JAVA_DIR, 'target/classpath.txt'), 'utf8').trim()}`;
    const started = Date.now();
    const { stdout } = await run(
      'java',
      [
        '-Xmx256m',
        '-cp',
        classpath,
        'org.corridor.interop.CorridorConsumer',
        `--brokers=${brokers.join(',')}`,
        `--username=${sasl!.username}`,
        `--password=${sasl!.password}`,
        `--topics=${STAGES.map((stage) => corridorTopic('KH', 'TH', stage)).join(',')}`,
        `--keys=${[jobOrderId, matched.journeyId, nominated.journeyId].join(',')}`,
        `--private-keys=${privateKeys}`,
      ],
      { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the Java consumer failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as JavaLine & { summary?: { checked: number; failures: number } });
    const summary = lines.find((l) => l.summary)!.summary!;
    const records = lines.filter((l) => l.eventType);
    console.log(`Java consumer: ${JSON.stringify(summary)} in ${Date.now() - started} ms`);
    expect(summary.failures).toBe(0);
    expect(summary.checked).toBe(records.length);

    const typesOf = (key: string) => records.filter((r) => r.key === key).map((r) => r.eventType.replace('corridor.v1.', ''));
    expect(typesOf(jobOrderId)).toEqual(['JobOrderCreated', 'JobOrderApproved', 'JobOrderVerified']);
    expect(typesOf(matched.journeyId).sort()).toEqual(['ContractDrafted', 'FeeBreachFlagged', 'FeePaid', 'WorkerMatched']);
    expect(typesOf(nominated.journeyId)).toEqual(['WorkerNominated']);
    for (const record of records) expect(record).toMatchObject({ origin: 'KH', destination: 'TH' });

    // Person data opened in Java equals what was registered, for both sealing events.
    const personOf = (key: string) => records.find((r) => r.key === key && r.personData)!;
    for (const [key, person] of [
      [matched.journeyId, matchedPerson],
      [nominated.journeyId, nominatedPerson],
    ] as const) {
      const record = personOf(key);
      expect(record.encryptionKeyId).toBe(loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').activeTransitKey.keyId);
      expect(record.personData).toEqual({
        fullName: person.fullName,
        fullNameLatin: person.fullNameLatin,
        birthDate: person.birthDate,
        documentType: person.documentType,
        documentNumber: person.documentNumber,
        documentExpiry: person.documentExpiry,
        nationality: person.nationality,
      });
    }

    // The headers on the wire are exactly the ones docs/asyncapi.yaml documents: the required ones
    // on every record, causation-id on those caused by another event (the Java side checked that
    // each equals its envelope field).
    for (const record of records) {
      const expected = [...REQUIRED_RECORD_HEADERS, ...(record.causationId ? OPTIONAL_RECORD_HEADERS : [])].sort();
      expect({ type: record.eventType, headers: Object.keys(record.headers).sort() }).toEqual({ type: record.eventType, headers: expected });
      expect(record.headers['event-id']).toBe(record.eventId);
    }
    expect(Object.values(RECORD_HEADERS).sort()).toEqual([...REQUIRED_RECORD_HEADERS, ...OPTIONAL_RECORD_HEADERS].sort());
    // One request, one correlation id and trace: the fee paid caused the breach flag; the match was another request.
    const recordOf = (key: string, type: string) => records.find((r) => r.key === key && r.eventType === `corridor.v1.${type}`)!;
    const [paid, flagged, match] = [recordOf(matched.journeyId, 'FeePaid'), recordOf(matched.journeyId, 'FeeBreachFlagged'), recordOf(matched.journeyId, 'WorkerMatched')];
    expect(flagged).toMatchObject({ causationId: paid.eventId, correlationId: paid.correlationId });
    expect(flagged.traceparent.split('-')[1]).toBe(paid.traceparent.split('-')[1]);
    expect(paid.causationId).toBe('');
    expect(match.correlationId).not.toBe(paid.correlationId);
  });

  it('every service serves the AsyncAPI document next to its OpenAPI, the same as docs/asyncapi.yaml', async () => {
    const committed = readFileSync(path.join(ROOT, 'docs/asyncapi.yaml'), 'utf8');
    for (const app of [platform.nodes.TH.recruitment, platform.nodes.KH.journey, platform.nodes.KH.contracts!]) {
      const yaml = await request(app.getHttpServer()).get('/api/docs-asyncapi').expect(200);
      expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
      expect(yaml.text).toBe(committed);
      const json = await request(app.getHttpServer()).get('/api/docs-asyncapi-json').expect(200);
      expect(json.body).toMatchObject({ asyncapi: '3.1.0', info: { title: 'Corridor event contracts' } });
    }
  });
});
