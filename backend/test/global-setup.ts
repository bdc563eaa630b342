import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../src/app/entities';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { MIGRATIONS } from '../../migrations';
import { testDatabaseUrl, TEST_DB_ENV } from './test-env';

/** Creates a fresh database for this run and applies every migration once. */
export default async function globalSetup(): Promise<void> {
  const url = testDatabaseUrl();
  const admin = new Client({ connectionString: new URL('/postgres', url).toString() });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions(url, ENTITIES, MIGRATIONS));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env[TEST_DB_ENV] = url;
}
