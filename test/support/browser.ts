import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createConsoleApp } from '@corridor/console-service';
import { testNodeConfig } from '@corridor/testing';
import type { CountryNode } from './country-nodes';

/** Debian's Chromium (Playwright's own download does not work on these machines; docs/testing.md). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = path.resolve(__dirname, '../../.data/test-artefacts/console');

/** The flags seen to work headless as root on a closed network (docs/testing.md: browser tests). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: npm test installs it (apt-get install -y chromium); or set CHROMIUM_PATH`);
  // launch() gives every run a fresh, empty profile (Playwright's own temporary --user-data-dir).
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function listenUrl(app: INestApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/** Points the console of each node at that node's in-process services (the platform layout's URL overrides). */
export async function exposeStageServices(nodes: Record<string, CountryNode>): Promise<void> {
  for (const node of Object.values(nodes)) {
    const services: Record<string, INestApplication | undefined> = { recruitment: node.recruitment, journey: node.journey, contracts: node.contracts, ...node.stages };
    for (const [name, app] of Object.entries(services)) {
      if (!app) continue;
      await app.listen(0, '127.0.0.1');
      process.env[`CORRIDOR_${node.country}_${name.toUpperCase().replace(/-/g, '_')}_URL`] = listenUrl(app);
    }
  }
}

/** The node's console as `npm start` runs it (development sign-in), over the built web app. */
export async function startConsole(country: string): Promise<{ app: INestApplication; url: string }> {
  const webRoot = path.resolve(__dirname, '../../services/console/web/dist');
  if (!existsSync(path.join(webRoot, 'index.html'))) execFileSync('bash', [path.resolve(__dirname, '../../tools/console-build.sh')], { stdio: 'inherit' });
  const app = await createConsoleApp({ node: testNodeConfig(country), production: false, webRoot, sessionHours: 1 });
  await app.listen(0, '127.0.0.1');
  return { app, url: listenUrl(app) };
}

/** Signs in through the development form, as an officer would. */
export async function signIn(context: BrowserContext, consoleUrl: string, who: { country: string; role: string; agencyId?: string; name?: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.getByLabel(/country/i).selectOption(who.country);
  await page.getByLabel(/role/i).selectOption(who.role);
  if (who.agencyId) await page.getByLabel(/agency/i).fill(who.agencyId);
  if (who.name) await page.getByLabel(/name/i).fill(who.name);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/dev-sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const answer = await answered;
  if (!answer.ok()) throw new Error(`the development sign-in answered ${answer.status()}: ${await answer.text()}`);
  // Signed in: the officer's header (the signed-out header has the language switch, not a button).
  await page.locator('header button').waitFor();
  // The console remembers each officer's language, and an earlier test may have left this officer in
  // another: each test starts in English, the language its expectations are written in.
  const language = page.locator('header select');
  if ((await language.inputValue()) !== 'en') await language.selectOption('en');
  await page.waitForFunction(`document.documentElement.lang === 'en'`);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** Serious and critical axe violations on the page as it is now (ids and the first node of each). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`);
}

export async function missingMessages(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__corridorMissing || []');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = path.join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
