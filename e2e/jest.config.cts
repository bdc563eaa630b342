/**
 * Browser and HTTP tests against the built product (API, workers and console in one process),
 * started once by the global setup on a fresh database. CommonJS is fine here: nothing imports Nest.
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
  slowTestThreshold: 20,
};
