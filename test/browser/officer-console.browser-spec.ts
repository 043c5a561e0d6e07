import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aJobOrder, bearer, eventually } from '@corridor/testing';
import { startCountryNodes, registerWorker, timelineOf, type CountryNode } from '../support/country-nodes';
import { departedDeployments } from '../support/platform-scenario';
import { demoJourney } from '../support/demo-journey';
import { ARTEFACTS, exposeStageServices, launchChromium, missingMessages, screenshot, seriousAxeViolations, signIn, startConsole } from '../support/browser';

/**
 * The officer console in Debian's Chromium against the real KH and TH nodes (services, Kafka,
 * Postgres): one browser and one platform for the whole file, a fresh context per officer.
 */
jest.setTimeout(240_000);

let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const consoles: Record<string, { app: INestApplication; url: string }> = {};
let browser: Browser;
const contexts: BrowserContext[] = [];
const axeFindings: Record<string, string[]> = {};

/** Service workers only where a test is about working offline: their precaching slows every first load. */
async function newContext(serviceWorkers: 'allow' | 'block' = 'block'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  contexts.push(context);
  return context;
}

async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allInnerTexts();
}

async function checkAxe(page: Page, screen: string): Promise<void> {
  axeFindings[screen] = await seriousAxeViolations(page);
}

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH,LA>TH', { withContracts: true });
  await exposeStageServices(platform.nodes);
  consoles.KH = await startConsole('KH');
  consoles.TH = await startConsole('TH');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const c of Object.values(consoles)) await c.app.close();
  await platform?.stop();
});

describe('signing in: each role sees the screens the access model grants it on this node', () => {
  it.each([
    ['KH', 'KH', 'ministry-officer', ['Workers', 'Agencies and licences', 'Job orders', 'Fee breaches', 'Contracts', 'Journey timeline', 'Waiting to send']],
    ['TH', 'TH', 'destination-officer', ['Job orders', 'Contracts', 'Arrivals to confirm', 'Grievances', 'Journey timeline', 'Waiting to send']],
    ['KH', 'KH', 'caseworker', ['Grievances', 'Work queue', 'Cases', 'Journey timeline', 'Waiting to send']],
    ['KH', 'KH', 'statistician', ['Statistics']],
    ['TH', 'LA', 'ministry-officer', ['Journey timeline', 'Waiting to send']],
  ])('on the %s console, a %s %s', async (node, country, role, screens) => {
    const page = await signIn(await newContext(), consoles[node].url, { country, role });
    expect(await navLinks(page)).toEqual(screens);
    await page.close();
  });
});

describe('an origin officer registers a worker with a Khmer name and finds them by the Latin name', () => {
  it('registers through the form, then the Latin search shows the Khmer name; a second person of that name and birth date is shown side by side', async () => {
    const page = await signIn(await newContext(), consoles.KH.url, { country: 'KH', role: 'ministry-officer' });
    await checkAxe(page, 'sign-in → workers');
    // A name no other run has (Latin letters only: the registration refuses digits in it).
    const latin = `Sok Dara ${[...Date.now().toString(36)].map((c) => String.fromCharCode(97 + (parseInt(c, 36) % 26))).join('')}`;
    const fill = async (documentNumber: string) => {
      await page.getByLabel('Full name (own script)').fill('សុខ ដារ៉ា');
      await page.getByLabel('Full name (Latin)').fill(latin);
      await page.getByLabel('Date of birth').fill('1998-04-17');
      await page.getByLabel('Document number').fill(documentNumber);
      await page.getByLabel('Document valid until').fill('2031-01-31');
      await page.getByLabel('Consents to the processing of their data').check();
      await page.getByLabel('Consents to sharing with the destination country').check();
    };
    const doc = `N${Date.now().toString().slice(-9)}`;
    await fill(doc);
    // A refused registration keeps everything typed: the document number is too short here.
    await page.getByLabel('Document number').fill('1');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Full name (own script)').inputValue()).toBe('សុខ ដារ៉ា');
    await page.getByLabel('Document number').fill(doc);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByText(`${latin} is registered.`).waitFor();

    await fill(`${doc}B`);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const comparison = page.getByRole('table', { name: /Likely the same person/ });
    await comparison.waitFor();
    expect(await comparison.getByRole('row').filter({ hasText: 'Full name (own script)' }).getByRole('cell').allInnerTexts()).toEqual(['សុខ ដារ៉ា', 'សុខ ដារ៉ា']);
    await checkAxe(page, 'workers: duplicate side by side');

    await page.getByLabel('Name, in either script').fill(latin);
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('table', { name: 'Workers found' });
    await results.waitFor();
    expect(await results.getByRole('row').count()).toBe(3); // header + the two registrations
    expect(await results.getByRole('cell', { name: 'សុខ ដារ៉ា' }).count()).toBe(2);
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('a TH destination officer approves a job order in the console', () => {
  it('the submitted job order is approved from the list, once, and KH sees it approved', async () => {
    const th = platform.nodes.TH;
    const created = await request(th.recruitment.getHttpServer()).post('/api/v1/job-orders').set('Authorization', bearer('TH', ['destination-officer'])).send(aJobOrder({ employerName: 'Console Approval Foods Co., Ltd.' }));
    expect(created.status).toBe(201);
    const page = await signIn(await newContext(), consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    await page.getByRole('link', { name: 'Job orders' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Console Approval Foods' });
    await row.waitFor();
    await checkAxe(page, 'job orders (TH)');
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.waitFor({ state: 'detached' }); // the "submitted" list no longer holds it
    const onKh = await eventually(
      async () => {
        const answer = await request(platform.nodes.KH.recruitment.getHttpServer()).get(`/api/v1/job-orders/${created.body.jobOrderId}`).set('Authorization', bearer('KH', ['ministry-officer']));
        return answer.body.status === 'approved' ? answer.body : undefined;
      },
      30_000,
      'the approval on KH',
    );
    expect(onKh.status).toBe('approved');
    await page.getByLabel('Status').selectOption('approved');
    await page.getByRole('row').filter({ hasText: 'Console Approval Foods' }).waitFor();
    await page.getByRole('link', { name: 'Contracts' }).click();
    await page.getByRole('heading', { name: 'Contracts' }).waitFor();
    await checkAxe(page, 'contracts (TH)');
  });
});

describe('a TH destination officer confirms arrivals: one by one with the network cut, and by name list', () => {
  let departed: Awaited<ReturnType<typeof departedDeployments>>;
  const thOfficer = bearer('TH', ['destination-officer']);
  const deploymentOnTh = async (journeyId: string) => (await request(platform.nodes.TH.stages.deployment.getHttpServer()).get(`/api/v1/deployments/${journeyId}`).set('Authorization', thOfficer)).body as { status: string; arrivedOn: string | null };
  /** The journey's ArrivalConfirmed entries on a node's timeline, once there is at least one. */
  const arrivalsOn = (node: CountryNode, journeyId: string) =>
    eventually(async () => {
      const r = await request(node.journey.getHttpServer()).get(`/api/v1/journeys/${journeyId}/timeline`).set('Authorization', node.country === 'TH' ? thOfficer : bearer('KH', ['ministry-officer']));
      const arrivals = ((r.body.entries ?? []) as { eventType: string; occurredAt: string }[]).filter((e) => e.eventType === 'corridor.v1.ArrivalConfirmed');
      return arrivals.length ? arrivals : undefined;
    }, 30_000, `the arrival of ${journeyId} on the ${node.country} timeline`);

  beforeAll(async () => {
    // Four for the officer at the checkpoint (three confirmed, one whose state moves on meanwhile), two for the name list.
    // They cross at Cham Yeam, where no other suite sends anyone: the officer there lists only these.
    departed = await departedDeployments(platform.nodes, 6, { means: 'road', plannedCheckpoint: 'KH-TH-CHAMYEAM' });
  }, 480_000);

  it('three arrivals confirmed offline wait in the browser, go in order when the connection returns, each confirmed exactly once; a fourth, confirmed meanwhile elsewhere, shows the refusal on its row', async () => {
    const [first, second, third, movedOn] = departed;
    const context = await newContext();
    const page = await signIn(context, consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    await page.getByRole('link', { name: 'Arrivals to confirm' }).click();
    await page.getByLabel('Checkpoint').selectOption({ label: 'Cham Yeam–Hat Lek' });
    const list = page.getByRole('table', { name: 'Arrivals to confirm' });
    const rowOf = (d: { clearanceNumber: string }) => list.getByRole('row').filter({ hasText: d.clearanceNumber });
    for (const d of [first, second, third, movedOn]) await rowOf(d).waitFor();
    await checkAxe(page, 'arrivals (TH)');

    await context.setOffline(true);
    for (const d of [first, second, third, movedOn]) {
      await rowOf(d).getByRole('button', { name: 'Confirm arrival' }).click();
      await rowOf(d).getByText('Waiting to send').waitFor();
    }
    const queue = page.getByRole('table', { name: '4 records made here' });
    expect(await queue.locator('tbody tr[data-status="waiting"]').count()).toBe(4);
    expect(await queue.locator('tbody tr').allInnerTexts()).toEqual([first, second, third, movedOn].map((d) => expect.stringContaining(`Arrival: ${d.clearanceNumber}`)));
    await checkAxe(page, 'arrivals: waiting to send (TH)');
    // Nothing reached the service while the network was cut.
    for (const d of [first, second, third, movedOn]) expect((await deploymentOnTh(d.journeyId)).status).toBe('departed');
    // Meanwhile another officer confirms the fourth: the state the browser's record was made in has moved on.
    expect((await request(platform.nodes.TH.stages.deployment.getHttpServer()).post(`/api/v1/deployments/${movedOn.journeyId}/arrival`).set('Authorization', thOfficer).send({ arrivedOn: new Date().toISOString().slice(0, 10), employerName: 'Siam Frozen Foods Co., Ltd.' })).status).toBe(201);

    await context.setOffline(false);
    await page.locator('table.queue tbody tr[data-status="waiting"]').first().waitFor({ state: 'detached', timeout: 60_000 });
    const refused = page.locator('table.queue tbody tr[data-status="refused"]');
    expect(await refused.count()).toBe(1);
    expect(await refused.innerText()).toContain(movedOn.clearanceNumber);
    expect(await refused.innerText()).toMatch(/Refused: .*is arrived; "confirm-arrival" is not allowed/);
    // The confirmed ones have left the list of departed workers.
    for (const d of [first, second, third]) await rowOf(d).waitFor({ state: 'detached' });
    await checkAxe(page, 'arrivals: a refusal on its row (TH)');

    for (const d of [first, second, third]) expect(await deploymentOnTh(d.journeyId)).toMatchObject({ status: 'arrived', arrivedOn: expect.any(String) });
    const onTh = await Promise.all([first, second, third].map((d) => arrivalsOn(platform.nodes.TH, d.journeyId)));
    const onKh = await Promise.all([first, second, third].map((d) => arrivalsOn(platform.nodes.KH, d.journeyId)));
    expect(onTh.map((a) => a.length)).toEqual([1, 1, 1]);
    expect(onKh.map((a) => a.length)).toEqual([1, 1, 1]);
    // Sent in the order they were made.
    const times = onTh.map((a) => a[0].occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(await missingMessages(page)).toEqual([]);
  });

  it('a name list uploaded as CSV with one bad row: each row answered, the bad one with its reason, the good ones confirmed', async () => {
    const [, , , , one, two] = departed;
    const page = await signIn(await newContext(), consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    await page.getByRole('link', { name: 'Arrivals to confirm' }).click();
    const today = new Date().toISOString().slice(0, 10);
    const nobody = `ZZ${Date.now().toString().slice(-8)}`;
    const csv = ['documentNumber,arrivedOn,employerName', `${one.documentNumber},${today},"Siam Frozen Foods Co., Ltd."`, `${nobody},${today},"Siam Frozen Foods Co., Ltd."`, `${two.documentNumber},${today},"Siam Frozen Foods Co., Ltd."`].join('\n');
    await page.getByLabel('Or upload a CSV file').setInputFiles({ name: 'bus-118.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(`document.querySelector('textarea').value.includes('${nobody}')`);
    await page.getByLabel('Reference of the list').fill('TH-DOE-NL-2026-118');
    await page.getByRole('button', { name: 'Confirm the list' }).click();
    const results = page.getByRole('table', { name: 'Each row of the list' });
    await results.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'confirmed' }).innerText()).toBe('2 arrivals confirmed, 1 row refused');
    const rows = await results.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-outcome'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    expect(rows).toEqual([
      ['accepted', '2', one.documentNumber, 'Confirmed', ''],
      ['refused', '3', nobody, 'Refused', expect.stringContaining(`with document ${nobody}`)],
      ['accepted', '4', two.documentNumber, 'Confirmed', ''],
    ]);
    await checkAxe(page, 'arrivals: name list result (TH)');
    for (const d of [one, two]) expect(await deploymentOnTh(d.journeyId)).toMatchObject({ status: 'arrived', arrivedOn: today });

    // The screen in every language, no missing message, each date as CLDR writes it in the officer's
    // language (Node's full ICU here; Debian's Chromium has no Khmer, Lao or Myanmar data); screenshots in Khmer, Thai and Lao.
    await page.getByLabel('Status').selectOption('arrived');
    await page.getByLabel('Checkpoint').selectOption({ label: 'Cham Yeam–Hat Lek' });
    const departedCell = page.locator('main table').first().getByRole('row').filter({ hasText: one.clearanceNumber }).getByRole('cell').nth(3);
    const names: Record<string, [string, string]> = { km: ['ខ្មែរ', 'km-KH'], th: ['ไทย', 'th-TH-u-ca-buddhist'], lo: ['ລາວ', 'lo-LA'], my: ['မြန်မာ', 'my-MM'], vi: ['Tiếng Việt', 'vi-VN'], en: ['English', 'en-GB'] };
    for (const [locale, [name, intlLocale]] of Object.entries(names)) {
      await page.locator('header select').selectOption({ label: name });
      await page.waitForFunction(`document.documentElement.lang === '${locale}'`);
      await page.locator('table.results tbody tr').first().waitFor();
      const cldr = new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
      const shown = await eventually(async () => {
        const text = await departedCell.innerText();
        return text === cldr ? text : undefined;
      }, 5_000, `the ${locale} date ${cldr}`).catch(() => departedCell.innerText());
      expect(`${locale}: ${shown}`).toBe(`${locale}: ${cldr}`);
      if (['km', 'th', 'lo'].includes(locale)) {
        await screenshot(page, `${locale}-arrivals`);
        await checkAxe(page, `arrivals (${locale})`);
      }
    }
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe("the TH agency's grievances queue and the KH caseworker's work queue", () => {
  it('a grievance filed at TH is in the open queue with its category and deadline', async () => {
    const journeyId = (await registerWorker(platform.nodes.KH)).journeyId;
    const today = new Date().toISOString().slice(0, 10);
    const filed = await request(platform.nodes.TH.stages['social-protection'].getHttpServer())
      .post('/api/v1/grievances')
      .set('Authorization', bearer('TH', ['destination-officer']))
      .send({ journeyId, origin: 'KH', destination: 'TH', category: 'confiscated-documents', description: 'The employer keeps the passport', filedOn: today });
    expect(filed.status).toBe(201);
    const page = await signIn(await newContext(), consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    await page.getByRole('link', { name: 'Grievances' }).click();
    const row = page.getByRole('table', { name: 'Grievances' }).getByRole('row').filter({ has: page.locator(`a[href="/timeline/${journeyId}"]`) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 3)).toEqual(['Documents confiscated', 'TH']);
    expect(cells[4]).toBe('Open');
    await checkAxe(page, 'grievances (TH)');
    expect(await missingMessages(page)).toEqual([]);
  });

  it('a KH caseworker finds the new returnee\'s case in the queue, most overdue first, and opens the journey from it', async () => {
    const kh = platform.nodes.KH;
    const journeyId = (await registerWorker(kh)).journeyId;
    const caseworker = bearer('KH', ['caseworker']);
    await eventually(async () => {
      const r = await request(kh.stages.reintegration.getHttpServer()).post('/api/v1/returns').set('Authorization', caseworker).send({ journeyId, status: 'happened', type: 'end-of-contract', returnDate: new Date().toISOString().slice(0, 10), checkpoint: 'Poipet' });
      return r.status === 201 ? true : undefined;
    }, 30_000, `the return of ${journeyId}`);
    await eventually(async () => {
      const r = await request(kh.stages.reintegration.getHttpServer()).get(`/api/v1/reintegration-cases?journeyId=${journeyId}`).set('Authorization', caseworker);
      return r.body.total === 1 ? true : undefined;
    }, 30_000, `the case of ${journeyId}`);
    const page = await signIn(await newContext(), consoles.KH.url, { country: 'KH', role: 'caseworker' });
    await page.getByRole('link', { name: 'Work queue' }).click();
    const queue = page.getByRole('table', { name: 'Work queue' });
    const item = () => queue.getByRole('row').filter({ has: page.locator(`a[href="/timeline/${journeyId}"]`) });
    // Opened today: not due with the usual 14 days, due today with none.
    await page.locator('main nav.pager').waitFor();
    expect(await item().count()).toBe(0);
    await page.getByLabel('A new case needs its assessment within (days)').fill('0');
    await item().waitFor();
    expect((await item().getByRole('cell').allInnerTexts()).slice(0, 1)).toEqual(['Needs assessment overdue']);
    expect(await item().getByRole('cell').nth(2).innerText()).toBe('due today');
    // Most overdue first: the days column never grows down the page.
    const overdue = await queue.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2].textContent ?? ''));
    const days = overdue.map((text) => (/^(\d+)/.exec(text) ? Number(/^(\d+)/.exec(text)![1]) : 0));
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    await checkAxe(page, 'work queue (KH)');
    await item().getByRole('link', { name: 'Open the journey' }).click();
    await page.locator('ol.timeline > li').first().waitFor();
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('the journey timeline, seen from both countries; a third country sees nothing', () => {
  let journeyId: string;

  beforeAll(async () => {
    const kh = platform.nodes.KH;
    const worker = await registerWorker(kh);
    const nominated = await request(kh.recruitment.getHttpServer()).post(`/api/v1/workers/${worker.workerId}/nominations`).set('Authorization', bearer('KH', ['ministry-officer'])).send({ destination: 'TH' });
    if (nominated.status !== 201) throw new Error(`nomination answered ${nominated.status}: ${nominated.text}`);
    journeyId = worker.journeyId;
    await timelineOf(platform.nodes.TH, journeyId, 1, ['destination-officer']);
    await timelineOf(kh, journeyId, 2);
  });

  it.each([
    ['KH', 'KH', 'ministry-officer'],
    ['TH', 'TH', 'destination-officer'],
  ])('on the %s console, a %s %s sees the KH events of the journey', async (node, country, role) => {
    const page = await signIn(await newContext(), consoles[node].url, { country, role });
    await page.goto(`${consoles[node].url}/timeline/${journeyId}`);
    const entries = page.locator('ol.timeline > li');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('ol.timeline > li[data-country="KH"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByText('From KH to TH').count()).toBe(1);
    await checkAxe(page, `timeline (${node})`);
  });

  it('an LA officer on the TH console is told the journey is not found, and sees no event', async () => {
    const page = await signIn(await newContext(), consoles.TH.url, { country: 'LA', role: 'ministry-officer' });
    await page.goto(`${consoles.TH.url}/timeline/${journeyId}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/Refused \(404\)/);
    expect(await page.locator('ol.timeline > li').count()).toBe(0);
  });
});

describe('at a checkpoint with no connection', () => {
  it('the installed app opens offline with the shell and the list the officer last saw', async () => {
    const thOfficer = bearer('TH', ['destination-officer']);
    const created = await request(platform.nodes.TH.recruitment.getHttpServer()).post('/api/v1/job-orders').set('Authorization', thOfficer).send(aJobOrder({ employerName: 'Checkpoint Offline Foods Co., Ltd.' }));
    expect((await request(platform.nodes.TH.recruitment.getHttpServer()).post(`/api/v1/job-orders/${created.body.jobOrderId}/approval`).set('Authorization', thOfficer).send({})).status).toBe(201);
    const context = await newContext('allow');
    const page = await signIn(context, consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    // The service worker installs (precaching the shell) and takes control on the next load.
    await page.waitForFunction('navigator.serviceWorker.ready.then(() => true)', undefined, { timeout: 60_000 });
    await page.reload();
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 60_000 });
    await page.locator('nav a[href="/job-orders"]').click();
    await page.getByLabel('Status').selectOption('approved');
    await page.getByRole('row').filter({ hasText: 'Checkpoint Offline Foods' }).waitFor();
    const online = await page.locator('main table tbody tr').count();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: /sign out/i }).waitFor(); // the shell and the session, from the cache
    await page.getByLabel('Status').selectOption('approved');
    await page.getByRole('row').filter({ hasText: 'Checkpoint Offline Foods' }).waitFor();
    expect(await page.locator('main table tbody tr').count()).toBe(online);
    await context.setOffline(false);
  });
});

describe('every language, every screen: no missing message, no serious accessibility violation', () => {
  const screens = ['/workers', '/agencies', '/job-orders', '/fee-breaches', '/contracts', '/timeline', '/waiting'];

  it('renders each screen in English, Khmer, Thai, Lao, Myanmar and Vietnamese; Thai dates in the Buddhist era; screenshots in Khmer, Thai and Lao', async () => {
    const page = await signIn(await newContext(), consoles.KH.url, { country: 'KH', role: 'ministry-officer' });
    const names: Record<string, string> = { en: 'English', km: 'ខ្មែរ', th: 'ไทย', lo: 'ລາວ', my: 'မြန်မာ', vi: 'Tiếng Việt' };
    const seen: Record<string, string> = {};
    for (const [locale, name] of Object.entries(names)) {
      await page.locator('header select').selectOption({ label: name });
      await page.waitForFunction(`document.documentElement.lang === '${locale}'`);
      for (const screen of screens) {
        // In-app navigation, as an officer moves between screens (no reload).
        await page.locator(`nav a[href="${screen}"]`).click();
        await page.waitForFunction(`location.pathname === '${screen}'`);
        const heading = page.locator('main h2').first();
        await heading.waitFor();
        if (screen === '/agencies' || screen === '/job-orders') await page.locator('main nav.pager').waitFor();
        seen[`${locale} ${screen}`] = await heading.innerText();
        const main = ['/workers', '/job-orders', '/contracts', '/timeline'].includes(screen);
        if (['km', 'th', 'lo'].includes(locale) && main) await screenshot(page, `${locale}-${screen.slice(1)}`);
        if (locale === 'en' || (['km', 'lo', 'my'].includes(locale) && screen === '/job-orders')) await checkAxe(page, `${screen} (${locale})`);
      }
    }
    // The language is remembered for this officer: a new page of the same session opens in it.
    const again = await page.context().newPage();
    await again.goto(`${consoles.KH.url}/workers`);
    await again.waitForFunction(`document.documentElement.lang === 'vi'`);
    await again.close();
    expect(await missingMessages(page)).toEqual([]);
    expect(seen['km /workers']).toBe('ស្វែងរកកម្មករ');
    expect(seen['lo /job-orders']).toBe('ຄຳສັ່ງວຽກ');
    expect(seen['th /contracts']).toBe('สัญญาจ้าง');
    expect(seen['my /timeline']).toBe('ခရီးစဉ် အချိန်ဇယား');
    // The Lao page is drawn with the Lao font first in its stack, not a fallback.
    await page.locator('header select').selectOption({ label: 'ລາວ' });
    await page.waitForFunction(`document.documentElement.lang === 'lo'`);
    expect(await page.evaluate<string>('getComputedStyle(document.documentElement).fontFamily')).toMatch(/^"Noto Sans Lao"/);
    // Thai officers read Buddhist-era years (2026 CE = 2569 BE) in the job-order list dates.
    await page.locator('header select').selectOption({ label: 'ไทย' });
    await page.locator('nav a[href="/job-orders"]').click();
    await page.getByLabel('สถานะ').selectOption('');
    const firstDate = page.getByRole('row').nth(1).getByRole('cell').nth(4);
    await firstDate.waitFor();
    expect(await firstDate.innerText()).toContain(String(new Date().getUTCFullYear() + 543));
    console.log(`console screenshots (Khmer, Thai, Lao) written to ${ARTEFACTS}`);
  });
});

describe("the demo's journey, registration to return, in the console on both sides", () => {
  let journeyId: string;
  let grievanceId: string;
  let caseId: string;
  const names: Record<string, string> = { en: 'English', km: 'ខ្មែរ', th: 'ไทย', lo: 'ລາວ', my: 'မြန်မာ', vi: 'Tiếng Việt' };
  const choose = async (page: Page, locale: string) => {
    await page.locator('header select').selectOption({ label: names[locale] });
    await page.waitForFunction(`document.documentElement.lang === '${locale}'`);
  };

  beforeAll(async () => {
    // The demo's own flow through the APIs: every stage across KH and TH, the worker home early, a KH caseworker's first steps.
    journeyId = (await demoJourney(platform.nodes)).journeyId;
    const th = platform.nodes.TH.stages['social-protection'];
    const filed = await request(th.getHttpServer())
      .post('/api/v1/grievances')
      .set('Authorization', bearer('TH', ['destination-officer']))
      .send({ journeyId, origin: 'KH', destination: 'TH', category: 'unlawful-dismissal', description: 'Dismissed the day after asking for the unpaid wages', filedOn: new Date().toISOString().slice(0, 10) });
    if (filed.status !== 201) throw new Error(`filing the grievance answered ${filed.status}: ${filed.text}`);
    grievanceId = filed.body.grievanceId;
    const cases = await request(platform.nodes.KH.stages.reintegration.getHttpServer()).get(`/api/v1/reintegration-cases?journeyId=${journeyId}`).set('Authorization', bearer('KH', ['caseworker']));
    caseId = cases.body.items[0].caseId;
  }, 240_000);

  it.each([
    ['KH', 'ministry-officer', ['WorkerRegistered', 'WorkerMatched', 'ContractVerified', 'ExitClearanceGranted', 'DepartureRecorded', 'ArrivalConfirmed', 'GrievanceResolved', 'ReturnRecorded', 'ReintegrationCaseOpened', 'ReferralSent']],
    ['TH', 'destination-officer', ['WorkerMatched', 'ContractVerified', 'ExitClearanceGranted', 'DepartureRecorded', 'ArrivalConfirmed', 'GrievanceResolved', 'ReturnRecorded']],
  ])('the %s console shows its timeline of the journey, from its first step to the return, in order', async (node, role, steps) => {
    const page = await signIn(await newContext(), consoles[node].url, { country: node, role });
    await page.goto(`${consoles[node].url}/timeline/${journeyId}`);
    await page.locator('ol.timeline > li').first().waitFor();
    const shown = await page.locator('ol.timeline > li .event').allInnerTexts();
    const seen = steps.map((step) => shown.indexOf(step));
    expect(Object.fromEntries(steps.map((step, i) => [step, seen[i] >= 0]))).toEqual(Object.fromEntries(steps.map((step) => [step, true])));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // TH never holds the registration: it sees the journey from the match on.
    expect(shown.includes('WorkerRegistered')).toBe(node === 'KH');
    await checkAxe(page, `demo timeline (${node})`);
  });

  it('a TH officer takes up a grievance of that journey and resolves it with the amount recovered, shown in each language as CLDR writes it', async () => {
    const page = await signIn(await newContext(), consoles.TH.url, { country: 'TH', role: 'destination-officer', name: 'Somchai' });
    await page.getByRole('link', { name: 'Grievances' }).click();
    // The demo's own grievance of this journey is resolved already: the one filed above is the open one, then the one taken up.
    const open = page.getByRole('table', { name: 'Grievances' }).getByRole('row').filter({ has: page.locator(`a[href="/timeline/${journeyId}"]`) });
    await open.getByRole('button', { name: 'Take up' }).click();
    const row = () => page.locator('main table').first().getByRole('row').filter({ hasText: 'dev-th-somchai' }).filter({ has: page.locator(`a[href="/timeline/${journeyId}"]`) });
    await row().waitFor();
    expect(await row().getByRole('cell').nth(1).innerText()).toBe('Unlawful dismissal');
    await row().getByRole('button', { name: 'Resolve' }).click();
    const form = page.getByRole('region', { name: 'Resolve the grievance: Unlawful dismissal' });
    await form.getByLabel('Outcome').selectOption('upheld-paid');
    await form.getByLabel('Amount recovered for the worker').fill('12,500.50');
    await form.getByLabel('Currency').selectOption('THB');
    await checkAxe(page, 'grievance resolution (TH)');
    await form.getByRole('button', { name: 'Record the resolution' }).click();
    await form.waitFor({ state: 'detached' });
    const answer = await request(platform.nodes.TH.stages['social-protection'].getHttpServer()).get(`/api/v1/grievances/${grievanceId}`).set('Authorization', bearer('TH', ['destination-officer']));
    expect(answer.body).toMatchObject({ status: 'resolved', assignee: 'dev-th-somchai', outcome: 'upheld-paid', amountRecovered: { amountMinor: 1250050, currency: 'THB' } });
    await page.getByLabel('Status').selectOption('resolved');
    const outcome = () => row().getByRole('cell').nth(6);
    await outcome().waitFor();
    // The amount from minor units in the officer's locale: Debian's Chromium has no Lao or Myanmar number data, the console's CLDR fallback writes it.
    const expected: Record<string, string> = {};
    for (const locale of ['en', 'lo', 'my', 'th']) {
      const intlLocale = { en: 'en-GB', lo: 'lo-LA', my: 'my-MM', th: 'th-TH' }[locale]!;
      expected[locale] = new Intl.NumberFormat(intlLocale, { style: 'currency', currency: 'THB' }).format(12500.5).replace(/\s/g, ' ');
    }
    const shown: Record<string, string> = {};
    for (const locale of ['lo', 'my', 'th', 'en']) {
      await choose(page, locale);
      shown[locale] = await eventually(async () => {
        const text = (await outcome().innerText()).replace(/\s/g, ' ');
        return text.endsWith(expected[locale]) ? text : undefined;
      }, 5_000, `the ${locale} amount`).catch(() => outcome().innerText());
      if (locale === 'lo') await checkAxe(page, 'grievances (lo)');
    }
    expect(Object.fromEntries(Object.entries(shown).map(([l, text]) => [l, text.replace(/\s/g, ' ').split(' — ')[1]]))).toEqual(expected);
    expect(await missingMessages(page)).toEqual([]);
  });

  it('a KH caseworker works the case: the assessment form, a new plan, a referral, a follow-up recorded with the network cut and sent when it returns, the score over time as a chart', async () => {
    const context = await newContext();
    const page = await signIn(context, consoles.KH.url, { country: 'KH', role: 'caseworker' });
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.locator(`a[href="/cases/${caseId}"]`).click();
    await page.getByRole('heading', { name: 'Reintegration case' }).waitFor();
    const scores = page.getByRole('table', { name: 'Scores' });
    await scores.locator('tbody tr').first().waitFor();
    expect(await scores.locator('tbody tr').count()).toBe(1); // the demo's assessment
    await checkAxe(page, 'case (KH)');

    const assessment = page.getByRole('region', { name: 'Needs assessment' });
    await assessment.getByLabel('How well does your income cover your household needs?').selectOption('fair');
    await assessment.getByLabel('Do you have work or a business that earns an income?').selectOption('part-time');
    await assessment.getByLabel('How secure is your housing?').selectOption('good');
    await assessment.getByLabel('How often do you feel anxious, sad or unable to cope?').selectOption('rarely');
    await assessment.getByRole('button', { name: 'Record the assessment' }).click();
    await scores.locator('tbody tr').nth(1).waitFor();

    const plan = page.getByRole('region', { name: /Reintegration plan \(version 1\)/ });
    await plan.getByRole('button', { name: 'Add a goal' }).click();
    const goal2 = plan.getByRole('group', { name: 'Goal 2' });
    await goal2.getByLabel('Area').selectOption('psychosocial');
    await goal2.getByLabel('Goal', { exact: true }).fill('joins the returnees peer group');
    await goal2.getByLabel('Target date').fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await plan.getByRole('button', { name: 'Record the plan' }).click();
    await page.getByRole('region', { name: /Reintegration plan \(version 2\)/ }).getByText('Psychosocial: joins the returnees peer group').waitFor();

    const referrals = page.getByRole('region', { name: 'Referrals' });
    await referrals.getByLabel('Service provider').selectOption({ label: 'Provincial Training Centre Battambang (Skills training, Battambang)' });
    await referrals.getByLabel('Need').fill('certificate exam fee');
    await referrals.getByRole('button', { name: 'Send the referral' }).click();
    await referrals.getByRole('row').filter({ hasText: 'certificate exam fee' }).waitFor();

    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await context.setOffline(true);
    await followUps.getByLabel('How well does your income cover your household needs?').selectOption('good');
    await followUps.getByLabel('Do you take part in community activities or have people to rely on?').selectOption('yes');
    await followUps.getByLabel('Do you feel you belong where you live now?').selectOption('very-good');
    await followUps.getByRole('button', { name: 'Record the follow-up' }).click();
    const waiting = followUps.getByRole('table', { name: '1 record made here' });
    await waiting.locator('tbody tr[data-status="waiting"]').waitFor();
    expect(await waiting.locator('tbody tr').innerText()).toContain(`Follow-up: ${caseId.slice(0, 8)}`);
    await checkAxe(page, 'case: follow-up waiting to send (KH)');
    const onKh = async () => (await request(platform.nodes.KH.stages.reintegration.getHttpServer()).get(`/api/v1/reintegration-cases/${caseId}`).set('Authorization', bearer('KH', ['caseworker']))).body as { scores: { kind: string }[] };
    expect((await onKh()).scores.map((s) => s.kind)).toEqual(['assessment', 'assessment']);
    await context.setOffline(false);
    await waiting.waitFor({ state: 'detached', timeout: 60_000 });
    await scores.locator('tbody tr').nth(2).waitFor();
    expect((await onKh()).scores.map((s) => s.kind)).toEqual(['assessment', 'assessment', 'follow-up']);
    // The chart: one point of the overall score per assessment and follow-up, drawn in the page (no chart library).
    expect(await page.locator('svg[role="img"] g[data-line="composite"] circle').count()).toBe(3);
    expect(await page.getByRole('img', { name: 'Sustainability score at each assessment and follow-up, from 0 to 1' }).count()).toBe(1);

    for (const locale of ['km', 'th', 'lo', 'my', 'vi']) {
      await choose(page, locale);
      // The chart's own title, in the chosen language.
      await page.waitForFunction(`(document.querySelector('svg[role="img"] title')?.textContent ?? '') !== '' && document.querySelector('svg[role="img"] title').textContent !== 'Sustainability score at each assessment and follow-up, from 0 to 1'`);
      if (['km', 'lo'].includes(locale)) {
        await screenshot(page, `${locale}-case`);
        await checkAxe(page, `case (${locale})`);
      }
    }
    expect(await missingMessages(page)).toEqual([]);
  });

  it('a KH statistician opens a table for the year, its chart, and downloads the same rows as CSV', async () => {
    const page = await signIn(await newContext(), consoles.KH.url, { country: 'KH', role: 'statistician' });
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    await page.getByLabel('Table').selectOption({ label: 'Outflows (departures for work abroad)' });
    await page.getByRole('button', { name: 'Show' }).click();
    const table = page.getByRole('table', { name: 'Outflows (departures for work abroad)' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Destination', 'Occupation (ISCO-08)', 'Sector (ISIC Rev.4)', 'Sex', 'Persons', 'Departures', 'Withheld']);
    expect(await page.locator('svg.chart g[data-group]').count()).toBe(await table.locator('tbody tr[data-sex="total"]').count());
    await checkAxe(page, 'statistics (KH)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
    const year = new Date().getFullYear();
    expect(download.suggestedFilename()).toMatch(new RegExp(`^outflows-${year}-01-01-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
      }, reject);
    });
    const href = (await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href'))!;
    const fromApi = await request(platform.nodes.KH.journey.getHttpServer()).get(href.replace('/bff', '')).set('Authorization', bearer('KH', ['statistician']));
    expect(csv).toBe(fromApi.text);
    expect(csv.split('\n')[0]).toBe('destination,iscoMajorGroup,isicSection,sex,persons,departures,suppressed');
    expect(csv.split('\n').filter(Boolean).length - 1).toBe(await table.locator('tbody tr').count());
    await choose(page, 'my');
    await page.locator('table.stats caption').filter({ hasText: 'ထွက်ခွာမှု' }).waitFor();
    await checkAxe(page, 'statistics (my)');
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('accessibility over every screen visited above', () => {
  it('axe finds no serious or critical violation', () => {
    console.log(`axe: ${Object.keys(axeFindings).length} screens checked`);
    expect(Object.entries(axeFindings).filter(([, v]) => v.length)).toEqual([]);
  });
});
