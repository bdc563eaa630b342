import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../backend/src/app/entities';
import type { Actor } from '../../backend/src/platform/access/actor';
import { ConfigModule } from '../../backend/src/platform/config/config.module';
import { Env, loadEnv } from '../../backend/src/platform/config/env';
import { DatabaseModule } from '../../backend/src/platform/database/database.module';
import { QueueModule } from '../../backend/src/platform/queue/queue.module';
import { StorageModule } from '../../backend/src/platform/storage/storage.module';
import { CustomerImportsWorkerModule } from '../../backend/src/modules/customers/imports/customer-imports-worker.module';
import { CustomerImportsService } from '../../backend/src/modules/customers/imports/customer-imports.service';

/** What one import run measured; printed as one JSON line for the parent process. */
export interface ImportRunResult {
  rows: number;
  uploadSeconds: number;
  importSeconds: number;
  status: string;
  processedRows: number;
  created: number;
  updated: number;
  rejected: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** The import path of the product, as a worker process runs it: the imports module and its Bull processor. */
@Module({})
class BenchImportModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: BenchImportModule,
      imports: [ConfigModule.forRoot(env), DatabaseModule.forRoot(ENTITIES, MIGRATIONS), QueueModule.forRoot(), StorageModule, CustomerImportsWorkerModule],
    };
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/**
 * One measured import, in its own process (so its memory is its own): uploads the file through the
 * imports service into the file storage, starts it with the suggested mapping, and waits for the Bull
 * job to finish, sampling RSS and heap every 20 ms. With `workspaceId` given, imports into that workspace
 * again (the update path).
 */
async function main() {
  const [databaseUrl, file, rowsText, storageDir, workspaceArg] = process.argv.slice(2);
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'development',
    LODESTAR_MODE: 'worker',
    DATABASE_URL: databaseUrl,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `bench-import-${process.pid}`,
    STORAGE_DIR: storageDir,
    IMPORT_MAX_MB: '2048',
  });
  const app = await NestFactory.createApplicationContext(BenchImportModule.forRoot(env), { logger: ['error', 'warn'] });
  await app.init();
  const db = app.get(DataSource);
  const imports = app.get(CustomerImportsService);
  const workspaceId: string = workspaceArg || (await db.query(`INSERT INTO workspaces (name) VALUES ('Import benchmark') RETURNING id`))[0].id;
  const actor: Actor = { type: 'system', id: 'bench', label: 'bench:import', workspaceId, permissions: new Set(['customers:import']) };

  let started = performance.now();
  const uploaded = await imports.upload(actor, { fileName: basename(file), stream: createReadStream(file), truncated: () => false });
  const uploadSeconds = (performance.now() - started) / 1000;

  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);

  started = performance.now();
  await imports.start(actor, uploaded.id, { mapping: uploaded.suggestedMapping });
  let row: { status: string; processed_rows: number; created_count: number; updated_count: number; rejected_count: number };
  for (;;) {
    [row] = await db.query(`SELECT status, processed_rows, created_count, updated_count, rejected_count FROM customer_imports WHERE id = $1`, [uploaded.id]);
    if (row.status === 'completed' || row.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const importSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const result: ImportRunResult = {
    rows: Number(rowsText),
    uploadSeconds,
    importSeconds,
    status: row.status,
    processedRows: row.processed_rows,
    created: row.created_count,
    updated: row.updated_count,
    rejected: row.rejected_count,
    baselineRssMb: mb(baseline.rss),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
  };
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, workspaceId })}\n`);
  await app.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
