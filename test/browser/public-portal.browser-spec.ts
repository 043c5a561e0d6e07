import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, eventually } from '@corridor/testing';
import { startCountryNodes } from '../support/country-nodes';
import { clearedDeployment, departs } from '../support/platform-scenario';
import { exposeStageServices, launchChromium, missingMessages, seriousAxeViolations, startConsole } from '../support/browser';

/**
 * The public portal (issue 15, ADR 0028) in Debian's Chromium against the real KH and TH nodes:
 * a prospective migrant reading Khmer checks an agency, a clearance, and a worker reporting in
 * Lao follows the report while a TH officer takes it up; every page in every language, no
 * missing words, no serious or critical axe finding. No sign-in anywhere.
 */
jest.setTimeout(300_000);
// Every cell shown (the record's small-cell rule is unit-tested with hand-worked numbers).
process.env.STATISTICS_MIN_CELL = '1';

let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const consoles: Record<string, { app: INestApplication; url: string }> = {};
let browser: Browser;
const contexts: BrowserContext[] = [];
const axeFindings: Record<string, string[]> = {};
let cleared: Awaited<ReturnType<typeof clearedDeployment>>;
let licenceNumber = '';
const KH_MINISTRY = bearer('KH', ['ministry-officer']);
const TH_OFFICER = bearer('TH', ['destination-officer'], undefined, 'officer-th-grievances');

async function portalPage(locale?: string, screen = 'agencies'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 412, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${consoles.KH.url}/portal#${screen}`);
  await page.locator('main h1').waitFor();
  if (locale) {
    await page.locator('header select').selectOption(locale);
    await page.waitForFunction(`document.documentElement.lang === '${locale}'`);
  }
  return page;
}

const publicApi = (path: string) => request(platform.nodes.KH.journey.getHttpServer()).get(path);

beforeAll(async () => {
  if (!existsSync(path.resolve(__dirname, '../../services/console/web/dist-portal/portal.html'))) execFileSync('bash', [path.resolve(__dirname, '../../tools/console-build.sh')], { stdio: 'inherit' });
  platform = await startCountryNodes(['KH', 'TH'], 'KH>TH,LA>TH', { withContracts: true });
  await exposeStageServices(platform.nodes);
  consoles.KH = await startConsole('KH');
  browser = await launchChromium();
  cleared = await clearedDeployment(platform.nodes);
  await departs(platform.nodes, cleared);
  licenceNumber = (await request(platform.nodes.KH.recruitment.getHttpServer()).get(`/api/v1/agencies/${cleared.agencyId}`).set('Authorization', KH_MINISTRY)).body.licenceNumber;
  // The register and the record are read models: wait until KH's journey service holds the departure.
  await eventually(async () => {
    const r = await publicApi(`/api/v1/public/agencies/${licenceNumber}`);
    return r.status === 200 && r.body.record.rows.find((row: { measure: string }) => row.measure === 'placed')?.count === 1 ? true : undefined;
  }, 60_000, 'the agency’s record with its departure');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const c of Object.values(consoles)) await c.app.close();
  await platform?.stop();
});

describe('a prospective migrant reading Khmer checks an agency', () => {
  it('finds it licensed with its record, then, after an officer suspends it, sees it suspended with the date', async () => {
    const page = await portalPage('km');
    await page.getByLabel('ឈ្មោះទីភ្នាក់ងារ ឬលេខអាជ្ញាប័ណ្ណ').fill(licenceNumber);
    await page.getByRole('button', { name: 'ស្វែងរក' }).click();
    const result = page.getByRole('listitem').filter({ hasText: licenceNumber });
    await result.waitFor();
    expect(await result.locator('[data-status]').getAttribute('data-status')).toBe('licensed');
    expect(await result.innerText()).toContain('មានអាជ្ញាប័ណ្ណ');
    axeFindings['km agencies: results'] = await seriousAxeViolations(page);

    await result.getByRole('button').click();
    await page.getByTestId('standing').waitFor();
    expect(await page.getByTestId('standing').innerText()).toMatch(/^មានអាជ្ញាប័ណ្ណពី .+ ដល់ .+។$/);
    const record = page.getByRole('table');
    // One worker through the chain: registered by this agency, a substitution flagged (then resolved), departed today.
    expect(await record.locator('tr[data-measure="placed"] td').innerText()).toBe('1');
    expect(await record.locator('tr[data-measure="contract-substitutions"] td').innerText()).toBe('1');
    // A zero is a small cell like any other: withheld, worded "fewer than 1".
    expect(await record.locator('tr[data-measure="fee-breaches"] td').innerText()).toBe('តិចជាង 1');
    expect(await record.locator('tbody tr').count()).toBe(9);
    axeFindings['km agencies: record'] = await seriousAxeViolations(page);

    const suspended = await request(platform.nodes.KH.recruitment.getHttpServer())
      .post(`/api/v1/agencies/${cleared.agencyId}/suspension`)
      .set('Authorization', KH_MINISTRY)
      .send({ reason: 'fees above the cap charged to several workers' });
    expect(suspended.status).toBe(201);

    // The register follows the licence's events: search again until it says so.
    await eventually(async () => {
      await page.getByRole('button', { name: 'ត្រឡប់ទៅការស្វែងរក' }).click();
      await page.getByRole('button', { name: 'ស្វែងរក' }).click();
      const status = await page.getByRole('listitem').filter({ hasText: licenceNumber }).locator('[data-status]').getAttribute('data-status');
      if (status === 'suspended') return true;
      await page.getByRole('listitem').filter({ hasText: licenceNumber }).getByRole('button').click();
      return undefined;
    }, 30_000, 'the suspension on the portal');
    expect(await page.getByRole('listitem').filter({ hasText: licenceNumber }).innerText()).toContain('ត្រូវបានផ្អាក');
    await page.getByRole('listitem').filter({ hasText: licenceNumber }).getByRole('button').click();
    const standing = await page.getByTestId('standing').innerText();
    expect(standing).toContain('អាជ្ញាប័ណ្ណត្រូវបានផ្អាកតាំងពី');
    expect(standing).toContain('កុំបង់ប្រាក់ឱ្យវា');
    // The day in Khmer (CLDR's month names, formatted by the portal where Chromium lacks Khmer data).
    expect(standing).toMatch(/\d{1,2} (មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ) \d{4}/);
    // Nothing the officer wrote (the suspension's reason) reaches the public.
    expect(await page.locator('body').innerText()).not.toContain('fees above the cap');
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('verifying an exit clearance', () => {
  it('a genuine clearance is genuine and valid, with what it prints and no journey id; a tampered one is not genuine', async () => {
    const page = await portalPage('km', 'verify');
    await page.getByLabel('អត្ថបទកូដ QR').fill(cleared.document);
    await page.getByRole('button', { name: 'ពិនិត្យ' }).click();
    const verdict = page.locator('[data-verdict]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.innerText()).toContain('ពិត និងមានសុពលភាព');
    expect(await verdict.innerText()).toContain(cleared.clearanceNumber);
    expect(await verdict.innerText()).toContain(cleared.documentNumber);
    expect(await page.locator('body').innerText()).not.toContain(cleared.journeyId);
    axeFindings['km verify: genuine'] = await seriousAxeViolations(page);

    const [header, payload, signature] = cleared.document.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, validUntil: '2099-12-31' })).toString('base64url'), signature].join('.');
    await page.getByLabel('អត្ថបទកូដ QR').fill(tampered);
    await page.getByRole('button', { name: 'ពិនិត្យ' }).click();
    await page.locator('[data-verdict="forged"]').waitFor();
    expect(await page.locator('[data-verdict]').innerText()).toContain('មិនពិតទេ');
    expect(await page.locator('[data-verdict]').innerText()).not.toContain(cleared.documentNumber);
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('a worker reports a problem in Lao and follows it while a TH officer takes it up', () => {
  it('gets a reference and a secret, sees it received, then under investigation; a wrong secret finds nothing', async () => {
    const page = await portalPage('lo', 'report');
    await page.getByLabel('ແຮງງານໄປເຮັດວຽກຢູ່ໃສ?').selectOption('KH>TH');
    await page.getByLabel('ບັນຫາແມ່ນຫຍັງ?').selectOption('confiscated-documents');
    await page.getByLabel('ເກີດຫຍັງຂຶ້ນ?').fill('ນາຍຈ້າງຍຶດໜັງສືຜ່ານແດນຂອງຂ້ອຍ ແລະ ບໍ່ຍອມສົ່ງຄືນ (portal browser test)');
    await page.getByLabel('ຢູ່ໃສ? (ເມືອງ, ບ່ອນເຮັດວຽກ)').fill('Samut Prakan');
    axeFindings['lo report: form'] = await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'ສົ່ງເລື່ອງ' }).click();
    await page.getByTestId('reference').waitFor();
    const reference = await page.getByTestId('reference').innerText();
    const secret = await page.getByTestId('secret').innerText();
    expect(reference).toMatch(/^KH-[0-9A-Z]{8}$/);
    axeFindings['lo report: sent'] = await seriousAxeViolations(page);

    // TH (the handling country) has it in its queue as the worker's own report; its officer takes it up.
    const inQueue = await eventually(async () => {
      const r = await request(platform.nodes.TH.stages['social-protection'].getHttpServer()).get('/api/v1/grievances?status=open&limit=100').set('Authorization', TH_OFFICER);
      return (r.body.items as { grievanceId: string; reportedByWorker: boolean; description: string; category: string }[]).find((g) => g.reportedByWorker && g.description.includes('portal browser test'));
    }, 60_000, 'the report in TH’s queue');
    expect(inQueue.category).toBe('confiscated-documents');

    const follow = async (withSecret: string) => {
      // Through another section, so the form starts empty.
      await page.goto(`${consoles.KH.url}/portal#agencies`);
      await page.goto(`${consoles.KH.url}/portal#follow`);
      await page.getByLabel('ເລກອ້າງອີງ').fill(reference.toLowerCase());
      await page.getByLabel('ລະຫັດລັບ').fill(withSecret);
      await page.getByRole('button', { name: 'ເບິ່ງສະຖານະ' }).click();
      await page.locator('[data-status], .problem').first().waitFor();
      return page.locator('[data-status]').getAttribute('data-status', { timeout: 1000 }).catch(() => null);
    };
    expect(await follow(secret)).toBe('open');
    expect(await page.locator('[data-status]').innerText()).toContain('ໄດ້ຮັບແລ້ວ, ລໍຖ້າເຈົ້າໜ້າທີ່');
    axeFindings['lo follow: open'] = await seriousAxeViolations(page);

    const taken = await request(platform.nodes.TH.stages['social-protection'].getHttpServer())
      .post(`/api/v1/grievances/${inQueue.grievanceId}/status-changes`)
      .set('Authorization', TH_OFFICER)
      .send({ status: 'under-investigation', note: 'Employer contacted by officer Somchai', changedOn: new Date().toISOString().slice(0, 10) });
    expect(taken.status).toBe(201);
    let status: string | null = null;
    for (let tries = 0; tries < 20 && status !== 'under-investigation'; tries++) {
      await page.waitForTimeout(1000);
      status = await follow(secret);
    }
    expect(status).toBe('under-investigation');
    const shown = await page.locator('main').innerText();
    expect(shown).toContain('ເຈົ້າໜ້າທີ່ກຳລັງກວດສອບ');
    // Status only: not the officer's note, not their name, not what the worker wrote.
    expect(shown).not.toContain('Somchai');
    expect(shown).not.toContain('portal browser test');

    expect(await follow('AAAA-BBBB-CCCC-DDDD')).toBeNull();
    expect(await page.getByRole('alert').innerText()).toBe('ບໍ່ມີເລື່ອງທີ່ມີເລກອ້າງອີງ ແລະ ລະຫັດລັບນີ້.');
    expect(await missingMessages(page)).toEqual([]);
  });
});

describe('every page in every language', () => {
  // axe on every section in English and Myanmar (the tallest script); elsewhere on the first section only: what axe
  // finds does not depend on the words, and each run costs seconds.
  it.each(['en', 'km', 'th', 'lo', 'my', 'vi'])('%s: every section renders with all its words and no serious or critical axe finding', async (locale) => {
    const page = await portalPage(locale);
    for (const screen of ['agencies', 'rules', 'verify', 'report', 'follow']) {
      await page.goto(`${consoles.KH.url}/portal#${screen}`);
      await page.locator('main h1').waitFor();
      if (screen === 'rules') await page.getByTestId('fee-cap').first().waitFor();
      if (screen === 'report') await page.locator('select option').first().waitFor({ state: 'attached' });
      if (['en', 'my'].includes(locale) || screen === 'agencies') axeFindings[`${locale} ${screen}`] = await seriousAxeViolations(page);
    }
    expect(await page.evaluate('document.documentElement.lang')).toBe(locale);
    expect(await missingMessages(page)).toEqual([]);
  });

  it('axe found no serious or critical violation on any page visited', () => {
    expect(Object.keys(axeFindings).length).toBe(6 + 2 * 5 + 4);
    expect(Object.fromEntries(Object.entries(axeFindings).filter(([, found]) => found.length))).toEqual({});
  });
});
