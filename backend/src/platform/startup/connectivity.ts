import { Client } from 'pg';
import Redis from 'ioredis';

export class StartupError extends Error {}

const redact = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
};

/** Checks that PostgreSQL answers, with a message that says where we looked and how to start one. */
export async function checkPostgres(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(
      [
        `Cannot reach PostgreSQL at ${redact(url)} (${(error as Error).message || (error as { code?: string }).code}).`,
        'Start one with `docker compose -f docker/docker-compose.yml up -d postgres`,',
        'or a local server (e.g. `pg_ctlcluster 15 main start`), or point DATABASE_URL at yours.',
      ].join('\n'),
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Checks that Redis answers PING, with the same kind of message. */
export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new StartupError(
      [
        `Cannot reach Redis at ${redact(url)} (${(error as Error).message}).`,
        'Start one with `docker compose -f docker/docker-compose.yml up -d redis`,',
        'or a local server (`redis-server --daemonize yes`), or point REDIS_URL at yours.',
      ].join('\n'),
    );
  } finally {
    redis.disconnect();
  }
}
