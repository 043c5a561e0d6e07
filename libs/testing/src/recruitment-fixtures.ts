/** Recruitment objects made through the real HTTP API, for suites of the recruitment service and across services. */
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { bearer, eventually } from './test-node';
import { aWorkerRegistration } from './worker-registration.fixture';

let sequence = 0;
function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString().slice(-7)}${String(sequence).padStart(3, '0')}`;
}

export const khMinistry = () => bearer('KH', ['ministry-officer']);
export const thDestination = () => bearer('TH', ['destination-officer']);
export const agencyStaff = (agencyId: string, country = 'KH') => bearer(country, ['agency-staff'], agencyId, `staff-${agencyId.slice(-6)}`);

export function anAgency(overrides: Record<string, unknown> = {}) {
  return { name: 'Mekong Manpower Co., Ltd.', licenceNumber: unique('RA-'), licenceValidFrom: '2020-01-01', licenceValidTo: '2099-12-31', ...overrides };
}

/** The shared worker fixture, in an occupation the job orders below ask for. */
export function aWorker(overrides: Record<string, unknown> = {}) {
  return aWorkerRegistration({ occupationIsco: '9329', ...overrides });
}

export function aJobOrder(overrides: Record<string, unknown> = {}) {
  return {
    origin: 'KH',
    employerName: 'Siam Frozen Foods Co., Ltd.',
    employerRegistrationNumber: '0105548012345',
    workplaceProvince: 'Samut Sakhon',
    occupationIsco: '9329',
    sectorIsic: '10',
    workersRequested: 2,
    wageAmountMinor: 1040000,
    wageCurrency: 'THB',
    wagePeriod: 'month',
    hoursPerDay: 8,
    contractMonths: 24,
    benefits: ['accommodation', 'social security'],
    ...overrides,
  };
}

export async function registerAgency(app: INestApplication, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await request(app.getHttpServer()).post('/api/v1/agencies').set('Authorization', khMinistry()).send(anAgency(overrides));
  if (response.status !== 201) throw new Error(`agency registration answered ${response.status}: ${response.text}`);
  return response.body.agencyId;
}

export async function registerWorker(app: INestApplication, token = khMinistry(), overrides: Record<string, unknown> = {}): Promise<{ workerId: string; journeyId: string }> {
  const response = await request(app.getHttpServer()).post('/api/v1/workers').set('Authorization', token).send(aWorker(overrides));
  if (response.status !== 201) throw new Error(`worker registration answered ${response.status}: ${response.text}`);
  return response.body;
}

/** TH records and approves a job order; KH receives it over the corridor and verifies it. */
export async function verifiedJobOrder(kh: INestApplication, th: INestApplication, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await request(th.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thDestination()).send(aJobOrder(overrides));
  if (created.status !== 201) throw new Error(`job order answered ${created.status}: ${created.text}`);
  const id: string = created.body.jobOrderId;
  await request(th.getHttpServer()).post(`/api/v1/job-orders/${id}/approval`).set('Authorization', thDestination()).send({}).expect(201);
  await eventually(async () => {
    const r = await request(kh.getHttpServer()).get(`/api/v1/job-orders/${id}`).set('Authorization', khMinistry());
    return r.status === 200 && r.body.status === 'approved' ? true : undefined;
  }, 30_000, `approved job order ${id} on KH`);
  await request(kh.getHttpServer()).post(`/api/v1/job-orders/${id}/verification`).set('Authorization', khMinistry()).send({}).expect(201);
  return id;
}
