// The fast tier (`npm run test:unit`): pure logic, no PostgreSQL, no queue, no child process, in
// seconds. The same files also run in the default `npm test` (jest.config.js matches every
// tests/**/*.test.ts), so the full run never counts fewer tests than before.
import base from './jest.config.js';

export default {
  ...base,
  testMatch: [
    '<rootDir>/tests/unit/**/*.test.ts',
    // Pure tests that predate the tier and stay where they are.
    '<rootDir>/tests/config.test.ts',
    '<rootDir>/tests/operation-table.test.ts',
  ],
  // No database: no template to clone, nothing to tear down.
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 10_000,
};
