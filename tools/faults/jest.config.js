/**
 * The fault suite (issue 12's regression net): its own jest run, after the other tests, on its own
 * private PostgreSQL, NATS and Redis (never the shared ones). `npx jest -c tools/faults/jest.config.js`.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: `${__dirname}/../..`,
  roots: ['<rootDir>/tools/faults'],
  testMatch: ['**/*.fault-spec.ts'],
  // It starts its own servers: the shared-server check of the other tests does not apply.
  globalSetup: '<rootDir>/tools/faults/global-setup.ts',
  testTimeout: 600000,
  maxWorkers: 1,
};
