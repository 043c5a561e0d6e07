import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aJobOrder, bearer, eventually } from '@corridor/testing';
import { startCountryNodes, registerWorker, timelineOf, type CountryNode } from '../support/country-nodes';
import { departedDeployments } from '../support/platform-scenario';
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
    ['KH', 'KH', 'caseworker', ['Grievances', 'Work queue', 'Journey timeline', 'Waiting to send']],
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
    departed = await departedDeployments(platform.nodes, 6);
  }, 480_000);

  it('three arrivals confirmed offline wait in the browser, go in order when the connection returns, each confirmed exactly once; a fourth, confirmed meanwhile elsewhere, shows the refusal on its row', async () => {
    const [first, second, third, movedOn] = departed;
    const context = await newContext();
    const page = await signIn(context, consoles.TH.url, { country: 'TH', role: 'destination-officer' });
    await page.getByRole('link', { name: 'Arrivals to confirm' }).click();
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

describe('accessibility over every screen visited above', () => {
  it('axe finds no serious or critical violation', () => {
    console.log(`axe: ${Object.keys(axeFindings).length} screens checked`);
    expect(Object.entries(axeFindings).filter(([, v]) => v.length)).toEqual([]);
  });
});
