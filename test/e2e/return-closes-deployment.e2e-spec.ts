import request from 'supertest';
import { create, fromBinary } from '@bufbuild/protobuf';
import { ReturnRecordedSchema, ReturnStatus, buildEvent, corridorTopic, decodeEnvelope, type EventEnvelope, type ReturnRecorded } from '@corridor/events';
import { addDays, isoDay } from '@corridor/reference-data';
import { ManualClock, Scheduler } from '@corridor/scheduler';
import { eventually, expectServiceLogs, inOrder, observeOutcomes, readTopicToEnd, testKafka, testNodeConfig, type ObservedRecord, type RecordOutcome, type ReadRecord } from '@corridor/testing';
import { clearForDeparture, deploymentOnTh } from '../support/deployment-steps';
import { buildersBefore, startPlatformScenario, type BuildStep, type Owner, type PlatformScenario, type ScenarioCountry } from '../support/platform-scenario';

jest.setTimeout(600_000);

const brokers = testNodeConfig('KH').kafkaBrokers;
const returnsTopic = corridorTopic('KH', 'TH', 'reintegration');

/**
 * A return closes the deployment at both ends, on the real Kafka and Postgres: A works at TH and
 * is reported home early by TH, B departed and is recorded home by KH before arriving. Each end's
 * deployment service closes its own row on ReturnRecorded; the same return again changes nothing;
 * the scheduled checks on a moved clock raise nothing for either.
 */
describe('a return closes the deployment at both ends', () => {
  const clock = new ManualClock(new Date());
  const step = inOrder();
  let scenario: PlatformScenario;
  let observed: Record<ScenarioCountry, ObservedRecord[]>;
  const journey = (owner: Owner) => scenario.ids.journey[owner];
  const stepOf = (owner: Owner): BuildStep => ({
    owner,
    app: scenario.app,
    tokens: scenario.tokens,
    made: Object.fromEntries(Object.entries(scenario.ids).map(([resource, ids]) => [resource, ids[owner]])),
    notes: {},
  });
  const deployment = (country: ScenarioCountry) => request(scenario.app(country, 'deployment').getHttpServer());
  const officerOf = (country: ScenarioCountry) => (country === 'KH' ? scenario.tokens.khMinistry() : scenario.tokens.thDestination());
  const deploymentOn = async (country: ScenarioCountry, owner: Owner) => {
    const r = await deployment(country).get(`/api/v1/deployments/${journey(owner)}`).set('Authorization', officerOf(country));
    expect(r.status).toBe(200);
    return r.body as Record<string, unknown>;
  };
  /** The row as stored, updated_at included: what "changes nothing" is checked on. */
  const rowOf = async (country: ScenarioCountry, owner: Owner) => (await scenario.dataSource(country, 'deployment').query('SELECT * FROM deployment WHERE journey_id = $1', [journey(owner)]))[0];
  const recordReturn = (country: ScenarioCountry, body: Record<string, unknown>) =>
    eventually(async () => {
      const token = country === 'TH' ? scenario.tokens.thDestination() : scenario.tokens.as('KH', ['caseworker']);
      const r = await request(scenario.app(country, 'reintegration').getHttpServer()).post('/api/v1/returns').set('Authorization', token).send(body);
      return r.status === 201 ? (r.body as { returnId: string }) : undefined;
    }, 30_000, `return recorded on ${country}`);
  /** The ReturnRecorded records of a journey on the corridor's reintegration topic, oldest first. */
  const returnRecordsOf = async (owner: Owner): Promise<{ record: ReadRecord; envelope: EventEnvelope }[]> =>
    (await readTopicToEnd(brokers, [returnsTopic]))
      .map((record) => ({ record, envelope: decodeEnvelope(record.message.value) }))
      .filter(({ envelope }) => envelope.journeyId === journey(owner) && envelope.eventType === ReturnRecordedSchema.typeName);
  /** Until both ends' deployment consumers have handled the event with the outcome. */
  const handledAtBothEnds = (eventId: string, outcome: RecordOutcome) =>
    eventually(async () => (['KH', 'TH'] as const).every((c) => observed[c].some((o) => o.eventId === eventId && o.outcome === outcome)) || undefined, 30_000, `${eventId} ${outcome} at KH and TH deployment`);

  beforeAll(async () => {
    scenario = await startPlatformScenario(buildersBefore('deployment'), { clock, scheduler: { enabled: false } });
    observed = { KH: observeOutcomes(scenario.events('KH', 'deployment')), TH: observeOutcomes(scenario.events('TH', 'deployment')) };
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  step('A goes to work at TH (departed, crossed, arrived, permit); B departs', async () => {
    await Promise.all([clearForDeparture(stepOf('A'), 'NA1000001'), clearForDeparture(stepOf('B'), 'NB1000002')]);
    const ministry = scenario.tokens.khMinistry();
    await deployment('KH').post(`/api/v1/deployments/${journey('A')}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' }).expect(201);
    await deployment('KH').post(`/api/v1/deployments/${journey('A')}/crossing`).set('Authorization', ministry).send({ checkpoint: 'KH-TH-POIPET', crossedOn: isoDay(), direction: 'outbound' }).expect(201);
    await deployment('KH').post(`/api/v1/deployments/${journey('B')}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'air', plannedCheckpoint: 'AIR-BKK' }).expect(201);
    await deploymentOnTh(stepOf('A'), journey('A'), (d) => d.status === 'crossed');
    const thOfficer = scenario.tokens.thDestination();
    await deployment('TH').post(`/api/v1/deployments/${journey('A')}/arrival`).set('Authorization', thOfficer).send({ arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' }).expect(201);
    await deployment('TH').post(`/api/v1/deployments/${journey('A')}/permit`).set('Authorization', thOfficer).send({ permitNumber: 'WP-TH-2026-100001', permitType: 'work-permit-and-visa', issuedOn: isoDay() }).expect(201);
    await eventually(async () => ((await deploymentOn('KH', 'A')).status === 'working' || undefined), 30_000, 'A working on KH');
    await deploymentOnTh(stepOf('B'), journey('B'), (d) => d.status === 'departed');
    expect(await deploymentOn('KH', 'B')).toMatchObject({ status: 'departed', returnId: null, allowedActions: expect.arrayContaining(['confirm-arrival', 'return']) });
  });

  step('a planned return closes nothing: the worker is still at work', async () => {
    const planned = await recordReturn('TH', { journeyId: journey('A'), status: 'planned', type: 'end-of-contract', returnDate: addDays(isoDay(), 700), checkpoint: 'Poipet' });
    const [record] = await eventually(async () => {
      const records = await returnRecordsOf('A');
      return records.length === 1 ? records : undefined;
    }, 30_000, 'the planned return on the topic');
    expect(fromBinary(ReturnRecordedSchema, record.envelope.payload)).toMatchObject({ returnId: planned.returnId, status: ReturnStatus.PLANNED });
    await handledAtBothEnds(record.envelope.eventId, 'applied');
    for (const country of ['KH', 'TH'] as const) expect(await deploymentOn(country, 'A')).toMatchObject({ status: 'working', returnId: null, returnedOn: null });
  });

  step('A returns early (recorded by TH) and B comes home before arriving (recorded by KH): both deployments are returned at KH and at TH', async () => {
    const a = await recordReturn('TH', { journeyId: journey('A'), status: 'happened', type: 'early', returnDate: isoDay(), checkpoint: 'Poipet', reason: 'grievance: unpaid wages' });
    const b = await recordReturn('KH', { journeyId: journey('B'), status: 'happened', type: 'emergency', returnDate: isoDay(), checkpoint: 'AIR-PNH' });
    const returned = { A: { returnId: a.returnId, returnType: 'early' }, B: { returnId: b.returnId, returnType: 'emergency' } };
    for (const owner of ['A', 'B'] as const) {
      for (const country of ['KH', 'TH'] as const) {
        const d = await eventually(async () => {
          const body = await deploymentOn(country, owner);
          return body.status === 'returned' ? body : undefined;
        }, 30_000, `${owner} returned on ${country}`);
        expect(d).toMatchObject({ ...returned[owner], status: 'returned', returnedOn: isoDay(), allowedActions: [] });
      }
    }
    // The planned return became the happened one: the same return id, restated.
    expect(a.returnId).toBe((await returnRecordsOf('A')).map(({ envelope }) => fromBinary(ReturnRecordedSchema, envelope.payload).returnId)[0]);
    // Closed means closed: a step of the stage is refused with the state machine's 409.
    const extension = await deployment('TH').post(`/api/v1/deployments/${journey('A')}/permit/extension`).set('Authorization', scenario.tokens.thDestination()).send({});
    expect(extension.status).toBe(409);
    expect(extension.body).toMatchObject({ currentState: 'returned', action: 'extend-permit', allowedActions: [] });
    const crossing = await deployment('KH').post(`/api/v1/deployments/${journey('B')}/crossing`).set('Authorization', scenario.tokens.khMinistry()).send({ checkpoint: 'KH-TH-POIPET', crossedOn: isoDay(), direction: 'outbound' });
    expect(crossing.status).toBe(409);
    expect(crossing.body).toMatchObject({ currentState: 'returned', action: 'cross', allowedActions: [] });
  });

  step('the same ReturnRecorded again changes nothing at either end: redelivered with its event id, restated with a new one', async () => {
    const before = { KH: await rowOf('KH', 'A'), TH: await rowOf('TH', 'A') };
    const happened = (await returnRecordsOf('A')).at(-1)!;
    expect(fromBinary(ReturnRecordedSchema, happened.envelope.payload).status).toBe(ReturnStatus.HAPPENED);
    const producer = testKafka('test-redeliver-return', brokers).producer();
    await producer.connect();
    try {
      // The very record again (a redelivery after a crash, a replay): the inbox knows its event id.
      const { key, value, headers } = happened.record.message;
      await producer.send({ topic: returnsTopic, messages: [{ key, value, headers }] });
      await handledAtBothEnds(happened.envelope.eventId, 'duplicate');
      // The same return restated in a new event: applied, and the deployment knows the return id.
      const restated = aReturnRecordedByTh(journey('A'), fromBinary(ReturnRecordedSchema, happened.envelope.payload));
      expect(restated.topic).toBe(returnsTopic);
      await producer.send({ topic: restated.topic, messages: [{ key: journey('A'), value: Buffer.from(restated.event.bytes) }] });
      await handledAtBothEnds(restated.event.eventId, 'applied');
    } finally {
      await producer.disconnect();
    }
    expect({ KH: await rowOf('KH', 'A'), TH: await rowOf('TH', 'A') }).toEqual(before);
    expect(before.KH).toMatchObject({ status: 'returned', return_type: 'early' });
  });

  step('another return of a deployment already closed is left out, logged, and the consumer goes on', async () => {
    const logs = expectServiceLogs(/left out: deployment .* was closed by return/);
    const before = { KH: await rowOf('KH', 'B'), TH: await rowOf('TH', 'B') };
    const other = aReturnRecordedByTh(journey('B'), create(ReturnRecordedSchema, { returnId: '0193b000-0000-7000-8000-00000000b0b0', status: ReturnStatus.HAPPENED, returnDate: isoDay(), returnedFrom: 'TH' }));
    const producer = testKafka('test-other-return', brokers).producer();
    await producer.connect();
    await producer.send({ topic: other.topic, messages: [{ key: journey('B'), value: Buffer.from(other.event.bytes) }] }).finally(() => producer.disconnect());
    await handledAtBothEnds(other.event.eventId, 'applied');
    expect({ KH: await rowOf('KH', 'B'), TH: await rowOf('TH', 'B') }).toEqual(before);
    // One line from each end's deployment service, both naming the return that closed it.
    expect(before.TH.return_id).toBe(before.KH.return_id);
    expect(logs.lines.map((l) => l.text)).toEqual([expect.stringContaining(`was closed by return ${before.KH.return_id}`), expect.stringContaining(`was closed by return ${before.KH.return_id}`)]);
  });

  step('the scheduled checks on a moved clock raise nothing for the returned workers: no missing arrival, no permit expiring, no overstay', async () => {
    const kh = scenario.app('KH', 'deployment').get(Scheduler);
    const th = scenario.app('TH', 'deployment').get(Scheduler);
    const permitExpiresOn = ((await deploymentOn('KH', 'A')).permit as { expiresOn: string }).expiresOn;
    // Past B's arrival deadline (the corridor's 7 days): B departed and never arrived, yet is home.
    // Asserted on A's and B's own flags below, not on the runs' totals: deployments of other suites'
    // journeys reach these nodes on the shared corridor topics and fall due on the moved clock too.
    clock.advanceDays(8);
    await kh.runNow('deployment.missing-arrival');
    // Within A's permit window, then past the expiry: A left before it.
    clock.set(new Date(Date.parse(`${permitExpiresOn}T12:00:00Z`) - 50 * 86_400_000));
    await th.runNow('deployment.permit-expiry');
    clock.advanceDays(51);
    await th.runNow('deployment.permit-expiry');
    await kh.runNow('deployment.missing-arrival');
    for (const country of ['KH', 'TH'] as const) {
      for (const owner of ['A', 'B'] as const) expect(await deploymentOn(country, owner)).toMatchObject({ status: 'returned', flags: [] });
    }
  });
});

/** A ReturnRecorded as TH's reintegration service would publish it on the KH–TH corridor. */
function aReturnRecordedByTh(journeyId: string, payload: ReturnRecorded) {
  return buildEvent({ stage: 'reintegration', by: { subject: 'officer-th-1', country: 'TH' }, journeyId, corridor: { origin: 'KH', destination: 'TH' }, schema: ReturnRecordedSchema, payload });
}
