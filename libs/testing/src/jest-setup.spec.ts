import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

interface JestJson {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

describe('the jest setup every project runs', () => {
  it('fails a test that makes no assertion', async () => {
    // The project's own jest config, on a fixture outside every testMatch: a test that returns
    // before asserting, and one that asserts.
    const { projects } = (await import(path.join(ROOT, 'jest.config.js'))) as { projects: { displayName: string }[] };
    const config = projects.find((p) => p.displayName === 'unit');
    const fixture = { ...config, displayName: undefined, testMatch: ['<rootDir>/libs/testing/src/fixtures/zero-assertions.fixture.ts'] };
    const run = await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--json', '--config', JSON.stringify(fixture)], { cwd: ROOT }).catch(
      (error: { stdout: string }) => error,
    );
    const result = JSON.parse(run.stdout) as JestJson;
    const tests = result.testResults.flatMap((file) => file.assertionResults);
    expect(tests.map((t) => [t.title, t.status])).toEqual([
      ['returns before asserting', 'failed'],
      ['asserts', 'passed'],
    ]);
    expect(tests[0].failureMessages.join('\n')).toContain('Expected at least one assertion to be called but received none');
  }, 60_000);
});
