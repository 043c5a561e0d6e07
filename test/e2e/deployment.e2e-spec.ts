import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { create, fromJson, type JsonValue } from '@bufbuild/protobuf';
import { checkClearance, type ClearancePrinted } from '@corridor/deployment-service';
import { ContractSide, ContractTermsSchema, ContractVerifiedSchema, buildEvent } from '@corridor/events';
import { isoDay } from '@corridor/reference-data';
import { ManualClock, Scheduler } from '@corridor/scheduler';
import { eventually, testKafka, testNodeConfig } from '@corridor/testing';
import { clearanceIdentity, clearForDeparture, deploymentOnTh } from '../support/deployment-steps';
import { buildersBefore, startPlatformScenario, type BuildStep, type PlatformScenario } from '../support/platform-scenario';

jest.setTimeout(600_000);

/**
 * The deployment stage across KH and TH on the real Kafka and Postgres: the scenario chain up to
 * a verified contract with a substitution flag and a fee breach (owners A and B), then clearance
 * refused with every unmet condition, granted, verified offline and online, departure, crossing,
 * arrival (single and name list), permit, employer change, discrepancy, revocation, and the
 * scheduled checks on a clock the test moves.
 */
describe('deployment across KH and TH', () => {
  const clock = new ManualClock(new Date());
  let scenario: PlatformScenario;
  // Not the stages after deployment: the chain's return, read late by deployment, would close the deployment this suite drives (return-closes-deployment.e2e-spec.ts).
  const upToContract = buildersBefore('deployment');
  const kh = () => request(scenario.app('KH', 'deployment').getHttpServer());
  const th = () => request(scenario.app('TH', 'deployment').getHttpServer());
  const stepOf = (owner: 'A' | 'B'): BuildStep => ({
    owner,
    app: scenario.app,
    tokens: scenario.tokens,
    made: Object.fromEntries(Object.entries(scenario.ids).map(([resource, ids]) => [resource, ids[owner]])),
    notes: {},
  });
  const journey = (owner: 'A' | 'B') => scenario.ids.journey[owner];
  let document = '';

  beforeAll(async () => {
    scenario = await startPlatformScenario(upToContract, { clock, scheduler: { enabled: false } });
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('refuses clearance listing every unmet condition, then grants it with a signed document and QR code', async () => {
    const refused = await eventually(async () => {
      const r = await kh().post(`/api/v1/deployments/${journey('A')}/clearance`).set('Authorization', scenario.tokens.khMinistry()).send({ identity: clearanceIdentity('NA0000001', '2027-01-01') });
      return r.status === 422 && (r.body.unmet as unknown[]).length === 5 ? r : undefined;
    }, 30_000, 'a refusal once the contract is verified on KH');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.type).toBe('https://corridor.gms/problems/exit-clearance-refused');
    expect((refused.body.unmet as { condition: string }[]).map((u) => u.condition)).toEqual(['substitution-flag-open', 'orientation-completed', 'fee-breach-open', 'identity-document-validity', 'insurance']);

    const granted = await clearForDeparture(stepOf('A'), 'NA0000001');
    expect(granted.deployment).toMatchObject({ journeyId: journey('A'), status: 'cleared', origin: 'KH', destination: 'TH', employerName: 'Siam Frozen Foods Co., Ltd.' });
    expect(granted.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(String(granted.qrCode).split(',')[1], 'base64').toString('utf8')).toContain('<svg');
    document = granted.document as string;
    const twice = await kh().post(`/api/v1/deployments/${journey('A')}/clearance`).set('Authorization', scenario.tokens.khMinistry()).send({ identity: clearanceIdentity('NA0000001') });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe('https://corridor.gms/problems/already-cleared');
    const onTh = await deploymentOnTh(stepOf('A'), journey('A'));
    // The destination sees the identity sealed for it; nobody else's event carried it in clear.
    expect(onTh.identity).toEqual({ fullName: 'សុខ ដារា', fullNameLatin: 'SOK Dara', documentNumber: 'NA0000001' });
  });

  it('the document verifies offline with the published key and through the public endpoint; a tampered one does not', async () => {
    const jwks = (await kh().get('/api/v1/public/jwks').expect(200)).body;
    const offline = checkClearance(document, jwks, isoDay());
    expect(offline).toMatchObject({ genuine: true, valid: true, status: 'valid' });
    expect(offline.printed).toEqual({
      typ: 'corridor-exit-clearance', iss: 'KH', no: expect.stringMatching(/^KH-EC-\d{4}-[0-9A-F]{8}$/), journeyId: journey('A'), name: 'សុខ ដារា', nameLatin: 'SOK Dara',
      passport: 'NA0000001', destination: 'TH', employer: 'Siam Frozen Foods Co., Ltd.', validFrom: isoDay(), validUntil: expect.any(String),
    } satisfies Record<keyof ClearancePrinted, unknown>);
    const online = await kh().get('/api/v1/public/clearances/verify').query({ document }).expect(200);
    expect(online.body).toMatchObject({ genuine: true, valid: true, status: 'valid' });

    const [header, payload, signature] = document.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...offline.printed, employer: 'Anyone Ltd.' })).toString('base64url');
    const tampered = `${header}.${forgedPayload}.${signature}`;
    expect(checkClearance(tampered, jwks, isoDay())).toMatchObject({ genuine: false, valid: false, status: 'forged' });
    expect((await kh().get('/api/v1/public/clearances/verify').query({ document: tampered }).expect(200)).body).toMatchObject({ genuine: false, valid: false });
    expect(payload.length).toBeGreaterThan(0);
  });

  it('departure and crossing at origin, arrival and permit at destination, each seen on the other side', async () => {
    const ministry = scenario.tokens.khMinistry();
    const wrongCheckpoint = await kh().post(`/api/v1/deployments/${journey('A')}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'MM-TH-MYAWADDY' });
    expect(wrongCheckpoint.status).toBe(422);
    expect(wrongCheckpoint.body.type).toBe('https://corridor.gms/problems/deployment-step-invalid');
    expect(wrongCheckpoint.body.allowed).toContain('KH-TH-POIPET');
    await kh().post(`/api/v1/deployments/${journey('A')}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' }).expect(201);
    await kh().post(`/api/v1/deployments/${journey('A')}/crossing`).set('Authorization', ministry).send({ checkpoint: 'KH-TH-POIPET', crossedOn: isoDay(), direction: 'outbound' }).expect(201);
    await deploymentOnTh(stepOf('A'), journey('A'), (d) => d.status === 'crossed');
    const thOfficer = scenario.tokens.thDestination();
    await th().post(`/api/v1/deployments/${journey('A')}/arrival`).set('Authorization', thOfficer).send({ arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' }).expect(201);
    const permitted = await th().post(`/api/v1/deployments/${journey('A')}/permit`).set('Authorization', thOfficer).send({ permitNumber: 'WP-TH-2026-000001', permitType: 'work-permit-and-visa', issuedOn: isoDay() }).expect(201);
    expect(permitted.body.status).toBe('working');
    const onKh = await eventually(async () => {
      const r = await kh().get(`/api/v1/deployments/${journey('A')}`).set('Authorization', ministry);
      return r.body.status === 'working' ? r.body : undefined;
    }, 30_000, 'the permit on KH');
    expect(onKh.permit).toMatchObject({ permitNumber: 'WP-TH-2026-000001', extensions: 0 });
    expect(onKh.checkpoint).toBe('KH-TH-POIPET');
    expect(onKh.identity).toBeUndefined();
    // A state the machine does not allow: a 409 naming the state and what is allowed.
    const again = await kh().post(`/api/v1/deployments/${journey('A')}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentState: 'working', action: 'depart' });
  });

  it('an employer change to worse terms raises the substitution flag in contracts, on both sides', async () => {
    await th()
      .post(`/api/v1/deployments/${journey('A')}/employer-changes`)
      .set('Authorization', scenario.tokens.thDestination())
      .send({ newEmployer: 'Chonburi Seafood Ltd.', reason: 'plant closed', approvedBy: 'DOE Chonburi', changedOn: isoDay(), wageAmountMinor: 800_000, hoursPerDay: 10 })
      .expect(201);
    const contract = scenario.ids.contract.A;
    const flagged = await eventually(async () => {
      const r = await request(scenario.app('KH', 'contracts').getHttpServer()).get(`/api/v1/contracts/${contract}`).set('Authorization', scenario.tokens.khMinistry());
      const flags = (r.body.openFlags ?? []) as { source: string }[];
      return flags.some((f) => f.source === 'employer-change') ? flags : undefined;
    }, 30_000, 'the employer-change substitution flag on KH');
    expect(flagged.find((f) => f.source === 'employer-change')).toBeDefined();
    const onKh = await eventually(async () => {
      const r = await kh().get(`/api/v1/deployments/${journey('A')}`).set('Authorization', scenario.tokens.khMinistry());
      return r.body.employerName === 'Chonburi Seafood Ltd.' ? r.body : undefined;
    }, 30_000, 'the employer change on KH');
    expect(onKh.status).toBe('working');
  });

  it('B: a discrepancy raises a flag at origin; a name list answers row by row and keeps the valid rows; revocation shows as invalid', async () => {
    const granted = await clearForDeparture(stepOf('B'), 'NB0000002');
    await kh().post(`/api/v1/deployments/${journey('B')}/departure`).set('Authorization', scenario.tokens.khMinistry()).send({ departedOn: isoDay(), means: 'air', plannedCheckpoint: 'AIR-BKK' }).expect(201);
    await deploymentOnTh(stepOf('B'), journey('B'), (d) => d.status === 'departed');
    // Missing arrival (run by the origin): nothing before the corridor's 7 days, one flag after, however often the check runs.
    // Counted on B's own flags, not on the runs' totals: deployments of other suites' journeys reach
    // these nodes on the shared corridor topics and fall due on the moved clock too.
    const khScheduler = scenario.app('KH', 'deployment').get(Scheduler);
    const flagsOnKh = async (owner: 'A' | 'B') => ((await kh().get(`/api/v1/deployments/${journey(owner)}`).set('Authorization', scenario.tokens.khMinistry())).body.flags as { kind: string }[]).map((f) => f.kind);
    await khScheduler.runNow('deployment.missing-arrival');
    expect(await flagsOnKh('B')).toEqual([]);
    clock.advanceDays(8);
    const runs = await Promise.all([khScheduler.runNow('deployment.missing-arrival'), khScheduler.runNow('deployment.missing-arrival')]);
    expect(runs.reduce((n, r) => n + r.raised, 0)).toBeGreaterThanOrEqual(1);
    await khScheduler.runNow('deployment.missing-arrival');
    expect(await flagsOnKh('B')).toEqual(['missing-arrival']);
    const missing = await deploymentOnTh(stepOf('B'), journey('B'), (d) => (d.flags as unknown[]).length === 1);
    expect(missing.flags).toEqual([expect.objectContaining({ kind: 'missing-arrival' })]);
    clock.set(new Date());
    const list = await th()
      .post('/api/v1/deployments/arrival-lists')
      .set('Authorization', scenario.tokens.thDestination())
      .send({
        reference: 'TH-DOE-NL-1',
        rows: [
          { documentNumber: 'NB0000002', arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' },
          { journeyId: journey('A'), arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' },
          { journeyId: scenario.unknownId, arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' },
          { documentNumber: 'NX9999999', arrivedOn: isoDay(), employerName: 'Siam Frozen Foods Co., Ltd.' },
        ],
      })
      .expect(201);
    expect(list.body).toMatchObject({ accepted: 1, refused: 3 });
    expect(list.body.rows.map((r: { outcome: string; problem?: string }) => [r.outcome, r.problem])).toEqual([
      ['accepted', undefined],
      // A is no longer at the cleared employer (it changed employer above).
      ['refused', 'deployment-step-invalid'],
      ['refused', 'deployment-not-found'],
      ['refused', 'deployment-not-found'],
    ]);
    expect(list.body.rows[2].problem).toBe('deployment-not-found');
    await th()
      .post(`/api/v1/deployments/${journey('B')}/arrival-discrepancy`)
      .set('Authorization', scenario.tokens.thDestination())
      .send({ kind: 'identity-mismatch', detail: 'photo does not match the passport', reportedOn: isoDay() })
      .expect(201);
    const flags = await eventually(async () => {
      const r = await kh().get('/api/v1/deployments').query({ flag: 'arrival-discrepancy' }).set('Authorization', scenario.tokens.khMinistry());
      return r.body.total >= 1 ? r.body.items : undefined;
    }, 30_000, 'the discrepancy flag at origin');
    expect(flags.map((d: { journeyId: string }) => d.journeyId)).toEqual([journey('B')]);

    // A third country's officer sees none of it.
    const la = scenario.tokens.as('LA', ['ministry-officer']);
    expect([403, 404]).toContain((await kh().get(`/api/v1/deployments/${journey('B')}`).set('Authorization', la)).status);
    expect([403, 404]).toContain((await th().get(`/api/v1/deployments/${journey('B')}`).set('Authorization', la)).status);

    // Revocation: a deployment still cleared is withdrawn... B departed, so revoke is refused (409); the document of A stays valid.
    const refusedRevoke = await kh().post(`/api/v1/deployments/${journey('B')}/clearance/revocation`).set('Authorization', scenario.tokens.khMinistry()).send({ reason: 'passport reported stolen' });
    expect(refusedRevoke.status).toBe(409);
    expect(granted.document).toEqual(expect.any(String));
  });

  it('a withdrawn clearance verifies as revoked; a name list of 200 at TH: 197 departed workers confirmed in one request, 3 bad rows each reported with its reason, each arrival seen at KH', async () => {
    // The earlier stages of 197 journeys are seeded as the facts KH deployment keeps from their
    // events (clearance_readiness); clearance, departure, the events to TH and the list are the real flow.
    // 197 travel; one more is cleared, then its clearance is withdrawn before departure.
    const journeys = Array.from({ length: 197 }, (_, i) => ({ journeyId: uuidv7(), documentNumber: `NL${String(i + 1).padStart(7, '0')}` }));
    const withdrawn = { journeyId: uuidv7(), documentNumber: 'NL0000999' };
    const khDb = scenario.app('KH', 'deployment').get(DataSource);
    const [terms] = (await khDb.query('SELECT verified_terms FROM clearance_readiness WHERE journey_id = $1', [journey('A')])) as { verified_terms: unknown }[];
    for (const j of [...journeys, withdrawn]) {
      await khDb.query(
        `INSERT INTO clearance_readiness (journey_id, worker_id, destination, contract_id, contract_verified, verified_terms, orientation_completed, insurance_covered_to)
         VALUES ($1, $2, 'TH', $3, true, $4, true, '2030-12-31')`,
        [j.journeyId, uuidv7(), uuidv7(), JSON.stringify(terms.verified_terms)],
      );
    }
    const ministry = scenario.tokens.khMinistry();
    await inBatches(journeys, 4, async (j) => {
      await kh().post(`/api/v1/deployments/${j.journeyId}/clearance`).set('Authorization', ministry).send({ identity: clearanceIdentity(j.documentNumber) }).expect(201);
      await kh().post(`/api/v1/deployments/${j.journeyId}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' }).expect(201);
    });
    // Revocation: the withdrawn clearance's document still carries a genuine signature (offline it
    // cannot know), but the node that issued it answers revoked, with the reason.
    const revocable = await kh().post(`/api/v1/deployments/${withdrawn.journeyId}/clearance`).set('Authorization', ministry).send({ identity: clearanceIdentity(withdrawn.documentNumber) }).expect(201);
    await kh().post(`/api/v1/deployments/${withdrawn.journeyId}/clearance/revocation`).set('Authorization', ministry).send({ reason: 'passport reported stolen' }).expect(201);
    const revoked = await kh().get('/api/v1/public/clearances/verify').query({ document: revocable.body.document }).expect(200);
    expect(revoked.body).toMatchObject({ genuine: true, valid: false, status: 'revoked', reason: expect.stringContaining('passport reported stolen') });
    const jwks = (await kh().get('/api/v1/public/jwks').expect(200)).body;
    expect(checkClearance(revocable.body.document, jwks, isoDay())).toMatchObject({ genuine: true, status: 'valid', reason: expect.stringContaining('offline') });
    const notDeparting = await kh().post(`/api/v1/deployments/${withdrawn.journeyId}/departure`).set('Authorization', ministry).send({ departedOn: isoDay(), means: 'road', plannedCheckpoint: 'KH-TH-POIPET' });
    expect(notDeparting.status).toBe(409);

    const thOfficer = scenario.tokens.thDestination();
    await eventually(async () => {
      const r = await th().get('/api/v1/deployments').query({ status: 'departed', checkpoint: 'KH-TH-POIPET', limit: 1 }).set('Authorization', thOfficer);
      return r.body.total >= 197 ? r : undefined;
    }, 60_000, 'the 197 departures on TH');

    const employerName = 'Siam Frozen Foods Co., Ltd.';
    const rows = [
      ...journeys.slice(0, 100).map((j) => ({ documentNumber: j.documentNumber, arrivedOn: isoDay(), employerName })),
      { documentNumber: 'NX0000404', arrivedOn: isoDay(), employerName }, // nobody with this passport departed
      ...journeys.slice(100).map((j) => ({ journeyId: j.journeyId, arrivedOn: isoDay(), employerName })),
      { journeyId: scenario.unknownId, arrivedOn: isoDay(), employerName }, // no such journey
      { documentNumber: journeys[7].documentNumber, arrivedOn: isoDay(), employerName }, // listed twice: already arrived
    ];
    expect(rows).toHaveLength(200);
    const list = await th().post('/api/v1/deployments/arrival-lists').set('Authorization', thOfficer).send({ reference: 'TH-DOE-NL-200', rows }).expect(201);
    expect(list.body).toMatchObject({ accepted: 197, refused: 3 });
    expect(list.body.rows).toHaveLength(200);
    const refused = (list.body.rows as { outcome: string; problem?: string }[]).map((r, i) => [i, r.outcome, r.problem]).filter(([, outcome]) => outcome === 'refused');
    expect(refused).toEqual([
      [100, 'refused', 'deployment-not-found'],
      [198, 'refused', 'deployment-not-found'],
      [199, 'refused', 'illegal-transition'],
    ]);
    const arrivedOnKh = await eventually(async () => {
      const r = await kh().get('/api/v1/deployments').query({ status: 'arrived', limit: 1 }).set('Authorization', ministry);
      return r.body.total >= 197 + 1 ? r.body.total : undefined; // and B's, confirmed by the short list above
    }, 60_000, 'the 197 arrivals on KH');
    expect(arrivedOnKh).toBe(197 + 1);
  });

  it('both sides verifying at about the same time, neither event saying fully verified, together clear the contract for departure', async () => {
    // Each side verified before the other's event reached it, so neither ContractVerified says
    // fully verified; the fault suite left a journey refused clearance for good this way.
    const journeyId = uuidv7();
    const contractId = uuidv7();
    const khDb = scenario.app('KH', 'deployment').get(DataSource);
    const [seen] = (await khDb.query('SELECT verified_terms FROM clearance_readiness WHERE journey_id = $1', [journey('A')])) as { verified_terms: JsonValue }[];
    await khDb.query(
      `INSERT INTO clearance_readiness (journey_id, worker_id, destination, orientation_completed, insurance_covered_to) VALUES ($1, $2, 'TH', true, '2030-12-31')`,
      [journeyId, uuidv7()],
    );
    const ask = () => kh().post(`/api/v1/deployments/${journeyId}/clearance`).set('Authorization', scenario.tokens.khMinistry()).send({ identity: clearanceIdentity('NV0000001') });
    const verification = (side: ContractSide, country: string) =>
      buildEvent({
        stage: 'contracts',
        by: { subject: `verifier@${country.toLowerCase()}`, country },
        journeyId,
        corridor: { origin: 'KH', destination: 'TH' },
        schema: ContractVerifiedSchema,
        payload: create(ContractVerifiedSchema, { contractId, version: 1, round: 1, side, fullyVerified: false, terms: fromJson(ContractTermsSchema, seen.verified_terms) }),
      });
    const producer = testKafka('test-concurrent-verifications', testNodeConfig('KH').kafkaBrokers).producer();
    await producer.connect();
    try {
      const origin = verification(ContractSide.ORIGIN, 'KH');
      await producer.send({ topic: origin.topic, messages: [{ key: journeyId, value: Buffer.from(origin.event.bytes) }] });
      await eventually(async () => ((await khDb.query('SELECT contract_id FROM clearance_readiness WHERE journey_id = $1', [journeyId]))[0].contract_id === contractId ? true : undefined), 30_000, 'the origin verification at KH deployment');
      // One side alone is not enough.
      expect((await ask()).body.type).toBe('https://corridor.gms/problems/exit-clearance-refused');
      const destination = verification(ContractSide.DESTINATION, 'TH');
      await producer.send({ topic: destination.topic, messages: [{ key: journeyId, value: Buffer.from(destination.event.bytes) }] });
    } finally {
      await producer.disconnect();
    }
    const granted = await eventually(async () => {
      const r = await ask();
      return r.status === 201 ? r : undefined;
    }, 30_000, 'clearance once both sides verified');
    expect(granted.body.deployment).toMatchObject({ journeyId, status: 'cleared', employerName: 'Siam Frozen Foods Co., Ltd.' });
  });

  it('permit expiry: flagged on the moved clock within the window and once expired, once however often the check runs, seen on both sides', async () => {
    // Counted on A's own flags at TH (which raises them), not on the runs' totals: permits of other
    // suites' journeys reach TH on the shared corridor topics and fall due on the moved clock too.
    const thScheduler = scenario.app('TH', 'deployment').get(Scheduler);
    const flagsOnTh = async () => ((await th().get(`/api/v1/deployments/${journey('A')}`).set('Authorization', scenario.tokens.thDestination())).body.flags as { kind: string }[]).map((f) => f.kind);
    await thScheduler.runNow('deployment.permit-expiry');
    expect(await flagsOnTh()).toEqual([]);
    const expiresOn = (await kh().get(`/api/v1/deployments/${journey('A')}`).set('Authorization', scenario.tokens.khMinistry())).body.permit.expiresOn as string;
    clock.set(new Date(Date.parse(`${expiresOn}T12:00:00Z`) - 50 * 86_400_000)); // within the 60-day window
    const first = await Promise.all([thScheduler.runNow('deployment.permit-expiry'), thScheduler.runNow('deployment.permit-expiry')]);
    expect(first.reduce((n, r) => n + r.raised, 0)).toBeGreaterThanOrEqual(1);
    await thScheduler.runNow('deployment.permit-expiry');
    expect(await flagsOnTh()).toEqual(['permit-expiring']);
    clock.advanceDays(51); // expired: overstay risk
    await thScheduler.runNow('deployment.permit-expiry');
    await thScheduler.runNow('deployment.permit-expiry');
    expect(await flagsOnTh()).toEqual(['permit-expiring', 'permit-expired']);
    const onKh = await eventually(async () => {
      const r = await kh().get(`/api/v1/deployments/${journey('A')}`).set('Authorization', scenario.tokens.khMinistry());
      return (r.body.flags as unknown[]).length === 2 ? r.body : undefined;
    }, 30_000, 'both permit flags on KH');
    expect(onKh.flags.map((f: { kind: string }) => f.kind)).toEqual(['permit-expiring', 'permit-expired']);
  });
});

/** Runs `work` over `items`, `limit` at a time (a bus of workers, recorded by a few officers at once). */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
