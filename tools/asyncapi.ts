import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiYaml, catalogProblems } from '@corridor/events';

/**
 * `npm run asyncapi`: writes docs/asyncapi.yaml from the event registry (libs/events, read from
 * the proto options). `--check` writes nothing and fails when the committed file differs, so the
 * document, the registry and proto/ cannot drift (part of `npm test`).
 */
const file = path.resolve(__dirname, '..', 'docs', 'asyncapi.yaml');
const problems = catalogProblems();
if (problems.length) {
  console.error(`proto/ event options are inconsistent:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const generated = asyncApiYaml();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: reported below
  }
  if (committed !== generated) {
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(`docs/asyncapi.yaml does not match proto/ and the event registry (first difference at line ${line + 1}):`);
    console.error(`  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`);
    console.error("run 'npm run asyncapi' and commit the result");
    process.exit(1);
  }
  console.log('docs/asyncapi.yaml matches proto/ and the event registry');
} else {
  writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
