/**
 * Every test runs on SQLite; with TEST_DATABASE_URL set (e.g. postgres://postgres@127.0.0.1:5432/test) the
 * same tests also run on PostgreSQL, each test server in a fresh schema that is dropped afterwards.
 * @type {import('jest').Config}
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `npm run typecheck`; transpiling per file keeps the suite fast.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['reflect-metadata'],
};

// Replicas share PostgreSQL, never a SQLite file, and the SQLite-versus-PostgreSQL comparison needs both: PostgreSQL project only.
const projects = [{ ...base, displayName: 'sqlite', testPathIgnorePatterns: ['/(replicas|cross-database|statement-timeout)\\.test\\.ts$'] }];
// The web app's browser tests exercise the client, not the database: SQLite project only.
if (process.env.TEST_DATABASE_URL) {
  projects.push({ ...base, displayName: 'postgres', setupFiles: [...base.setupFiles, '<rootDir>/test/helpers/on-postgres.js'], testPathIgnorePatterns: ['/test/browser/'] });
} else {
  console.log('PostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them too.');
}

// The first pass of `npm test` (scripts/run-tests.js) leaves the timed suites to the second.
if (process.env.REGISTRY_TEST_PASS === 'untimed') for (const p of projects) p.testPathIgnorePatterns = [...p.testPathIgnorePatterns, require('./test/timed-suites.js')];

module.exports = { projects, testTimeout: 60000 };
