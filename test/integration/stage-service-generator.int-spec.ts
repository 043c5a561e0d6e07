import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kafkaCredentialsFile } from '@corridor/config';

/**
 * The stage-service generator, proved the way an engineer uses it: a copy of this workspace (the
 * files git knows, node_modules linked), `nx g @corridor/tools:stage-service sample` in it, then
 * the type check and lint of the whole copy and the generated service's own tests on the real
 * Postgres and Kafka. The copy is thrown away; the real tree is never touched.
 */
jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../..');
let workspace: string;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd: workspace,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'corridor-generator-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (file.startsWith('node_modules/') || file.startsWith('.data/')) continue;
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    try {
      cpSync(path.join(root, file), path.join(workspace, file));
    } catch {
      // a file deleted in the working tree but still known to git
    }
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
});

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('nx g @corridor/tools:stage-service', () => {
  it('creates a service that type-checks, passes lint and passes its own tests on the real infrastructure', () => {
    const generated = run('npx', ['nx', 'g', '@corridor/tools:stage-service', 'sample', '--no-interactive']);
    expect(generated.output).toContain('CREATE services/sample/src/sample.service.ts');
    expect(generated.status).toBe(0);

    // Registered where every service is listed.
    const read = (file: string) => readFileSync(path.join(workspace, file), 'utf8');
    expect(read('libs/config/src/platform-layout.ts')).toMatch(/{ name: 'sample', portOffset: \d+ }/);
    expect(read('libs/auth/src/access/operations.ts')).toContain("'sample-case.read': DESTINATION");
    expect(read('libs/events/src/topics.ts')).toContain("'sample'] as const");
    expect(read('test/support/platform-scenario.ts')).toContain("'sample-case': async (step)");
    expect(read('docs/stages.md')).toContain('| sample | `services/sample`');

    const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json']);
    expect(typecheck.output.trim()).toBe('');
    expect(typecheck.status).toBe(0);

    const lint = run('npx', ['eslint', '--max-warnings=0', 'services/sample', 'test/support', 'libs/auth/src/access', 'libs/config/src', 'libs/events/src/topics.ts']);
    expect(lint.output.trim()).toBe('');
    expect(lint.status).toBe(0);

    // The copy's credentials path would point into the copy: hand it this installation's. It stays
    // on this worker's broker (no list of one broker per worker: its own workers would pick another).
    const tests = run('npx', ['jest', '--ci', '--selectProjects', 'unit', 'integration', '--', 'services/sample'], { KAFKA_CREDENTIALS_FILE: kafkaCredentialsFile(), CORRIDOR_TEST_BROKERS_FILE: '' });
    const summary = /Tests:\s+(.*)/.exec(tests.output)?.[1] ?? tests.output.slice(-2000);
    expect(summary).toBe('6 passed, 6 total');
    expect(tests.output).toContain('PASS integration services/sample/test/integration/sample-cases.int-spec.ts');
    expect(tests.output).toContain('PASS unit services/sample/src/cases/sample-case.rules.spec.ts');
    expect(tests.status).toBe(0);
  });
});
