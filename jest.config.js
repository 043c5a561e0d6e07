// Four suites: unit (pure logic, plain objects), integration, e2e and generated (real Postgres and Kafka).
const { compilerOptions } = require('./tsconfig.base.json');

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

// Every test must assert (expect.hasAssertions in jest-setup.ts); suites that start services also
// keep the warnings every in-process app prints, and the errors a test provokes on purpose, out
// of the output (libs/testing service-logs.ts).
const assertions = '<rootDir>/libs/testing/src/jest-setup.ts';
const services = [assertions, '<rootDir>/libs/testing/src/jest-setup-services.ts'];
// Stryker's sandbox (npm run test:mutation) is a copy of the repository inside it: not a module source.
const modulePathIgnorePatterns = ['<rootDir>/.stryker-tmp/'];
// Each jest worker's suites on a Kafka broker of their own (tools/test.sh starts one per worker, ADR 0029).
const setupFiles = ['<rootDir>/libs/testing/src/worker-broker.ts'];
const common = { transform, moduleNameMapper, modulePathIgnorePatterns, testEnvironment: 'node', rootDir: __dirname, setupFiles, setupFilesAfterEnv: services };

module.exports = {
  // Longest suites first, also on a fresh clone with no timings cached (tools/jest/long-suites-first.js).
  testSequencer: '<rootDir>/tools/jest/long-suites-first.js',
  // The failures again at the very end of the output, however many suites ran (jest's own
  // threshold is 20 suites), so the first failing assertion is never buried in logs.
  reporters: ['default', ['summary', { summaryThreshold: 0 }]],
  projects: [
    { ...common, displayName: 'unit', setupFilesAfterEnv: [assertions], testMatch: ['<rootDir>/{libs,services,tools}/**/*.spec.ts', '<rootDir>/test/interop/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/**/test/integration/**/*.int-spec.ts', '<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      slowTestThreshold: 60,
    },
    {
      // Suites generated from what every service declares (OpenAPI): every endpoint, no list to keep.
      ...common,
      displayName: 'generated',
      testMatch: ['<rootDir>/test/generated/**/*.gen-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      slowTestThreshold: 90,
    },
    {
      // The officer console in Debian's Chromium (playwright-core) against the real services: one browser, one platform per file.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      slowTestThreshold: 120,
    },
    // npm run test:faults only (CORRIDOR_FAULT_SUITE=1): journeys through every stage while the
    // platform is hit by faults (test/faults), on a broker and a Postgres of its own (so no
    // globalSetup: it checks the run's shared broker, which tools/test.sh does not start for it). Not in
    // `npm test` (minutes of process restarts); CI runs it as a step of its own (.ci/run).
    ...(process.env.CORRIDOR_FAULT_SUITE === '1'
      ? [{ ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'], slowTestThreshold: 900 }]
      : []),
  ],
};
