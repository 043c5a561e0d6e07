import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aJobOrder, bearer, eventually } from '@corridor/testing';
import { startCountryNodes, registerWorker, timelineOf } from '../support/country-nodes';
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
    ['TH', 'TH', 'destination-officer', ['Job orders', 'Contracts', 'Journey timeline', 'Waiting to send']],
    ['KH', 'KH', 'caseworker', ['Journey timeline', 'Waiting to send']],
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
