const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

/**
 * Type-checked rules: a value typed `any` (an untyped query result, a raw JSON parse) may not flow
 * into the code. Each project joins the list once its queries are typed (its repositories).
 */
const TYPE_CHECKED = [
  'libs/*/src/**/*.ts',

  'services/commitments/src/**/*.ts',

  'services/participation/src/**/*.ts',

  'services/notifications/src/**/*.ts',

  'services/reporting/src/**/*.ts',

  'services/gateway/src/**/*.ts',
];

/** Services import libs, never each other; libs import only libs. Enforced by Nx project tags. */
module.exports = [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.next/**',
      '**/next-env.d.ts',
      'services/portal/gateway/openapi.d.ts',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '!eslint.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // The libs' layers, bottom up: contracts (depends on nothing) < auth, tracking < runtime <
            // persistence < messaging. A lib imports only the layers below it (testing: specs only).
            { sourceTag: 'scope:contracts', notDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:testing'] },
            { sourceTag: 'scope:tracking', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:testing'] },
            {
              sourceTag: 'scope:runtime',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:auth', 'scope:testing'],
            },
            {
              sourceTag: 'scope:persistence',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:auth', 'scope:runtime', 'scope:testing'],
            },
            {
              sourceTag: 'scope:messaging',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:auth',
                'scope:runtime',
                'scope:persistence',
                'scope:testing',
              ],
            },
            { sourceTag: 'scope:testing', notDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  ...(TYPE_CHECKED.length
    ? [
        {
          files: TYPE_CHECKED,
          ignores: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.bench.ts', '**/*.fixture.ts', '**/*.testing.ts'],
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
          rules: {
            '@typescript-eslint/no-unsafe-assignment': 'error',
            '@typescript-eslint/no-unsafe-member-access': 'error',
            '@typescript-eslint/no-unsafe-return': 'error',
            '@typescript-eslint/no-unsafe-argument': 'error',
            '@typescript-eslint/no-unsafe-call': 'error',
          },
        },
      ]
    : []),
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.bench.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
