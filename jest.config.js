// Tests run on Node 24's own TypeScript type stripping (no transform) as native ES modules.
export default {
  testEnvironment: 'node',
  transform: {},
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/global-teardown.ts',
  testTimeout: 30_000,
  // Two cores: two workers keep the database and the machine from thrashing.
  maxWorkers: 2,
};
