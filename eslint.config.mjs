// Lint that guards the architecture: services depend on libs, libs never on services, and no
// service imports another (Nx project tags). Plus the TypeScript rules that catch real bugs.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'libs/events/src/generated/**'] },
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
          allow: ['@corridor/recruitment-service', '@corridor/journey-service', '@corridor/contracts-service'],
          depConstraints: [{ sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] }],
        },
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
