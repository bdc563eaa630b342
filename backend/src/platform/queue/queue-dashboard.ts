import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Env } from '../config/env';
import { registeredQueues } from './queue.module';

export const QUEUE_DASHBOARD_PATH = '/api/queues';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** HTTP basic auth against the operator credentials, compared in constant time. */
export function operatorAuth(env: Env) {
  const expected = digest(`${env.QUEUE_DASHBOARD_USER}:${env.QUEUE_DASHBOARD_PASSWORD}`);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    if (!timingSafeEqual(digest(given), expected)) {
      await reply.status(401).header('www-authenticate', 'Basic realm="Lodestar queues", charset="UTF-8"').send('Authentication required');
    }
  };
}

/**
 * The Bull dashboard (bull-board) at /api/queues, for whoever runs the installation: queues hold
 * every workspace's jobs, so it sits behind operator credentials from the environment, not behind
 * workspace roles. Off unless QUEUE_DASHBOARD_PASSWORD is set.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, env: Env): Promise<void> {
  if (!env.QUEUE_DASHBOARD_PASSWORD) return;
  const { createBullBoard } = await import('@bull-board/api');
  const { BullAdapter } = await import('@bull-board/api/bullAdapter');
  const { FastifyAdapter } = await import('@bull-board/fastify');
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: registeredQueues().map((name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Lodestar queues' } },
  });
  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', operatorAuth(env));
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
