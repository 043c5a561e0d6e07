import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromBinary, toJson } from '@bufbuild/protobuf';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadPersonDataKeys, openSealed } from '@corridor/crypto';
import {
  EVENT_CONTRACTS,
  EventEnvelopeSchema,
  OPTIONAL_RECORD_HEADERS,
  PersonDataSchema,
  RECORD_HEADERS,
  REQUIRED_RECORD_HEADERS,
  decodeEnvelope,
  decodePayload,
  parseTopic,
} from '@corridor/events';
import { aWorker, bearer, eventually, khMinistry, testKafkaSasl, testNodeConfig } from '@corridor/testing';
import { startCountryNodes, timelineOf, type CountryNode } from '../support/country-nodes';
import { demoJourney, servicesOf } from '../support/demo-journey';

/**
 * The second-language consumer (test/interop/java): the demo's own flow (tools/demo/demo.ts,
 * `demoFlow`) runs on in-process KH and TH nodes; then a Java program built from proto/ alone
 * reads, as each country's own Kafka principal, every topic those nodes wrote to, decodes every
 * record into the class protoc generated for its event type, opens the sealed person data with
 * TH's key following only docs/sealed-person-data.md, and prints what it read.
 *
 * What must be decoded is not listed here: it is every event the services' outboxes hold after the
 * flow. A step added to the demo (a new stage's events) is covered without an edit, and the test
 * fails naming any event type the Java side did not decode, typed and field for field.
 */
jest.setTimeout(300_000);

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
  javaClass: string;
  envelope: Record<string, unknown>;
  payload: Record<string, unknown>;
  encryptionKeyId?: string;
  personData?: Record<string, string>;
}

interface JavaSummary {
  records: number;
  checked: number;
  failures: number;
  files: string[];
  eventTypes: string[];
}

/** One outbox row: an event a TypeScript service wrote, as it went to Kafka. */
interface Written {
  service: string;
  eventId: string;
  eventType: string;
  topic: string;
  recordKey: string;
  payload: Buffer;
  publishedAt: Date | null;
}

let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  // Builds once (Maven Central on the first run, offline after), a no-op when up to date.
  await run('bash', [path.join(JAVA_DIR, 'build.sh')], { timeout: 240_000 });
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH', { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
});

async function outboxesOf(nodes: Record<string, CountryNode>): Promise<Written[]> {
  const rows: Written[] = [];
  for (const node of Object.values(nodes)) {
    for (const [service, app] of Object.entries(servicesOf(node))) {
      const found = await app.get(DataSource).query(
        'SELECT event_id, event_type, topic, record_key, payload, published_at FROM outbox ORDER BY id',
      );
      for (const row of found) {
        rows.push({ service: `${node.country} ${service}`, eventId: row.event_id, eventType: row.event_type, topic: row.topic, recordKey: row.record_key, payload: row.payload, publishedAt: row.published_at });
      }
    }
  }
  return rows;
}

/** The principal that reads a topic: the country of a country topic, the destination of a corridor topic. */
function readerOf(topic: string): string {
  const parsed = parseTopic(topic);
  if (!parsed) throw new Error(`${topic} is not a topic of the contracts`);
  return (parsed.kind === 'country' ? parsed.origin : parsed.destination!).toUpperCase();
}

async function javaConsumer(country: string, topics: string[], keys: string[]): Promise<{ lines: JavaLine[]; summary: JavaSummary }> {
  const sasl = testKafkaSasl(brokers, country);
  expect(sasl?.username).toBe(`node-${country.toLowerCase()}`);
  const privateKeys = [...loadPersonDataKeys({ NODE_ENV: 'test' }, country).privateTransitKeys]
    .map(([kid, key]) => `${kid}:${key.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`)
    .join(',');
  const classpath = `${path.join(JAVA_DIR, 'target/classes')}:${readFileSync(path.join(JAVA_DIR, 'target/classpath.txt'), 'utf8').trim()}`;
  const { stdout } = await run(
    'java',
    ['-Xmx256m', '-cp', classpath, 'org.corridor.interop.CorridorConsumer', `--brokers=${brokers.join(',')}`, `--username=${sasl!.username}`,
      `--password=${sasl!.password}`, `--topics=${topics.join(',')}`, `--keys=${keys.join(',')}`, `--private-keys=${privateKeys}`],
    { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`the Java consumer (as ${country}) failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  const parsed = stdout.trim().split('\n').map((line) => JSON.parse(line) as JavaLine & { summary?: JavaSummary });
  return { lines: parsed.filter((l) => l.eventType), summary: parsed.find((l) => l.summary)!.summary! };
}

describe('a Java consumer built from proto/ alone', () => {
  it('decodes, typed and field for field, every event the demo\'s flow produces, and opens the person data with TH key from the spec alone', async () => {
    const { KH: kh, TH: th } = platform.nodes;
    const demo = await demoJourney(platform.nodes);
    // The flow walks every stage across both nodes: each timeline holds every step, in order. The
    // demo asks for exit clearance until TH's verification has reached KH deployment; each early
    // ask is a refusal on the record, as many as the timing made, so they are left out here.
    // Only the events of this suite's own services: the run's suites share the broker's topics, so a
    // KH node another suite runs meanwhile reads this journey's return too and opens a case of its
    // own, whose event reaches this KH timeline (one node per country in production, not here).
    const ours = new Set((await outboxesOf(platform.nodes)).map((row) => row.eventId));
    const stepsOn = async (node: CountryNode, token: string) =>
      ((await request(node.journey.getHttpServer()).get(`/api/v1/journeys/${demo.journeyId}/timeline`).set('Authorization', token).expect(200)).body.entries as { eventType: string; eventId: string }[])
        .filter((e) => ours.has(e.eventId))
        .map((e) => e.eventType.replace('corridor.v1.', ''))
        .filter((type) => type !== 'ExitClearanceRefused');
    const fromTheMatch = [
      'WorkerMatched', 'OrientationAttended', 'OrientationCompleted', 'FeePaid', 'FeeBreachFlagged', 'FeeRefunded', 'FeeBreachResolved',
      'ContractDrafted', 'ContractSigned', 'ContractSigned', 'ContractVerified', 'ContractVerified',
      'PreDepartureInsuranceRecorded', 'ExitClearanceGranted', 'DepartureRecorded', 'BorderCrossed', 'ArrivalConfirmed', 'WorkPermitIssued',
      'SchemeEnrolmentRecorded', 'GrievanceFiled', 'GrievanceAssigned', 'GrievanceStatusChanged', 'GrievanceResolved', 'RemittanceRecorded',
      'ReturnRecorded',
    ];
    // The origin also holds the registration and its caseworker's steps, which never cross.
    expect(await stepsOn(kh, khMinistry())).toEqual(['WorkerRegistered', ...fromTheMatch, 'ReintegrationCaseOpened', 'NeedsAssessed', 'ReintegrationPlanRecorded', 'ReferralSent']);
    expect(await stepsOn(th, bearer('TH', ['destination-officer']))).toEqual(fromTheMatch);

    // Not in the demo: a worker the ministry nominates (WorkerNominated, the other sealing event).
    const nominatedPerson = aWorker({ fullName: 'ស្រី ពៅ', fullNameLatin: 'Srey Pov', birthDate: '2001-02-03', documentType: 'national-id' });
    const khRecruitment = () => request(kh.recruitment.getHttpServer());
    const nominated = (await khRecruitment().post('/api/v1/workers').set('Authorization', khMinistry()).send(nominatedPerson).expect(201)).body as { workerId: string; journeyId: string };
    await khRecruitment().post(`/api/v1/workers/${nominated.workerId}/nominations`).set('Authorization', khMinistry()).send({ destination: 'TH' }).expect(201);
    await timelineOf(th, nominated.journeyId, 1, ['destination-officer']);

    // Everything the TypeScript services wrote (this suite's throw-away databases hold nothing
    // else), once their relays have published it.
    const written = await eventually(async () => {
      const rows = await outboxesOf(platform.nodes);
      return rows.length > 0 && rows.every((r) => r.publishedAt) ? rows : undefined;
    }, 30_000, 'every outbox row published');
    const writtenTypes = [...new Set(written.map((w) => w.eventType))].sort();
    // The derivation reaches what the demo is known to produce today (it may only grow).
    expect(writtenTypes).toEqual(expect.arrayContaining([
      'JobOrderCreated', 'JobOrderApproved', 'JobOrderVerified', 'AgencyRegistered', 'WorkerRegistered', 'WorkerMatched', 'WorkerNominated',
      'OrientationSessionScheduled', 'OrientationAttended', 'OrientationCompleted', 'FeePaid', 'FeeBreachFlagged', 'FeeRefunded', 'FeeBreachResolved',
      'ContractDrafted', 'ContractSigned', 'ContractVerified',
    ].map((name) => `corridor.v1.${name}`)));

    // The Java program, once per principal, over every topic the flow wrote to.
    const byReader = new Map<string, Written[]>();
    for (const w of written) byReader.set(readerOf(w.topic), [...(byReader.get(readerOf(w.topic)) ?? []), w]);
    const started = Date.now();
    const runs = await Promise.all(
      [...byReader].map(([country, rows]) => javaConsumer(country, [...new Set(rows.map((r) => r.topic))].sort(), [...new Set(rows.map((r) => r.recordKey))])),
    );
    console.log(`Java consumer: ${runs.map((r, i) => `${[...byReader.keys()][i]} ${JSON.stringify({ ...r.summary, files: undefined, eventTypes: r.summary.eventTypes.length })}`).join('; ')} in ${Date.now() - started} ms`);
    expect([...byReader.keys()].sort()).toEqual(['KH', 'TH']);

    // Its registry is proto/, found by reflection over the generated classes: every .proto file and
    // exactly the events of the TypeScript registry.
    const protoFiles = readdirSync(path.join(ROOT, 'proto/corridor/v1')).filter((f) => f.endsWith('.proto')).map((f) => `corridor/v1/${f}`).sort();
    for (const { summary } of runs) {
      expect(summary.failures).toBe(0);
      expect(summary.files).toEqual(protoFiles);
      expect(summary.eventTypes).toEqual([...new Set(EVENT_CONTRACTS.map((c) => c.eventType))].sort());
    }

    // Every event written was decoded in Java, none left out (named by type when one is).
    const decoded = new Map<string, JavaLine>();
    for (const { lines } of runs) for (const line of lines) decoded.set(line.eventId, line);
    const undecodedTypes = [...new Set(written.filter((w) => !decoded.has(w.eventId)).map((w) => w.eventType))].sort();
    expect({ undecodedTypes }).toEqual({ undecodedTypes: [] });
    expect([...new Set(written.map((w) => decoded.get(w.eventId)!.eventType))].sort()).toEqual(writtenTypes);

    const thKeys = loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH');
    for (const w of written) {
      const line = decoded.get(w.eventId)!;
      const envelope = decodeEnvelope(w.payload);
      const payload = decodePayload(envelope)!;
      const what = `${w.eventType} ${w.eventId} from ${w.service}`;
      // Typed: the generated class of the event type, on the topic and key it was written to.
      expect({ what, javaClass: line.javaClass, topic: line.topic, key: line.key }).toEqual({
        what, javaClass: `org.corridor.events.v1.${payload.schema.name}`, topic: w.topic, key: w.recordKey,
      });
      // Field for field: what Java read is what TypeScript wrote (canonical proto3 JSON of both).
      expect({ what, envelope: line.envelope, payload: line.payload }).toEqual({
        what, envelope: toJson(EventEnvelopeSchema, envelope), payload: toJson(payload.schema, payload.message as never),
      });
      expect(line).toMatchObject({ origin: envelope.corridor?.origin, destination: envelope.corridor?.destination, correlationId: envelope.correlationId });
      // The headers on the wire are exactly the ones docs/asyncapi.yaml documents (the Java side
      // checked that each equals its envelope field).
      const expectedHeaders = [...REQUIRED_RECORD_HEADERS, ...(line.causationId ? OPTIONAL_RECORD_HEADERS : [])].sort();
      expect({ what, headers: Object.keys(line.headers).sort() }).toEqual({ what, headers: expectedHeaders });
      expect(line.headers['event-id']).toBe(w.eventId);
      // Sealed person data: Java opened it from the spec alone, to what TypeScript opens.
      const sealed = (payload.message as { sealedPersonData?: Uint8Array }).sealedPersonData;
      const person = sealed?.length ? fromBinary(PersonDataSchema, openSealed(sealed, thKeys.privateTransitKeys, new TextEncoder().encode(envelope.journeyId))) : undefined;
      expect({ what, keyId: line.encryptionKeyId, personData: line.personData }).toEqual({
        what,
        keyId: person && thKeys.activeTransitKey.keyId,
        personData: person && {
          fullName: person.fullName, fullNameLatin: person.fullNameLatin, birthDate: person.birthDate, documentType: person.documentType,
          documentNumber: person.documentNumber, documentExpiry: person.documentExpiry, nationality: person.nationality,
        },
      });
    }
    expect(Object.values(RECORD_HEADERS).sort()).toEqual([...REQUIRED_RECORD_HEADERS, ...OPTIONAL_RECORD_HEADERS].sort());

    // The person data opened in Java is what was registered, for both sealing events.
    const opened = (journeyId: string) => [...decoded.values()].find((l) => l.key === journeyId && l.personData)!;
    for (const [journeyId, person] of [
      [demo.journeyId, demo.worker],
      [nominated.journeyId, nominatedPerson],
    ] as const) {
      expect(opened(journeyId).personData).toEqual({
        fullName: person.fullName,
        fullNameLatin: person.fullNameLatin,
        birthDate: person.birthDate,
        documentType: person.documentType,
        documentNumber: person.documentNumber,
        documentExpiry: person.documentExpiry,
        nationality: person.nationality,
      });
    }

    // One request, one correlation id and trace: the fee paid caused the breach flag; the match was another request.
    const recordOf = (type: string) => [...decoded.values()].find((r) => r.key === demo.journeyId && r.eventType === `corridor.v1.${type}` && r.topic.startsWith('corridor.'))!;
    const [paid, flagged, match] = [recordOf('FeePaid'), recordOf('FeeBreachFlagged'), recordOf('WorkerMatched')];
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
