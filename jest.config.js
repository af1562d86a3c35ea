// Tests run on Node 24's own TypeScript type stripping (no transform) as native ES modules.
export default {
  testEnvironment: 'node',
  // The SDK workspace resolves to its TypeScript source here (its package exports the built
  // dist/ to everyone else): tests need no build step and always see the current source.
  testEnvironmentOptions: { customExportConditions: ['@contract-first-monolith/source', 'node'] },
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
