import { mintDevelopmentToken, type Role } from '@corridor/auth';
import { isoDay } from '@corridor/reference-data';
import { loadNodeConfig, serviceUrl, type ServiceName } from '@corridor/config';
import { aWorkerRegistration } from '@corridor/testing';

/**
 * `npm run demo`: walks one worker through every stage built so far, across KH and TH, through
 * the public HTTP APIs of the platform `npm start` runs, and prints both countries' timelines.
 *
 * The flow itself (`demoFlow`) is also run by test/e2e/java-consumer.e2e-spec.ts against
 * in-process nodes (`useDemoTransport`), which checks that the Java consumer decodes every event
 * type it produces: a step added here is covered there without an edit.
 */
const secret = loadNodeConfig({ ...process.env, COUNTRY: 'KH' }).jwtSecret;
const today = isoDay();

interface TimelineEntryView {
  occurredAt: string;
  stage: string;
  eventType: string;
  recordedBy: { country: string; officerId: string };
}

export interface Answer {
  status: number;
  // The demo prints what the APIs answered; their shapes are documented in /api/docs.
  body: { detail?: string; status?: string; entries?: TimelineEntryView[]; openFlags?: { kind: string; reason: string }[] } & Record<string, unknown>;
}

function token(country: string, roles: Role[], agencyId?: string): string {
  return mintDevelopmentToken({ subject: `demo-${country.toLowerCase()}-${agencyId ? 'agency' : roles[0]}`, country, roles, agencyId }, secret);
}

const KH_MINISTRY = token('KH', ['ministry-officer']);
const TH_OFFICER = token('TH', ['destination-officer']);

/** How the flow reaches a service of a country: HTTP to the running platform, or in-process apps in a test. */
export type DemoTransport = (method: string, country: string, service: ServiceName, path: string, bearer: string, body?: unknown) => Promise<Answer>;

let transport: DemoTransport = httpCall;
let log: (line: string) => void = (line) => console.log(line);

/** Runs the flow through another transport (and log), e.g. supertest on in-process nodes. */
export function useDemoTransport(call: DemoTransport, lines: (line: string) => void = () => undefined): void {
  transport = call;
  log = lines;
}

function call(method: string, country: string, service: ServiceName, path: string, bearer: string, body?: unknown): Promise<Answer> {
  return transport(method, country, service, path, bearer, body);
}

async function httpCall(method: string, country: string, service: ServiceName, path: string, bearer: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${serviceUrl(country, service)}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** A write that must succeed; prints one line and returns the answer's body. */
async function must(what: string, method: string, country: string, service: ServiceName, path: string, bearer: string, body?: unknown) {
  const answer = await call(method, country, service, path, bearer, body);
  if (answer.status >= 300) throw new Error(`${what} failed (${answer.status}): ${answer.body.detail ?? JSON.stringify(answer.body)}`);
  log(`  ✓ ${what}`);
  return answer.body;
}

/** Retries until the other node has caught up through Kafka. */
async function until(what: string, attempt: () => Promise<Answer>, ok: (a: Answer) => boolean): Promise<Answer> {
  for (let i = 0; i < 150; i++) {
    const answer = await attempt();
    if (ok(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not reached within 15 s`);
}

function step(text: string): void {
  log(`\n▶ ${text}`);
}

function printTimeline(title: string, answer: Answer): void {
  log(`\n${title}:`);
  if (answer.status !== 200) {
    log(`  (${answer.status}) ${answer.body.detail ?? 'not visible'}`);
    return;
  }
  for (const entry of answer.body.entries ?? []) {
    log(`  ${entry.occurredAt}  ${entry.stage.padEnd(12)} ${entry.eventType.replace('corridor.v1.', '').padEnd(32)} by ${entry.recordedBy.country}/${entry.recordedBy.officerId}`);
  }
  const flags = answer.body.openFlags ?? [];
  log(`  open flags: ${flags.length ? flags.map((f) => `${f.kind}: ${f.reason}`).join(' | ') : 'none'}`);
}

async function main(): Promise<void> {
  for (const country of ['KH', 'TH']) {
    for (const service of ['recruitment', 'contracts', 'journey'] as const) {
      const health = await fetch(`${serviceUrl(country, service)}/health`).catch(() => undefined);
      if (health?.status !== 200) {
        console.error(`${country} ${service} is not answering at ${serviceUrl(country, service)}: start the platform with "npm start" first`);
        process.exit(1);
      }
    }
  }
  await demoFlow();
}

/** What the flow created, for a caller that checks it (the Java-consumer e2e). */
export interface DemoRun {
  journeyId: string;
  /** The person data the agency registered (sealed for TH in the cross-border events). */
  worker: ReturnType<typeof aWorkerRegistration>;
}

/** The demo's steps, through the current transport. */
export async function demoFlow(): Promise<DemoRun> {
  step('Recruitment: TH approves an employer\'s job order, KH verifies it');
  const jobOrder = await must('TH records the job order (demand letter)', 'POST', 'TH', 'recruitment', '/api/v1/job-orders', TH_OFFICER, {
    origin: 'KH', employerName: 'Chonburi Construction Co., Ltd.', employerRegistrationNumber: '0205561009876', workplaceProvince: 'Chonburi',
    occupationIsco: '9313', sectorIsic: '41', workersRequested: 2, wageAmountMinor: 1100000, wageCurrency: 'THB', wagePeriod: 'month',
    hoursPerDay: 8, contractMonths: 24, benefits: ['accommodation', 'social security', 'return ticket'],
  });
  const jobOrderId = jobOrder.jobOrderId as string;
  await must('TH approves it', 'POST', 'TH', 'recruitment', `/api/v1/job-orders/${jobOrderId}/approval`, TH_OFFICER, {});
  await until('job order on KH', () => call('GET', 'KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}`, KH_MINISTRY), (a) => a.body.status === 'approved');
  await must('KH verifies it (it crossed the corridor through Kafka)', 'POST', 'KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}/verification`, KH_MINISTRY, {});

  step('A licensed KH agency registers a worker and matches them to the job order');
  const agency = await must('KH licenses an agency', 'POST', 'KH', 'recruitment', '/api/v1/agencies', KH_MINISTRY, {
    name: 'Angkor Manpower Co., Ltd.', licenceNumber: `MOLVT-${Date.now()}`, licenceValidFrom: '2025-01-01', licenceValidTo: '2099-12-31',
  });
  const staff = token('KH', ['agency-staff'], agency.agencyId as string);
  const registration = aWorkerRegistration({ occupationIsco: '9313' });
  const worker = await must('the agency registers the worker (person data encrypted at rest)', 'POST', 'KH', 'recruitment', '/api/v1/workers', staff, registration);
  const { workerId, journeyId } = worker as { workerId: string; journeyId: string };
  log(`    worker ${workerId}, journey ${journeyId}`);
  const registeredAt = Date.now();
  await until('WorkerRegistered on the KH timeline', () => call('GET', 'KH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, KH_MINISTRY), (a) => a.status === 200);
  log(`    on the KH journey timeline ${Date.now() - registeredAt} ms later (outbox → Kafka → inbox → read model)`);
  await until('job order verified on KH', () => call('GET', 'KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}`, KH_MINISTRY), (a) => a.body.status === 'verified');
  await must('the agency matches the worker: the first cross-border event, person data sealed for TH', 'POST', 'KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}/matches`, staff, { workerId });

  step('Pre-departure orientation and fees');
  const session = await must('the agency holds an orientation session', 'POST', 'KH', 'recruitment', '/api/v1/orientation-sessions', staff, {
    heldOn: today, place: 'Migrant Worker Resource Centre, Battambang', topics: ['rights-and-obligations', 'employment-contract', 'fees-and-debt'],
  });
  await must('the worker attends', 'POST', 'KH', 'recruitment', `/api/v1/orientation-sessions/${session.sessionId}/attendance`, staff, { workerId });
  await must('the session is completed', 'POST', 'KH', 'recruitment', `/api/v1/orientation-sessions/${session.sessionId}/completion`, staff, {});
  const fee = await must('the worker paid 3,500 THB to the agency: above the KH→TH cap of zero (employer pays)', 'POST', 'KH', 'recruitment', `/api/v1/workers/${workerId}/fees`, staff, {
    amountMinor: 350000, currency: 'THB', purpose: 'recruitment-service', payeeAgencyId: agency.agencyId, paidOn: today,
  });
  const breachId = (fee.breach as { breachId: string }).breachId;
  printTimeline('TH sees the blocking fee-breach flag', await until('flag on TH', () => call('GET', 'TH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, TH_OFFICER), (a) => (a.body.openFlags?.length ?? 0) > 0));
  await must('the agency refunds it: the flag is resolved', 'POST', 'KH', 'recruitment', `/api/v1/fee-breaches/${breachId}/refunds`, staff, { amountMinor: 350000, currency: 'THB', refundedOn: today });

  step('Contract: drafted from the job order, signed by worker and employer, verified by both ministries');
  const contract = await until('contract drafted', () => call('POST', 'KH', 'contracts', '/api/v1/contracts', staff, { journeyId }), (a) => a.status === 201);
  const contractId = contract.body.contractId as string;
  log(`  ✓ the agency drafts the contract on the regional standard template (${contractId})`);
  await must('the worker signs at origin', 'POST', 'KH', 'contracts', `/api/v1/contracts/${contractId}/signatures`, staff, { party: 'worker', signedOn: today });
  await until('contract on TH', () => call('GET', 'TH', 'contracts', `/api/v1/contracts/${contractId}`, TH_OFFICER), (a) => a.status === 200 && (a.body.signatures as unknown[]).length === 1);
  await must('the employer signs at destination', 'POST', 'TH', 'contracts', `/api/v1/contracts/${contractId}/signatures`, TH_OFFICER, { party: 'employer', signedOn: today });
  await until('signed on KH', () => call('GET', 'KH', 'contracts', `/api/v1/contracts/${contractId}`, KH_MINISTRY), (a) => a.body.status === 'signed');
  await must('KH ministry verifies', 'POST', 'KH', 'contracts', `/api/v1/contracts/${contractId}/verifications`, KH_MINISTRY, {});
  await until('partly verified on TH', () => call('GET', 'TH', 'contracts', `/api/v1/contracts/${contractId}`, TH_OFFICER), (a) => a.body.status === 'partly-verified');
  await must('TH authority verifies: the contract is verified', 'POST', 'TH', 'contracts', `/api/v1/contracts/${contractId}/verifications`, TH_OFFICER, {});

  const steps = 13; // registration, 7 recruitment steps, 5 contract steps
  const kh = await until('KH timeline', () => call('GET', 'KH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, KH_MINISTRY), (a) => (a.body.entries?.length ?? 0) >= steps);
  const th = await until('TH timeline', () => call('GET', 'TH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, TH_OFFICER), (a) => (a.body.entries?.length ?? 0) >= steps - 1);
  printTimeline('KH timeline (origin: from registration on)', kh);
  printTimeline('TH timeline (destination: from the match on)', th);
  printTimeline('LA officer asking the KH node (third country)', await call('GET', 'KH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, token('LA', ['ministry-officer'])));
  return { journeyId, worker: registration };
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
