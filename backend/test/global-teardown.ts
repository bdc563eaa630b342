import { Client } from 'pg';
import { TEST_DB_ENV } from './test-env';

/** Drops the run's database. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env[TEST_DB_ENV];
  if (!url || process.env.KEEP_TEST_DB) return;
  const admin = new Client({ connectionString: new URL('/postgres', url).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}
