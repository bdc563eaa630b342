import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from '../../backend/src/app/entities';
import { dataSourceOptions } from '../../backend/src/platform/database/data-source-options';
import { BENCH_COLUMNS, generateCustomerCsv } from './generate-csv';
import type { ImportRunResult } from './import-run';

/**
 * `npm run bench:import [-- --rows 1000000] [--keep] [--no-reimport]`
 *
 * Measures, in one run, for files of rows/4, rows/2 and rows customers (10 columns, deterministic):
 * (a) a plain `COPY … FROM STDIN (FORMAT csv)` of the file into a bare table of 10 text columns, and
 * (b) the product's import path — upload into the file storage through the imports service, then the
 * Bull job parsing, validating and upserting in batches — each import in its own process so its peak
 * memory (RSS) is its own, and (c) the floor of writing those rows into the indexed customers table at all
 * (COPY + one INSERT … SELECT). Then the largest file is imported again (every row an update). Uses its own
 * scratch database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lodestar_bench_import),
 * created and migrated here and dropped at the end unless --keep; Redis from REDIS_URL.
 */
interface Options {
  rows: number;
  keep: boolean;
  reimport: boolean;
}

function options(argv: string[]): Options {
  const at = argv.indexOf('--rows');
  const rows = at >= 0 ? Number(argv[at + 1]) : 1_000_000;
  if (!Number.isInteger(rows) || rows < 100) throw new Error('--rows must be an integer of at least 100');
  return { rows, keep: argv.includes('--keep'), reimport: !argv.includes('--no-reimport') };
}

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lodestar_bench_import';
const workDir = join(tmpdir(), 'lodestar-bench-import');

async function recreateDatabase(): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: new URL('/postgres', databaseUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const ds = new DataSource(dataSourceOptions(databaseUrl, ENTITIES, MIGRATIONS));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}

async function dropDatabase(): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: new URL('/postgres', databaseUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** (a) The baseline: the same file into a bare 10-text-column table with COPY. */
async function timeCopy(db: Client, file: string): Promise<number> {
  await db.query(`DROP TABLE IF EXISTS bench_copy`);
  await db.query(`CREATE TABLE bench_copy (${BENCH_COLUMNS.map((c) => `${c} text`).join(', ')})`);
  await db.query('CHECKPOINT');
  const started = performance.now();
  await pipeline(createReadStream(file), db.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE bench_copy`);
  return seconds;
}

/**
 * (c) The floor of any import into the real table: the file COPYed into a text table, then one INSERT … SELECT
 * into `customers` (all its indexes: unique keys, trigram search, GIN on attributes and tags) for a fresh
 * workspace — no parsing, validation or matching. Time of both statements.
 */
async function timeCopyIntoCustomers(db: Client, file: string): Promise<number> {
  await db.query(`CREATE TABLE bench_copy (${BENCH_COLUMNS.map((c) => `${c} text`).join(', ')})`);
  const [{ id }] = (await db.query(`INSERT INTO workspaces (name) VALUES ('COPY floor') RETURNING id`)).rows;
  await db.query('CHECKPOINT');
  const started = performance.now();
  await pipeline(createReadStream(file), db.query(copyFrom(`COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
  await db.query(
    `INSERT INTO customers (workspace_id, external_id, email, first_name, last_name, phone, country, city, attributes)
     SELECT $1, customer_id, lower(email), first_name, last_name, phone, country, city,
            jsonb_build_object('signup_date', signup_date, 'lifetime_value', lifetime_value, 'newsletter', newsletter)
     FROM bench_copy`,
    [id],
  );
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE bench_copy`);
  return seconds;
}

/** (b) One import in a child process (see import-run.ts). */
function runImport(file: string, rows: number, workspaceId = ''): Promise<ImportRunResult & { workspaceId: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'import-run.js'), databaseUrl, file, String(rows), join(workDir, 'storage'), workspaceId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`import run exited with ${code}: ${out}`));
      resolve(JSON.parse(line.slice(7)));
    });
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  const opts = options(process.argv.slice(2));
  const sizes = [...new Set([Math.round(opts.rows / 4), Math.round(opts.rows / 2), opts.rows])];
  await mkdir(workDir, { recursive: true });
  console.log(`Lodestar import benchmark: ${sizes.map((s) => fmt(s)).join(' / ')} rows, ${BENCH_COLUMNS.length} columns; database ${databaseUrl}`);

  const files: Record<number, { path: string; bytes: number }> = {};
  for (const rows of sizes) {
    const path = join(workDir, `customers-${rows}.csv`);
    const bytes = await generateCustomerCsv(path, rows);
    files[rows] = { path, bytes };
    console.log(`  generated ${path} (${fmt(bytes / 1048576, 1)} MB)`);
  }
  await recreateDatabase();
  console.log('  scratch database created and migrated');

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const results: { label: string; rows: number; mb: number; copy: number; floor: number; run: ImportRunResult }[] = [];
  let largest: { workspaceId: string } | undefined;
  for (const rows of sizes) {
    // each measurement into the customers table starts from an empty table
    const copy = await timeCopy(db, files[rows].path);
    await db.query('TRUNCATE customers CASCADE');
    const floor = await timeCopyIntoCustomers(db, files[rows].path);
    await db.query('TRUNCATE customers CASCADE');
    await db.query('CHECKPOINT');
    const run = await runImport(files[rows].path, rows);
    console.log(`  ${fmt(rows)} rows: COPY ${fmt(copy, 2)} s, COPY+INSERT into customers ${fmt(floor, 2)} s, import ${fmt(run.importSeconds, 2)} s (${run.status}), peak RSS ${fmt(run.peakRssMb)} MB`);
    results.push({ label: 'new customers', rows, mb: files[rows].bytes / 1048576, copy, floor, run });
    largest = run;
  }
  if (opts.reimport && largest) {
    const rows = opts.rows;
    await db.query('CHECKPOINT');
    const run = await runImport(files[rows].path, rows, largest.workspaceId);
    const { copy, floor } = results[results.length - 1];
    console.log(`  ${fmt(rows)} rows again: import ${fmt(run.importSeconds, 2)} s (${run.status})`);
    results.push({ label: 'same file again', rows, mb: files[rows].bytes / 1048576, copy, floor, run });
  }
  await db.end();

  const header = ['rows', 'file MB', 'import of', 'COPY s', 'COPY rows/s', 'floor s', 'import s', 'import rows/s', 'import/COPY', 'import/floor', 'created', 'updated', 'rejected', 'RSS base MB', 'RSS peak MB'];
  const table = results.map(({ label, rows, mb, copy, floor, run }) => [
    fmt(rows),
    fmt(mb, 1),
    label,
    fmt(copy, 2),
    fmt(rows / copy),
    fmt(floor, 2),
    fmt(run.importSeconds, 2),
    fmt(rows / run.importSeconds),
    `${fmt(run.importSeconds / copy, 1)}×`,
    `${fmt(run.importSeconds / floor, 1)}×`,
    fmt(run.created),
    fmt(run.updated),
    fmt(run.rejected),
    fmt(run.baselineRssMb),
    fmt(run.peakRssMb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${table.map(line).join('\n')}`);
  console.log(
    '\nCOPY: the file into a bare table of 10 text columns. floor: COPY into a text table + one INSERT … SELECT into customers with all its indexes (no parsing, validation or matching).' +
      '\nimport: the Bull job (parse, map, validate, upsert in batches with rejected rows and progress), file already in storage.' +
      '\nRSS: the import process before the job started (base) and its peak while it ran. One row in 1,000 has a broken email (rejected by design).',
  );

  if (!opts.keep) await dropDatabase();
  await rm(workDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
