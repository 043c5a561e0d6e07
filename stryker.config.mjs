// Mutation testing of the domain rules (docs/testing.md, "Mutation testing"): `npm run test:mutation`.
// The rules live in pure modules with fast unit tests, so every mutant runs only the unit specs
// that cover it (jest.mutation.config.js, coverage per test). tools/mutation/scores.ts then prints
// the score per rule module from the JSON report and fails under the threshold.
import { readFileSync } from 'node:fs';

const rules = JSON.parse(readFileSync(new URL('./tools/mutation/rule-modules.json', import.meta.url), 'utf8'));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: rules.modules.flatMap((m) => m.mutate),
  reporters: ['clear-text', 'json', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  jsonReporter: { fileName: '.data/mutation/mutation-report.json' },
  // The per-module threshold is enforced by tools/mutation/scores.ts; this is the global floor.
  thresholds: { high: 95, low: rules.threshold, break: rules.threshold },
  // `--incremental` reuses the results of mutants whose code and tests did not change.
  incrementalFile: '.data/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/.data', '/dist', '/coverage', '/.nx', '/test/interop/java/target', '/docs'],
  concurrency: 2,
  timeoutMS: 10_000,
};
