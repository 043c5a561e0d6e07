// Lint that guards the architecture: services depend on libs, libs never on services, and no
// service imports another (Nx project tags). Plus the TypeScript rules that catch real bugs.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import jest from 'eslint-plugin-jest';

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.gen-spec.ts', '**/*.fault-spec.ts', '**/*.browser-spec.ts'];
// Suites on the real broker and database: a fixed sleep there is a race (too short on a busy
// machine) or a waste; wait on a condition with a deadline (libs/testing eventually()).
const SLEEP = 'No fixed sleeps in integration/e2e suites: wait on a condition with a deadline (eventually() from @corridor/testing).';
const INTEGRATION_FILES = ['**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.gen-spec.ts', '**/*.fault-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts', 'services/*/test/**/*.ts', 'libs/*/test/**/*.ts'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-portal/**', '.data/**', '.stryker-tmp/**', '.nx/**', 'libs/events/src/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Cross-service end-to-end tests and the platform tools start services in-process; a
    // service itself never may (the rule above still forbids it there).
    files: ['test/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@corridor/recruitment-service', '@corridor/journey-service', '@corridor/contracts-service', '@corridor/deployment-service', '@corridor/social-protection-service', '@corridor/reintegration-service', '@corridor/console-service'],
          depConstraints: [{ sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] }],
        },
      ],
    },
  },
  {
    // Tests that can fail: every test asserts (helpers that assert are named expect*, or are listed
    // here), no expect that runs only on one branch, no expect left unawaited or without a matcher.
    // expect.hasAssertions() in libs/testing/src/jest-setup.ts backs this at run time.
    files: TEST_FILES,
    plugins: { jest },
    rules: {
      'jest/expect-expect': [
        'error',
        {
          // Not supertest's .expect(): it throws, but jest does not count it (expect.hasAssertions).
          assertFunctionNames: ['expect', 'expect*'],
          additionalTestBlockFunctions: ['step'],
        },
      ],
      'jest/no-conditional-expect': 'error',
      'jest/valid-expect': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['step'] }],
    },
  },
  {
    files: INTEGRATION_FILES,
    ignores: ['libs/testing/src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // new Promise((resolve) => setTimeout(resolve, ms)) and setTimeout(() => resolve(), ms);
        // a setTimeout that rejects is a deadline, not a sleep.
        {
          selector: "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']",
          message: SLEEP,
        },
        {
          selector: "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'] > ArrowFunctionExpression:first-child > CallExpression.body[callee.name=/^(resolve|res|r|done)$/]",
          message: SLEEP,
        },
        { selector: "ImportDeclaration[source.value=/timers\\/promises$/]", message: SLEEP },
      ],
    },
  },
  {
    // Use cases throw domain errors only (a type of their own, docs/problems.md): Nest's HTTP
    // exceptions would all reach clients as one generic type per status.
    files: ['**/*.usecase.ts', 'services/**/*-access.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: [
                'HttpException',
                'BadRequestException',
                'UnauthorizedException',
                'ForbiddenException',
                'NotFoundException',
                'ConflictException',
                'UnprocessableEntityException',
                'GoneException',
                'PreconditionFailedException',
                'InternalServerErrorException',
                'ServiceUnavailableException',
              ],
              message: 'Throw a domain error with its own problem type (DomainProblem in <feature>.errors.ts, or libs/http shared-problems) instead.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name=/Exception$/]", message: 'Use cases throw domain errors with their own problem type (DomainProblem), not Nest HTTP exceptions.' },
      ],
    },
  },
  // Plain CommonJS scripts (infra helpers, jest config) run under Node as they are.
  { files: ['**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];
