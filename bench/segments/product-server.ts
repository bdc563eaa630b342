import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { createHttpApp } from '../../backend/src/app/http-app';
import { loadEnv } from '../../backend/src/platform/config/env';
import { TraitsService } from '../../backend/src/modules/customers/traits/traits.service';
import { SegmentCompiler } from '../../backend/src/modules/segments/rules/segment-compiler';
import { countQuery } from '../../backend/src/modules/segments/rules/segment-queries';
import { SegmentRefreshService } from '../../backend/src/modules/segments/refresh/segment-refresh.service';
import { BENCH_OWNER } from './product-protocol';
import type { ProductCommand, ProductReady } from './product-protocol';

const vmKb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);

async function handle(app: NestFastifyApplication, message: ProductCommand): Promise<unknown> {
  switch (message.cmd) {
    case 'recomputeTraits': {
      const started = performance.now();
      await app.get(TraitsService).recomputeWorkspace(message.workspaceId);
      return { seconds: (performance.now() - started) / 1000 };
    }
    case 'requestRefresh': {
      const refresh = await app
        .get(SegmentRefreshService)
        .requestRefresh(message.workspaceId, message.segmentId, { kind: message.kind, trigger: 'change' });
      return { id: refresh.id };
    }
    case 'countSql': {
      const compiled = await app.get(SegmentCompiler).compile(message.rules, {
        workspaceId: message.workspaceId,
        asOf: new Date(message.asOf),
        loadSegmentRules: async () => null,
      });
      return countQuery(compiled);
    }
    case 'memory':
      return { rssMb: vmKb('VmRSS') / 1024, peakRssMb: vmKb('VmHWM') / 1024 };
  }
}

/**
 * The product as it runs in production (`LODESTAR_MODE=all`: API and Bull workers in one process), booted on the
 * benchmark's database in a process of its own (so its memory is its own), listening on a free port of
 * 127.0.0.1. Forked by main.ts: reports its address over IPC, then answers {@link ProductCommand}s.
 */
async function main() {
  const [databaseUrl, storageDir] = process.argv.slice(2);
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'development',
    LODESTAR_MODE: 'all',
    DATABASE_URL: databaseUrl,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    // One prefix for every run: the repeatable jobs (refresh tick, daily RFM) registered at start stay one each in Redis.
    QUEUE_PREFIX: 'bench-segments',
    // The refresh scheduler's tick would queue an incremental refresh of its own after the changes of (c):
    // the benchmark asks for each refresh itself.
    SEGMENT_REFRESH_TICK_SECONDS: String(86_400),
    // Measure the preview however long it takes (the default 15 s answers 422 preview-timeout instead).
    SEGMENT_PREVIEW_TIMEOUT_MS: String(600_000),
    JWT_SECRET: 'segments-benchmark-secret-of-at-least-32-characters',
    JWT_ACCESS_TTL_SECONDS: String(24 * 3600),
    LODESTAR_OWNER_EMAIL: BENCH_OWNER.email,
    LODESTAR_OWNER_PASSWORD: BENCH_OWNER.password,
    LODESTAR_WORKSPACE_NAME: 'Segments benchmark',
    DEMO_ON_START: 'false',
    CONSOLE_DIR: '/nonexistent',
    STORAGE_DIR: storageDir,
  });
  const app = await createHttpApp(env, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  process.on('message', (message: ProductCommand & { id: number }) => {
    handle(app, message).then(
      (result) => process.send!({ id: message.id, result }),
      (error) => process.send!({ id: message.id, error: String(error?.stack ?? error) }),
    );
  });
  process.on('disconnect', () => {
    app.close().finally(() => process.exit(0));
  });
  process.send!({ ready: { url: `http://127.0.0.1:${port}`, pid: process.pid } satisfies ProductReady });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
