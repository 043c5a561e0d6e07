import { mintDevelopmentToken, type Role } from '@corridor/auth';
import { isoDay } from '@corridor/reference-data';
import { loadNodeConfig, serviceUrl, type ServiceName } from '@corridor/config';
import { aWorkerRegistration } from '@corridor/testing';

/**
 * `npm run demo`: walks one worker through every stage (recruitment, contracts, deployment, social
 * protection, return and reintegration) across KH and TH, through the public HTTP APIs of the
 * platform `npm start` runs, and prints both countries' timelines and one statistics table.
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
  body: { detail?: string; status?: string; entries?: TimelineEntryView[]; openFlags?: { kind: string; reason: string }[]; rows?: Record<string, unknown>[] } & Record<string, unknown>;
}

function token(country: string, roles: Role[], agencyId?: string): string {
  return mintDevelopmentToken({ subject: `demo-${country.toLowerCase()}-${agencyId ? 'agency' : roles[0]}`, country, roles, agencyId }, secret);
}

const KH_MINISTRY = token('KH', ['ministry-officer']);
const TH_OFFICER = token('TH', ['destination-officer']);
const KH_CASEWORKER = token('KH', ['caseworker']);
const KH_STATISTICIAN = token('KH', ['statistician']);

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
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), 'content-type': 'application/json' },
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

/** A statistics table as aligned columns (suppressed cells print as "·"). */
function printTable(title: string, answer: Answer): void {
  log(`\n${title}:`);
  const columns = (answer.body.columns as string[] | undefined) ?? [];
  const rows = answer.body.rows ?? [];
  const cell = (v: unknown) => (v === null || v === undefined ? '·' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  log(`  ${columns.map((c, i) => c.padEnd(widths[i])).join('  ')}`);
  for (const row of rows) log(`  ${columns.map((c, i) => cell(row[c]).padEnd(widths[i])).join('  ')}`);
  log(`  (cells under ${answer.body.minCell as number} persons withheld: ·)`);
}

function printTimeline(title: string, answer: Answer): void {
  log(`\n${title}:`);
  if (answer.status !== 200) {
    log(`  (${answer.status}) ${answer.body.detail ?? 'not visible'}`);
    return;
  }
  for (const entry of answer.body.entries ?? []) {
    log(`  ${entry.occurredAt}  ${entry.stage.padEnd(17)} ${entry.eventType.replace('corridor.v1.', '').padEnd(32)} by ${entry.recordedBy.country}/${entry.recordedBy.officerId}`);
  }
  const flags = answer.body.openFlags ?? [];
  log(`  open flags: ${flags.length ? flags.map((f) => `${f.kind}: ${f.reason}`).join(' | ') : 'none'}`);
}

async function main(): Promise<void> {
  for (const country of ['KH', 'TH']) {
    for (const service of ['recruitment', 'contracts', 'deployment', 'journey', 'social-protection', 'reintegration'] as const) {
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

  step('Deployment: insurance, exit clearance as a signed document, departure, border crossing, arrival, work permit');
  const deploymentPath = `/api/v1/deployments/${journeyId}`;
  await until('KH deployment knows the verified contract', () => call('POST', 'KH', 'deployment', `${deploymentPath}/insurance`, KH_MINISTRY, {
    insurer: 'Forte Insurance Cambodia', policyNumber: `MW-${registration.documentNumber}`, coveredFrom: today, coveredTo: '2030-12-31',
  }), (a) => a.status === 201);
  log('  ✓ KH records the pre-departure insurance the corridor requires');
  const identity = {
    fullName: registration.fullName, fullNameLatin: registration.fullNameLatin, birthDate: registration.birthDate, documentType: registration.documentType,
    documentNumber: registration.documentNumber, documentExpiry: registration.documentExpiry, nationality: registration.nationality,
  };
  // TH's verification reaches KH deployment through Kafka: until then the answer lists contract-verified as unmet.
  const granted = await until('exit clearance', () => call('POST', 'KH', 'deployment', `${deploymentPath}/clearance`, KH_MINISTRY, { identity }), (a) => a.status === 201);
  log('  ✓ KH grants exit clearance: every condition holds');
  const clearance = granted.body;
  const cleared = clearance.deployment as { clearanceNumber: string; validUntil: string };
  log(`    clearance ${cleared.clearanceNumber}, valid until ${cleared.validUntil}; QR code ${String(clearance.qrCode).length} characters (an SVG data URL)`);
  const check = await call('GET', 'KH', 'deployment', `/api/v1/public/clearances/verify?document=${encodeURIComponent(clearance.document as string)}`, '');
  log(`    a border officer checks it with no login: ${check.body.status as string} (genuine: ${String(check.body.genuine)})`);
  await must('the worker departs by road towards Poipet', 'POST', 'KH', 'deployment', `${deploymentPath}/departure`, KH_MINISTRY, { departedOn: today, means: 'road', plannedCheckpoint: 'KH-TH-POIPET' });
  await must('KH immigration records the crossing at Poipet–Aranyaprathet', 'POST', 'KH', 'deployment', `${deploymentPath}/crossing`, KH_MINISTRY, { checkpoint: 'KH-TH-POIPET', crossedOn: today, direction: 'outbound' });
  await until('crossing on TH', () => call('GET', 'TH', 'deployment', deploymentPath, TH_OFFICER), (a) => a.body.status === 'crossed');
  await must('TH confirms the arrival at the employer', 'POST', 'TH', 'deployment', `${deploymentPath}/arrival`, TH_OFFICER, { arrivedOn: today, employerName: 'Chonburi Construction Co., Ltd.' });
  const permit = await must('TH issues the work permit', 'POST', 'TH', 'deployment', `${deploymentPath}/permit`, TH_OFFICER, { permitNumber: `WP-TH-${Date.now()}`, permitType: 'work-permit-and-visa', issuedOn: today });
  log(`    permit until ${(permit.permit as { expiresOn: string }).expiresOn}`);
  const working = await until('working on KH', () => call('GET', 'KH', 'deployment', deploymentPath, KH_MINISTRY), (a) => a.body.status === 'working');
  log(`    KH sees the deployment ${working.body.status as string}`);

  step('Social protection abroad: health insurance, a grievance from KH handled in TH\'s queue, a remittance');
  const corridor = { journeyId, origin: 'KH', destination: 'TH' };
  await must('TH enrols the worker in the migrant health insurance (member number sealed for KH)', 'POST', 'TH', 'social-protection', '/api/v1/enrolments', TH_OFFICER, {
    ...corridor, schemeCode: 'TH-MOPH-MIGRANT', memberNumber: 'MIG-6612-000123', coverageFrom: today,
  });
  const grievance = await must('KH files a grievance: wages unpaid (description sealed for TH)', 'POST', 'KH', 'social-protection', '/api/v1/grievances', KH_MINISTRY, {
    ...corridor, category: 'unpaid-wages', description: 'October wages unpaid by Chonburi Construction', filedOn: today,
  });
  const grievanceId = grievance.grievanceId as string;
  log(`    due by ${grievance.deadlineOn as string} (the category's deadline, infra/config/social-protection.json)`);
  await until('grievance in the TH queue', () => call('GET', 'TH', 'social-protection', `/api/v1/grievances/${grievanceId}`, TH_OFFICER), (a) => a.status === 200);
  await must('TH assigns it to a caseworker', 'POST', 'TH', 'social-protection', `/api/v1/grievances/${grievanceId}/assignment`, TH_OFFICER, { assignee: 'caseworker-th-7' });
  await must('TH investigates', 'POST', 'TH', 'social-protection', `/api/v1/grievances/${grievanceId}/status-changes`, TH_OFFICER, { status: 'under-investigation', changedOn: today });
  await must('TH resolves it: 11,000.00 THB recovered', 'POST', 'TH', 'social-protection', `/api/v1/grievances/${grievanceId}/resolution`, TH_OFFICER, {
    outcome: 'upheld-paid', amountRecoveredMinor: 1100000, currency: 'THB', resolvedOn: today,
  });
  const atKh = await until('resolution on KH', () => call('GET', 'KH', 'social-protection', `/api/v1/grievances/${grievanceId}`, KH_MINISTRY), (a) => a.body.status === 'resolved');
  log(`    KH sees it ${atKh.body.status as string}, ${((atKh.body.history as unknown[]) ?? []).length} steps`);
  const remittance = await must('KH records a remittance of 8,000.00 THB sent by agent for 160.00 THB', 'POST', 'KH', 'social-protection', '/api/v1/remittances', KH_MINISTRY, {
    ...corridor, sentOn: today, amountMinor: 800000, currency: 'THB', feeMinor: 16000, channel: 'agent',
  });
  log(`    cost of remitting ${remittance.costPercent as number} % (SDG 10.c.1 target: below 3 %)`);

  step('Return and reintegration: the worker comes home early; a KH caseworker takes the case');
  await must('TH reports the early return home through Poipet', 'POST', 'TH', 'reintegration', '/api/v1/returns', TH_OFFICER, {
    journeyId, status: 'happened', type: 'early', returnDate: today, checkpoint: 'Poipet', reason: 'grievance: unpaid wages',
  });
  const opened = await until('the case opened at KH', () => call('GET', 'KH', 'reintegration', `/api/v1/reintegration-cases?journeyId=${journeyId}`, KH_CASEWORKER), (a) => a.body.total === 1);
  const caseId = (opened.body.items as { caseId: string }[])[0].caseId;
  const casePath = `/api/v1/reintegration-cases/${caseId}`;
  const assessed = await must('the caseworker assesses economic, social and psychosocial needs', 'POST', 'KH', 'reintegration', `${casePath}/assessments`, KH_CASEWORKER, {
    heldOn: today,
    answers: { 'econ.income-sufficiency': 'poor', 'econ.employment': 'none', 'econ.debt-burden': 'heavy', 'social.housing': 'fair', 'social.services-access': 'fair', 'social.network': 'yes', 'psy.distress': 'sometimes', 'psy.belonging': 'fair', 'psy.discrimination': 'never' },
  });
  log(`    sustainability score at assessment: ${(assessed.scores as { composite: number }[])[0].composite}`);
  await must('a plan: certified as a welder within 90 days', 'POST', 'KH', 'reintegration', `${casePath}/plans`, KH_CASEWORKER, { goals: [{ dimension: 'economic', description: 'certified as a welder', targetDate: isoDay(new Date(Date.now() + 90 * 86_400_000)) }] });
  const provider = await must('a training provider in the registry', 'POST', 'KH', 'reintegration', '/api/v1/service-providers', KH_CASEWORKER, { name: 'Provincial Training Centre Battambang', serviceType: 'skills-training', province: 'Battambang' });
  await must('a referral to it', 'POST', 'KH', 'reintegration', `${casePath}/referrals`, KH_CASEWORKER, { providerId: provider.providerId, need: 'welding course with certificate', sentOn: today });

  const kh = await until('KH timeline', () => call('GET', 'KH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, KH_MINISTRY), (a) => (a.body.entries ?? []).some((e) => e.eventType.endsWith('.ReferralSent')));
  const th = await until('TH timeline', () => call('GET', 'TH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, TH_OFFICER), (a) => (a.body.entries ?? []).some((e) => e.eventType.endsWith('.ReturnRecorded')));
  printTimeline('KH timeline (origin: from registration on)', kh);
  printTimeline('TH timeline (destination: from the match on)', th);
  printTimeline('LA officer asking the KH node (third country)', await call('GET', 'KH', 'journey', `/api/v1/journeys/${journeyId}/timeline`, token('LA', ['ministry-officer'])));
  const year = today.slice(0, 4);
  printTable(`KH statistics, ${year}: outflows by destination, occupation and sector, by sex (every demo run adds one)`, await call('GET', 'KH', 'journey', `/api/v1/statistics/outflows?from=${year}-01-01&to=${today}`, KH_STATISTICIAN));
  return { journeyId, worker: registration };
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
