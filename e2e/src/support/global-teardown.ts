import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import './run';
import { deleteRedisKeys, dropDatabase } from './services';

const STOP_TIMEOUT_MS = 15_000;

/** Stops the product (SIGTERM, then SIGKILL after 15 s), drops the run's database and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__LODESTAR_E2E__;
  if (!run) return;
  globalThis.__LODESTAR_E2E__ = undefined;
  if (run.child) await stop(run.child);
  const cleanups: Promise<unknown>[] = [deleteRedisKeys(run.redisUrl, run.queuePrefix)];
  if (run.database && !process.env.KEEP_E2E_DB) cleanups.push(dropDatabase(run.pgServer, run.database));
  const results = await Promise.allSettled(cleanups);
  rmSync(run.runDir, { recursive: true, force: true });
  for (const result of results) {
    if (result.status === 'rejected') console.warn(`e2e cleanup: ${(result.reason as Error).message}`);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
