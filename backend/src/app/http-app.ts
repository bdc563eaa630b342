/// <reference types="@fastify/static" />
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createPinoLogger, NestPinoLogger } from '../platform/logging/pino-logger';
import { requestContext } from '../platform/logging/request-context';
import { Env } from '../platform/config/env';
import { createValidationPipe } from '../platform/errors/validation';
import { ProblemFilter } from '../platform/errors/problem.filter';
import { MetricsService } from '../platform/metrics/metrics.service';
import { mountQueueDashboard } from '../platform/queue/queue-dashboard';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Creates the Nest application on Fastify with everything HTTP needs; does not listen or touch the database. */
export async function createHttpApp(env: Env, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const logger = createPinoLogger(env);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  // Graceful shutdown: requests in flight finish; their keep-alive connections then close so the server can stop.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // Bulk ingestion batches (1,000 items) get a larger body limit than the rest of the API.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/ingest/')) route.bodyLimit = env.INGEST_BODY_LIMIT_BYTES;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    logger: options.logger === false ? false : new NestPinoLogger(logger),
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'https:', 'data:'],
      },
    },
  });
  // Uploads (customer imports) are streamed; a file over the limit is cut there and refused with 413.
  await app.register(multipart, { limits: { fileSize: env.IMPORT_MAX_MB * 1024 * 1024, files: 1, fields: 10 } });
  const origins = env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  app.enableCors({ origin: origins.length ? origins : false, credentials: false });

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const document = buildOpenApiDocument(app);
  fastify.get('/api/openapi.json', async () => document);
  // Swagger UI's assets are served by @fastify/static, which Jest's ESM runtime cannot load on Node 20;
  // the built server (and its browser tests) serve it, unit/API tests read /api/openapi.json.
  if (env.NODE_ENV !== 'test') SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await mountQueueDashboard(app, env);
  serveConsole(app, env);
  return app;
}

/** Serves the built console at `/`; the problem filter answers unknown non-API GETs with `index.html` (deep links). */
function serveConsole(app: NestFastifyApplication, env: Env) {
  const root = resolve(env.CONSOLE_DIR ?? join(process.cwd(), 'dist/admin-web/browser'));
  const hasConsole = existsSync(join(root, 'index.html'));
  if (hasConsole) app.useStaticAssets({ root, prefix: '/', wildcard: false, index: ['index.html'] });
  else new Logger('Console').warn(`No built console at ${root}; run \`npm run build\` to serve it`);
  app.useGlobalFilters(new ProblemFilter(hasConsole ? root : undefined));
}
