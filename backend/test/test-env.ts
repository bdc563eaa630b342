export const TEST_DB_ENV = 'LODESTAR_TEST_DATABASE_URL';

/** A database name unique to this run, on the machine's PostgreSQL (or TEST_DATABASE_SERVER). */
export function testDatabaseUrl(): string {
  const existing = process.env[TEST_DB_ENV];
  if (existing) return existing;
  const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  return `${server}/lodestar_test_${process.pid}_${Date.now().toString(36)}`;
}
