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
  // A worker is replaced once its heap passes this after a test file. Without it each worker
  // held about 1 GB of heap (1.5-1.8 GB RSS) by the end of the suite (the growth across test
  // files that jestjs/jest#11956 describes), and one of the two took longer than Jest's 500 ms to tear
  // down after its event loop had drained (its 'exit' came 1-2 ms after Jest's end message):
  // "A worker process has failed to exit gracefully and has been force exited" on every run.
  workerIdleMemoryLimit: '512MB',
};
