import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { datasetSize, loadDataset } from './dataset';
import type { LoadStep } from './dataset';
import { benchPreview } from './preview-bench';
import { ProductProcess } from './product-process';
import { benchFullRefresh, benchIncremental } from './refresh-bench';
import { ScratchDatabase } from './scratch-database';
import { fmtInt, fmtMs } from './stats';
import { printReport } from './report';

/**
 * `npm run bench:segments [-- --scale 1] [--runs 20] [--refresh-runs 3] [--keep] [--reuse]`
 *
 * In one run, on its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lodestar_bench_segments,
 * created, migrated and dropped at the end unless --keep; Redis from REDIS_URL): loads 1,000,000 × scale
 * customers, 5,000,000 × scale orders with line items and 10,000,000 × scale events (deterministic), computes
 * their traits through the product, boots the product in its own process and measures for the segment
 * (a) the preview count over HTTP against the best hand-written count query, (b) a full membership refresh
 * against a plain INSERT … SELECT, (c) an incremental refresh after 10,000 × scale customers changed through the
 * bulk API. `--reuse` skips creating and loading when the database is already there (a kept one: for working
 * on the benchmark itself; its data has aged since it was loaded).
 */
interface Options {
  scale: number;
  runs: number;
  refreshRuns: number;
  keep: boolean;
  reuse: boolean;
}

function numberOption(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
}

function options(argv: string[]): Options {
  const opts = {
    scale: numberOption(argv, '--scale', 1),
    runs: numberOption(argv, '--runs', 20),
    refreshRuns: numberOption(argv, '--refresh-runs', 3),
    keep: argv.includes('--keep'),
    reuse: argv.includes('--reuse'),
  };
  if (!(opts.scale > 0 && opts.scale <= 1)) throw new Error('--scale must be in (0, 1]');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(opts.refreshRuns) || opts.refreshRuns < 1) throw new Error('--refresh-runs must be a positive integer');
  return opts;
}

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lodestar_bench_segments';
const storageDir = join(tmpdir(), 'lodestar-bench-segments');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (line: string) => console.log(line);

async function hasData(db: ScratchDatabase): Promise<boolean> {
  const client = new Client({ connectionString: db.url });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    return (await client.query(`SELECT EXISTS (SELECT 1 FROM customers) AS loaded`)).rows[0].loaded;
  } finally {
    await client.end();
  }
}

async function main() {
  const opts = options(process.argv.slice(2));
  const size = datasetSize(opts.scale);
  const changed = Math.round(10_000 * opts.scale);
  const scratch = new ScratchDatabase(databaseUrl);
  log(
    `Lodestar segments benchmark: ${fmtInt(size.customers)} customers, ${fmtInt(size.orders)} orders, ${fmtInt(size.events)} events; database ${databaseUrl}`,
  );
  log(`  load average at start: ${load()}`);

  const reuse = opts.reuse && (await hasData(scratch));
  if (!reuse) {
    await scratch.recreate();
    log('  scratch database created and migrated');
  }
  const product = await ProductProcess.start(databaseUrl, storageDir);
  const db = new Client({ connectionString: databaseUrl });
  let failed = false;
  try {
    await db.connect();
    await product.login();
    const [{ id: workspaceId }] = (await db.query(`SELECT id FROM workspaces ORDER BY created_at LIMIT 1`)).rows;
    log(`  product listening on ${product.url} (pid ${product.pid}), workspace ${workspaceId}`);

    let loadSteps: LoadStep[] = [];
    if (!reuse) {
      log('Loading (server-side generate_series, deterministic):');
      loadSteps = await loadDataset(db, workspaceId, size, new Date(Math.floor(Date.now() / 1000) * 1000), log);
      const traits = await product.command<{ seconds: number }>({ cmd: 'recomputeTraits', workspaceId });
      loadSteps.push({ label: 'traits (TraitsService.recomputeWorkspace)', rows: 0, seconds: traits.seconds });
      log(`  traits through the product (TraitsService.recomputeWorkspace): ${traits.seconds.toFixed(1)} s`);
      await db.query('VACUUM (ANALYZE) customer_traits');
      await db.query('CHECKPOINT');
    }
    const [{ bytes }] = (await db.query(`SELECT pg_database_size(current_database()) AS bytes`)).rows;
    log(`  database size ${fmtInt(Math.round(Number(bytes) / 1048576))} MB; load average ${load()}`);

    log(`(a) preview: ${opts.runs} runs after a warm-up, product and hand-written interleaved`);
    const preview = await benchPreview(product, db, workspaceId, opts.runs, log);
    if (preview.productCount !== preview.baselineCountAtProductAsOf) {
      failed = true;
      log(
        `  COUNT MISMATCH: the product counted ${preview.productCount}, the hand-written query ${preview.baselineCountAtProductAsOf} at the same asOf ${preview.productAsOf}`,
      );
    }
    log(`  product ${fmtMs(preview.product.median)} median, hand-written ${fmtMs(preview.baseline.timing.median)}; load average ${load()}`);

    log(`(b) full refresh: the creation's, then ${opts.refreshRuns} on demand; INSERT … SELECT ${opts.refreshRuns} times`);
    const full = await benchFullRefresh(product, db, workspaceId, preview.baseline.form, opts.refreshRuns);
    const lastSize = full.manual[full.manual.length - 1]?.refresh.size ?? full.create.refresh.size;
    if (lastSize !== full.baselineSizeAtAsOf) {
      failed = true;
      log(`  SIZE MISMATCH: the refresh kept ${lastSize} members, the hand-written query counts ${full.baselineSizeAtAsOf} at its asOf`);
    }
    log(
      `  create ${fmtMs(full.create.wallMs)}, on demand ${fmtMs(full.manualTiming.median)} median, INSERT … SELECT ${fmtMs(full.baseline.median)}; load average ${load()}`,
    );

    log(`(c) incremental refresh after ${fmtInt(changed)} customers change through the bulk API`);
    const incremental = await benchIncremental(product, db, workspaceId, full.segmentId, preview.baseline.form, changed);
    if (incremental.semanticsDiff !== 0) {
      failed = true;
      log(
        `  MEMBERSHIP MISMATCH: ${incremental.semanticsDiff} members differ from (members before − changed) ∪ (changed matching at asOf)`,
      );
    }
    log(`  ${fmtMs(incremental.run.wallMs)} (${incremental.run.refresh.kind}); load average ${load()}`);

    const memory = await product.command<{ rssMb: number; peakRssMb: number }>({ cmd: 'memory' });
    printReport({ size, loadSteps, preview, full, incremental, memory, loadAverage: load(), scale: opts.scale });
  } finally {
    await db.end().catch(() => undefined);
    await product.stop();
    if (!opts.keep) await scratch.drop();
    await rm(storageDir, { recursive: true, force: true });
  }
  if (failed) {
    console.error('\nFAILED: the product and the hand-written query disagree (see above).');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
