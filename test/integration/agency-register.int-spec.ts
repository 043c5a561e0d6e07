import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AgencyLicenceReinstatedSchema, AgencyLicenceRevokedSchema, AgencyLicenceSuspendedSchema, AgencyRegisteredSchema, buildEvent } from '@corridor/events';
import type { CorridorEventServer } from '@corridor/messaging';
import { createJourneyApp } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { anAgency, deliverAndCollectWarnings, dropTestDatabases, khMinistry, testNodeConfig, uniqueGroupId, uniqueName } from '@corridor/testing';

jest.setTimeout(90_000);

/**
 * The public register of agencies is the journey service's copy of the licences the recruitment
 * service keeps, and follows the same licence lifecycle: a step the recruitment use case refuses
 * (409) is left out of the register with the very reason the use case answers. Both services of
 * one KH node run on throw-away databases; the licence events are delivered to the journey as the
 * recruitment service would publish them.
 */
const kh = testNodeConfig('KH');
const recruitmentDb = uniqueName('it_kh_agency_licences');
const journeyDb = uniqueName('it_kh_agency_register');
let recruitment: INestApplication;
let journey: INestApplication;
let events: CorridorEventServer;

beforeAll(async () => {
  recruitment = (await createRecruitmentApp(kh, { database: recruitmentDb })).app;
  const service = await createJourneyApp(kh, { database: journeyDb, groupId: uniqueGroupId('KH', 'agency-register') });
  journey = service.app;
  events = service.events!;
});

afterAll(async () => {
  await recruitment?.close();
  await journey?.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
});

const officer = { subject: 'officer-kh-1', country: 'KH' };
const licenceEvent = (agencyId: string, schema: typeof AgencyLicenceSuspendedSchema | typeof AgencyLicenceReinstatedSchema | typeof AgencyLicenceRevokedSchema, reason: string) =>
  buildEvent({ stage: 'recruitment', by: officer, journeyId: agencyId, corridor: { origin: 'KH' }, schema, payload: create(schema, { agencyId, reason }) });

describe('the public register follows the licence lifecycle of the recruitment use cases', () => {
  it('a step the use case refuses is left out of the register with its reason: a reinstatement while licensed, a suspension once revoked', async () => {
    const agency = anAgency();
    const registered = await request(recruitment.getHttpServer()).post('/api/v1/agencies').set('Authorization', khMinistry()).send(agency).expect(201);
    const agencyId = (registered.body as { agencyId: string }).agencyId;
    const { licenceNumber } = agency;
    await deliverAndCollectWarnings(events, buildEvent({ stage: 'recruitment', by: officer, journeyId: agencyId, corridor: { origin: 'KH' }, schema: AgencyRegisteredSchema, payload: create(AgencyRegisteredSchema, { agencyId, ...agency }) }));

    // Licensed: a reinstatement is refused by the use case, and left out of the register alike.
    const notSuspended = await request(recruitment.getHttpServer()).post(`/api/v1/agencies/${agencyId}/reinstatement`).set('Authorization', khMinistry()).send({}).expect(409);
    expect(notSuspended.body).toMatchObject({ type: 'https://corridor.gms/problems/illegal-transition', currentState: 'licensed', action: 'reinstate' });
    const early = licenceEvent(agencyId, AgencyLicenceReinstatedSchema, 'reinstated');
    expect(await deliverAndCollectWarnings(events, early)).toEqual({ outcome: 'applied', warnings: [`corridor.v1.AgencyLicenceReinstated (event ${early.event.eventId}) left out: ${notSuspended.body.detail}`] });

    await request(recruitment.getHttpServer()).post(`/api/v1/agencies/${agencyId}/revocation`).set('Authorization', khMinistry()).send({ reason: 'fees above the cap, repeatedly' }).expect(201);
    expect(await deliverAndCollectWarnings(events, licenceEvent(agencyId, AgencyLicenceRevokedSchema, 'fees above the cap, repeatedly'))).toMatchObject({ outcome: 'applied', warnings: [] });

    // Revoked is final: the use case refuses a suspension, and the register leaves one out with the same words.
    const revoked = await request(recruitment.getHttpServer()).post(`/api/v1/agencies/${agencyId}/suspension`).set('Authorization', khMinistry()).send({ reason: 'again' }).expect(409);
    expect(revoked.body).toMatchObject({ currentState: 'revoked', action: 'suspend', allowedActions: [] });
    const late = licenceEvent(agencyId, AgencyLicenceSuspendedSchema, 'again');
    expect(await deliverAndCollectWarnings(events, late)).toEqual({ outcome: 'applied', warnings: [`corridor.v1.AgencyLicenceSuspended (event ${late.event.eventId}) left out: ${revoked.body.detail}`] });

    const shown = await request(journey.getHttpServer()).get(`/api/v1/public/agencies/${encodeURIComponent(licenceNumber)}`).expect(200);
    expect(shown.body).toMatchObject({ licenceNumber, status: 'revoked' });
  });
});
