import { randomInt } from 'node:crypto';
import { mintDevelopmentToken, type Role } from '@corridor/auth';
import { loadNodeConfig } from '@corridor/config';
import { serviceUrl } from '../platform/platform-layout';

/**
 * `npm run demo`: walks one worker through every stage that exists so far, across KH and TH,
 * through the public HTTP APIs of the platform `npm start` runs, then prints both timelines.
 */
const secret = loadNodeConfig({ ...process.env, COUNTRY: 'KH' }).jwtSecret;

interface Answer {
  status: number;
  // The demo prints what the API answered; the shapes are documented in /api/docs.
  body: { detail?: string; journeyId?: string; workerId?: string; entries?: TimelineEntryView[] } | undefined;
}

interface TimelineEntryView {
  occurredAt: string;
  stage: string;
  eventType: string;
  recordedBy: { country: string; officerId: string };
}

function token(country: string, roles: Role[], agencyId?: string): string {
  return mintDevelopmentToken({ subject: `demo-${country.toLowerCase()}-${roles[0]}`, country, roles, agencyId }, secret);
}

async function call(method: string, url: string, bearer: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

async function timeline(country: string, journeyId: string, roles: Role[]): Promise<Answer> {
  return call('GET', `${serviceUrl(country, 'journey')}/api/v1/journeys/${journeyId}/timeline`, token(country, roles));
}

function printTimeline(country: string, result: Answer): void {
  console.log(`\n${country} timeline:`);
  if (result.status !== 200) {
    console.log(`  (${result.status}) ${result.body?.detail ?? 'not visible'}`);
    return;
  }
  for (const entry of result.body?.entries ?? []) {
    console.log(`  ${entry.occurredAt}  ${entry.stage.padEnd(12)} ${entry.eventType.replace('corridor.v1.', '').padEnd(22)} by ${entry.recordedBy.country}/${entry.recordedBy.officerId}`);
  }
}

async function main(): Promise<void> {
  for (const [country, service] of [['KH', 'recruitment'], ['KH', 'journey'], ['TH', 'journey']] as const) {
    const health = await fetch(`${serviceUrl(country, service)}/health`).catch(() => undefined);
    if (health?.status !== 200) {
      console.error(`${country} ${service} is not answering at ${serviceUrl(country, service)}: start the platform with "npm start" first`);
      process.exit(1);
    }
  }

  step('KH ministry officer registers a worker (recruitment, origin)');
  const worker = {
    fullName: 'សុខ ដារ៉ា',
    fullNameLatin: 'Sok Dara',
    sex: 'female',
    birthDate: '1998-04-17',
    nationality: 'KH',
    documentType: 'passport',
    documentNumber: `N${randomInt(1e8, 1e9)}`,
    documentExpiry: '2031-01-31',
    intendedDestination: 'TH',
    occupationIsco: '9333',
    consentToProcess: true,
    consentToShare: true, consentGivenHow: 'signed-form',
  };
  const registered = await call('POST', `${serviceUrl('KH', 'recruitment')}/api/v1/workers`, token('KH', ['ministry-officer']), worker);
  if (registered.status !== 201) throw new Error(`registration failed (${registered.status}): ${JSON.stringify(registered.body)}`);
  const { journeyId, workerId } = registered.body as { journeyId: string; workerId: string };
  console.log(`  worker ${workerId}, journey ${journeyId}`);

  step('Waiting for WorkerRegistered on the KH journey timeline');
  const started = Date.now();
  let kh = await timeline('KH', journeyId, ['ministry-officer']);
  while (kh.status !== 200 && Date.now() - started < 15_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    kh = await timeline('KH', journeyId, ['ministry-officer']);
  }
  console.log(`  arrived after ${Date.now() - started} ms`);

  // Registration stays in the origin country: TH sees the journey only from its first cross-border event.
  printTimeline('TH (before nomination)', await timeline('TH', journeyId, ['destination-officer']));

  step('KH puts the worker on the TH name list: the first cross-border event, person data sealed for TH');
  const nominated = await call('POST', `${serviceUrl('KH', 'recruitment')}/api/v1/workers/${workerId}/nominations`, token('KH', ['ministry-officer']), { destination: 'TH' });
  if (nominated.status !== 201) throw new Error(`nomination failed (${nominated.status}): ${JSON.stringify(nominated.body)}`);
  let th = await timeline('TH', journeyId, ['destination-officer']);
  for (let i = 0; th.status !== 200 && i < 150; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    th = await timeline('TH', journeyId, ['destination-officer']);
  }

  step('KH tries to nominate to LA: no open corridor KH→LA, nothing crosses');
  const closed = await call('POST', `${serviceUrl('KH', 'recruitment')}/api/v1/workers/${workerId}/nominations`, token('KH', ['ministry-officer']), { destination: 'LA' });
  console.log(`  ${closed.status}: ${closed.body?.detail}`);

  for (let i = 0; i < 50; i++) {
    kh = await timeline('KH', journeyId, ['ministry-officer']);
    if ((kh.body?.entries?.length ?? 0) >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  printTimeline('KH', kh);
  printTimeline('TH', th);
  printTimeline('LA officer asking the KH node (third country)', await call('GET', `${serviceUrl('KH', 'journey')}/api/v1/journeys/${journeyId}/timeline`, token('LA', ['ministry-officer'])));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
