import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpApp } from '../src/app/http-app';
import { loadEnv } from '../src/platform/config/env';
import { TEST_DB_ENV } from './test-env';

export interface TestAppOptions {
  env?: Record<string, string>;
}

/**
 * Boots the real app (Fastify, PostgreSQL of this run, Redis) listening on a random port of 127.0.0.1.
 * Queues get a prefix unique to the app so parallel test files never share jobs.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<{ app: NestFastifyApplication; url: string }> {
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'test',
    LODESTAR_MODE: 'all',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env[TEST_DB_ENV],
    QUEUE_PREFIX: `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    LODESTAR_OWNER_EMAIL: '',
    CONSOLE_DIR: '/nonexistent',
    STORAGE_DIR: join(tmpdir(), `lodestar-test-files-${process.pid}`),
    ...options.env,
  });
  const app = await createHttpApp(env, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}
