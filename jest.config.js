/**
 * Jest runs the TypeScript tests through ts-jest, which only transpiles them because tsconfig sets
 * isolatedModules: `npm test`
 * type-checks the whole project once with tsc, which is far faster than per-file checks.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  globalSetup: '<rootDir>/test/_helpers/global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
