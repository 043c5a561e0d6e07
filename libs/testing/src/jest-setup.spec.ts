import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

interface JestJson {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs one fixture with the unit project's own jest config (setup files included); fixtures match no testMatch. */
async function runFixture(fixture: string): Promise<JestJson['testResults'][number]['assertionResults']> {
  const { projects } = (await import(path.join(ROOT, 'jest.config.js'))) as { projects: { displayName: string }[] };
  const unit = projects.find((p) => p.displayName === 'unit');
  const config = { ...unit, displayName: undefined, testMatch: [`<rootDir>/libs/testing/src/fixtures/${fixture}`] };
  const run = await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--json', '--config', JSON.stringify(config)], { cwd: ROOT }).catch(
    (error: { stdout: string }) => error,
  );
  return (JSON.parse(run.stdout) as JestJson).testResults.flatMap((file) => file.assertionResults);
}

describe('the jest setup every project runs', () => {
  it('fails a test that makes no assertion', async () => {
    const tests = await runFixture('zero-assertions.fixture.ts');
    expect(tests.map((t) => [t.title, t.status])).toEqual([
      ['returns before asserting', 'failed'],
      ['asserts', 'passed'],
    ]);
    expect(tests[0].failureMessages.join('\n')).toContain('Expected at least one assertion to be called but received none');
  }, 60_000);
});

describe('steps of a story (inOrder)', () => {
  it('run in order; after a failed step the later ones fail at once, naming it', async () => {
    const tests = await runFixture('in-order.fixture.ts');
    expect(tests.map((t) => [t.title, t.status])).toEqual([
      ['first', 'passed'],
      ['second', 'failed'],
      ['third', 'failed'],
    ]);
    expect(tests[2].failureMessages.join('\n')).toContain('not run: this step builds on "second", which failed');
  }, 60_000);
});
