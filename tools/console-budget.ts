import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The console's first-screen download budget: the JavaScript the entry (index.html) loads before
 * anything is chosen — its chunk and every chunk it imports statically, gzipped — must stay within
 * BUDGET_KB. Languages other than English, the offline screen and the service worker load later
 * (dynamic imports) and are not counted. Reads the build's manifest (vite build, manifest: true).
 */
const CONSOLE = { dist: path.resolve(__dirname, '../services/console/web/dist'), budgetKb: Number(process.env.CONSOLE_JS_BUDGET_KB ?? 250), name: 'console' };
/** The public portal (ADR 0028): a cheap Android phone on 3G, so 100 KB. */
const PORTAL = { dist: path.resolve(__dirname, '../services/console/web/dist-portal'), budgetKb: Number(process.env.PORTAL_JS_BUDGET_KB ?? 100), name: 'portal' };

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export function firstScreenChunks(manifest: Record<string, ManifestChunk>): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    (manifest[key].imports ?? []).forEach(visit);
  };
  Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .forEach(([key]) => visit(key));
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

function main(): void {
  const { dist, budgetKb: BUDGET_KB, name } = process.argv[2] === 'portal' ? PORTAL : CONSOLE;
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = firstScreenChunks(manifest);
  let total = 0;
  for (const file of files) {
    const raw = readFileSync(path.join(dist, file));
    const gzipped = gzipSync(raw, { level: 9 }).length;
    total += gzipped;
    console.log(`  ${file}  ${(raw.length / 1024).toFixed(1)} KB, gzip ${(gzipped / 1024).toFixed(1)} KB`);
  }
  const kb = total / 1024;
  console.log(`${name} first-screen JavaScript: ${files.length} chunk(s), ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
  if (files.length === 0 || kb > BUDGET_KB) {
    console.error(files.length === 0 ? 'no entry chunk found in the manifest' : `over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
    process.exit(1);
  }
}

if (require.main === module) main();
