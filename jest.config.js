/** One jest run covers every project: unit specs beside the code and integration specs. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // content-disposition 3 ships ESM only; Node 20 requires it natively, jest needs it compiled.
    'node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    // The portal's message formatting (intl-messageformat, @formatjs) ships ESM only as well.
    'node_modules/(intl-messageformat|@formatjs)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        ...swc,
        jsc: {
          ...swc.jsc,
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|intl-messageformat|@formatjs)/)'],
  // The portal's production build is not a source of tests or modules.
  modulePathIgnorePatterns: ['<rootDir>/services/portal/.next/'],
  moduleNameMapper: {
    '^@ogp/(contracts|auth|runtime|persistence|messaging|testing|tracking)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 2,
};
