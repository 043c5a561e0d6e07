import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PLATFORM_NODES } from '@corridor/config';
import { RECORD_MEASURES } from '@corridor/journey-service';
import { GRIEVANCE_CATEGORIES } from '@corridor/social-protection-service';
import { GRIEVANCE_STATUSES } from '@corridor/state-machine';

/**
 * The public portal's words (ADR 0028): the same keys in all six languages, each with the English
 * placeholders, none empty; every id a page names literally exists; and every code the services
 * can send the portal — record measures, grievance categories and statuses, the guide's codes,
 * clearance statuses, countries — has its words, so no page shows a code instead of a sentence.
 */
const PORTAL = path.resolve(__dirname, '../services/console/web/portal');
const LOCALES = ['en', 'km', 'th', 'lo', 'my', 'vi'];
const load = (locale: string) => JSON.parse(readFileSync(path.join(PORTAL, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const english = load('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

describe('public portal messages', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys, each with the English placeholders, none empty', (locale) => {
    const messages = load(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    const wrong = Object.entries(messages).filter(([key, text]) => !text.trim() || JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(english[key])));
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('every id a page names literally exists in English', () => {
    const ids = new Set<string>();
    for (const file of sources(PORTAL)) for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w-]*\.[\w.-]+)'/g)) ids.add(m[1]);
    expect(ids.size).toBeGreaterThan(60);
    expect([...ids].filter((id) => !(id in english))).toEqual([]);
  });

  it('every code the services send has its words', () => {
    const guide = JSON.parse(readFileSync(path.resolve(__dirname, '../infra/config/portal-guide.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    const guideCodes = Object.values(guide)
      .filter((entry) => typeof entry === 'object')
      .flatMap((entry) => ['workerMayPayFor', 'contractTerms', 'documents'].flatMap((field) => (entry[field] as string[] | undefined) ?? []));
    const needed = [
      ...RECORD_MEASURES.map((m) => `record.${m}`),
      ...GRIEVANCE_CATEGORIES.map((c) => `category.${c}`),
      ...GRIEVANCE_STATUSES.map((s) => `status.${s}`),
      ...guideCodes.map((c) => `guide.${c}`),
      // ClearanceCheckView.status (the deployment stage's public check)
      ...['valid', 'revoked', 'expired', 'not-yet-valid', 'unknown', 'forged'].map((s) => `verify.status.${s}`),
      ...['licensed', 'suspended', 'revoked'].map((s) => `agencies.status.${s}`),
      ...PLATFORM_NODES.map((n) => `country.${n.country}`),
    ];
    expect(needed.filter((id) => !(id in english))).toEqual([]);
  });

  it('the report form offers exactly the categories the social-protection stage takes', () => {
    const form = readFileSync(path.join(PORTAL, 'screens/Report.tsx'), 'utf8');
    const offered = JSON.parse(/const CATEGORIES = (\[[^\]]*\]);/.exec(form)![1].replace(/'/g, '"')) as string[];
    expect(offered).toEqual([...GRIEVANCE_CATEGORIES]);
  });
});
