import type { Tree } from '@nx/devkit';
import { findMigrations, nextTimestamp } from '../../migrations/migration-files';
import { stageServiceFiles } from './files';
import { stageNames, type StageNames } from './names';

export interface StageServiceSchema {
  name: string;
  description?: string;
}

/**
 * `nx g @corridor/tools:stage-service <name>`: writes services/<name> with the skeleton and
 * registers it everywhere a service is listed (docs/stages.md says where and why):
 * the platform layout (so `npm start` runs it and it has a port), the stage topics, the access
 * model's operations and grants, the tsconfig path and lint allow-list, the generated suites'
 * scenario, and the docs. The test command finds its tests by their names.
 */
export default async function stageServiceGenerator(tree: Tree, schema: StageServiceSchema): Promise<void> {
  const names = stageNames(schema.name);
  if (tree.exists(`services/${names.kebab}`)) throw new Error(`services/${names.kebab} exists already`);
  const timestamp = nextTimestamp(findMigrations(tree.root));
  for (const [file, content] of Object.entries(stageServiceFiles(names, schema.description ?? '', timestamp))) tree.write(file, content);
  registerEverywhere(tree, names);
}

/** Each edit inserts before an anchor line or into a known literal, and fails loudly when it is missing. */
export function registerEverywhere(tree: Tree, n: StageNames): void {
  const { kebab: N, pascal: P } = n;
  edit(tree, 'libs/config/src/platform-layout.ts', (text) => {
    const block = /export const PLATFORM_SERVICES = \[\n([\s\S]*?)\] as const;/.exec(text);
    if (!block) throw new Error('PLATFORM_SERVICES not found');
    const offsets = [...block[1].matchAll(/portOffset: (\d+)/g)].map((m) => Number(m[1]));
    let offset = 1;
    while (offsets.includes(offset)) offset += 1;
    return text.replace(block[0], `export const PLATFORM_SERVICES = [\n${block[1]}  { name: '${N}', portOffset: ${offset} },\n] as const;`);
  });
  edit(tree, 'libs/events/src/topics.ts', (text) => {
    const stages = /export const STAGES = \[([^\]]*)\] as const;/.exec(text);
    if (!stages) throw new Error('STAGES not found');
    if (stages[1].includes(`'${N}'`)) return text;
    return text.replace(stages[0], `export const STAGES = [${stages[1]}, '${N}'] as const;`);
  });
  edit(tree, 'libs/auth/src/access/operations.ts', (text) => {
    let out = insertBefore(text, '} satisfies Record<string, OperationTraits>;', `  '${N}-case.open': { personData: false, agencyLicence: false },\n  '${N}-case.read': { personData: false, agencyLicence: false },\n`);
    out = insertAfter(out, "  'ministry-officer': {\n", `    '${N}-case.open': ORIGIN,\n    '${N}-case.read': ORIGIN,\n`);
    out = insertAfter(out, "  'agency-staff': {\n", `    '${N}-case.open': ORIGIN,\n    '${N}-case.read': ORIGIN,\n`);
    return insertAfter(out, "  'destination-officer': {\n", `    '${N}-case.read': DESTINATION,\n`);
  });
  edit(tree, 'tsconfig.base.json', (text) => {
    const json = JSON.parse(text) as { compilerOptions: { paths: Record<string, string[]> } };
    json.compilerOptions.paths[`@corridor/${N}-service`] = [`services/${N}/src/index.ts`];
    return `${JSON.stringify(json, null, 2)}\n`;
  });
  edit(tree, 'eslint.config.mjs', (text) => {
    const allow = /allow: \[('@corridor\/[a-z-]+-service'(?:, '@corridor\/[a-z-]+-service')*)\]/.exec(text);
    if (!allow) throw new Error('the allow-list of services for test/ and tools/ was not found');
    return text.replace(allow[0], `allow: [${allow[1]}, '@corridor/${N}-service']`);
  });
  edit(tree, 'test/support/stage-services.ts', (text) => {
    const out = insertBefore(text, '  // stage-service generator: new stage services above this line', `  '${N}': create${P}App,\n`);
    return `import { create${P}App } from '@corridor/${N}-service';\n${out}`;
  });
  edit(tree, 'test/support/platform-scenario.ts', (text) => {
    let out = text.replace(/export const SCENARIO_SERVICES = \[([^\]]*)\] as const;/, (_all, list: string) => `export const SCENARIO_SERVICES = [${list}, '${N}'] as const;`);
    out = insertBefore(
      out,
      '  // stage-service generator: builders of new stage services above this line',
      `  '${N}-case': async (step) => {
    const body = await created(
      request(step.app('KH', '${N}').getHttpServer())
        .post('/api/v1/${N}-cases')
        .set('Authorization', step.tokens.staffOf(step.owner))
        .send({ journeyId: step.made.journey, destination: 'TH', openedOn: isoDay(), note: \`${N} case of \${step.owner}\` }),
      \`${N} case of \${step.owner}\`,
    );
    const id = body.caseId as string;
    // The destination's replica, so that the suites see what TH sees.
    await eventually(async () => {
      const r = await request(step.app('TH', '${N}').getHttpServer()).get(\`/api/v1/${N}-cases/\${id}\`).set('Authorization', step.tokens.thDestination());
      return r.status === 200 ? true : undefined;
    }, 30_000, \`${N} case \${id} on TH\`);
    return id;
  },
`,
    );
    return out;
  });
  // Its problem types, on the page the drift test (tools/problems-doc.spec.ts) holds against the code and the tests.
  edit(tree, 'docs/problems.md', (text) =>
    `${text.trimEnd()}\n\n## ${N} (generated)\n\n| type (slug) | status | when | extension fields |\n|---|---|---|---|\n` +
    `| \`${N}-case-already-open\` | 409 | the journey already has its ${N} case | \`caseId\` |\n` +
    `| \`${N}-case-not-openable\` | 422 | a rule of ${N}-case.rules.ts is broken (closed corridor, date after today in UTC+14) | \`field\` |\n`,
  );
  edit(tree, 'docs/stages.md', (text) =>
    insertBefore(text, '<!-- stage-service generator: new services above this line -->', `| ${N} | \`services/${N}\` | \`${N}-case.open\`, \`${N}-case.read\` | generated; replace the case by the stage's own aggregate |\n`),
  );
}

function edit(tree: Tree, file: string, change: (text: string) => string): void {
  const before = tree.read(file, 'utf-8');
  if (before === null) throw new Error(`${file} is missing`);
  tree.write(file, change(before));
}

function insertBefore(text: string, anchor: string, insertion: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not found: ${anchor.trim()}`);
  return text.slice(0, at) + insertion + text.slice(at);
}

function insertAfter(text: string, anchor: string, insertion: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not found: ${anchor.trim()}`);
  return text.slice(0, at + anchor.length) + insertion + text.slice(at + anchor.length);
}

