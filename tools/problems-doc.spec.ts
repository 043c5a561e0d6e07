import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/problems.md, the code and the tests cannot drift: every problem type the page lists is
 * declared and raised in the code and asserted by its type in a test, and every type the code
 * declares is on the page. A grep, on purpose: it reads what a reviewer would read.
 */
const ROOT = path.resolve(__dirname, '..');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(full)) out.push(full);
  }
  return out;
}

const isTest = (file: string) => /\.(spec|int-spec|e2e-spec|gen-spec)\.ts$/.test(file);
const sources = ['libs', 'services'].flatMap((dir) => filesUnder(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !isTest(f) && !f.includes(`${path.sep}test${path.sep}`)));
const tests = ['libs', 'services', 'test', 'tools'].flatMap((dir) => filesUnder(path.join(ROOT, dir), isTest)).filter((f) => !f.endsWith('problems-doc.spec.ts'));
const read = (file: string) => readFileSync(file, 'utf8');

/** Slugs in the first column of the page's tables. */
function documentedSlugs(): string[] {
  return [...read(path.join(ROOT, 'docs/problems.md')).matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
}

interface Declared {
  slug: string;
  file: string;
  /** The DomainProblem class declaring it, which must be thrown somewhere. */
  className?: string;
}

/** Every way the code declares a problem type. */
function declaredInCode(): Declared[] {
  const found: Declared[] = [];
  for (const file of sources) {
    const text = read(file);
    for (const m of text.matchAll(/class (\w+) extends DomainProblem\(\{[^}]*slug: '([a-z0-9-]+)'/g)) found.push({ slug: m[2], file, className: m[1] });
    for (const pattern of [/readonly slug = '([a-z0-9-]+)'/g, /problemType\('([a-z0-9-]+)'\)/g, /new AccessProblem\(\d{3}, '([a-z0-9-]+)'/g, /\{ status: \d{3}, slug: '([a-z0-9-]+)', title: '[^']*', detail:/g]) {
      for (const m of text.matchAll(pattern)) found.push({ slug: m[1], file });
    }
  }
  return found;
}

const documented = documentedSlugs();
const declared = declaredInCode();
const testTexts = tests.map(read).filter((text) => text.includes('corridor.gms/problems/'));

describe('docs/problems.md, the code and the tests', () => {
  it('the page lists each type once', () => {
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((slug, i) => documented.indexOf(slug) !== i)).toEqual([]);
  });

  it('every type the code declares is on the page', () => {
    const undocumented = [...new Set(declared.map((d) => d.slug))].filter((slug) => !documented.includes(slug));
    expect(undocumented).toEqual([]);
  });

  it('every type on the page is declared in the code', () => {
    expect(documented.filter((slug) => !declared.some((d) => d.slug === slug))).toEqual([]);
  });

  it('every domain problem class is raised somewhere (new …), not only declared', () => {
    const code = sources.map(read).join('\n');
    const neverRaised = declared.filter((d) => d.className && !new RegExp(`new ${d.className}\\(`).test(code));
    expect(neverRaised.map((d) => d.className)).toEqual([]);
  });

  it('every type on the page is asserted by its type in some test', () => {
    // `…/problems/<slug>`, `${P}<slug>` with P the base URI, or '<slug>' given to a helper that builds the URI.
    const asserted = (slug: string) => testTexts.some((text) => new RegExp(`(problems/|\\$\\{P\\}|')${slug}['\`]`).test(text));
    expect(documented.filter((slug) => !asserted(slug))).toEqual([]);
  });
});
