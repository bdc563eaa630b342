import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { call, createWorkspace } from '../../test/auth-helpers';
import { startTestApp } from '../../test/test-app';
import { TEST_DB_ENV } from '../../test/test-env';
import { loadEnv } from '../platform/config/env';
import { AppModule } from './app.module';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** API-only and worker-only processes share PostgreSQL and Redis: the API queues, a worker delivers. */
describe('api and worker run modes', () => {
  const prefix = `modes-${process.pid}-${Date.now().toString(36)}`;
  let api: NestFastifyApplication;
  let url: string;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    ({ app: api, url } = await startTestApp({ env: { LODESTAR_MODE: 'api', QUEUE_PREFIX: prefix } }));
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const statusOf = async (email: string) => {
    const rows = await api.get(DataSource).query('SELECT status FROM email_messages WHERE to_address = $1', [email]);
    return rows[0]?.status as string | undefined;
  };

  it('queues work in an API-only process and delivers it only once a worker runs', async () => {
    const ws = await createWorkspace(api, url);
    expect((await call(url, 'POST', '/api/auth/password-reset', { body: { email: ws.owner.email } })).status).toBe(202);
    await sleep(1500);
    expect(await statusOf(ws.owner.email)).toBe('queued');

    const env = loadEnv({
      ...process.env,
      NODE_ENV: 'test',
      LODESTAR_MODE: 'worker',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env[TEST_DB_ENV],
      QUEUE_PREFIX: prefix,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    });
    worker = await NestFactory.createApplicationContext(AppModule.forRoot(env), { logger: false });
    for (let i = 0; i < 50 && (await statusOf(ws.owner.email)) !== 'sent'; i++) await sleep(200);
    expect(await statusOf(ws.owner.email)).toBe('sent');
  });
});
