import type { Client } from 'pg';
import { BASELINE_FORMS, BENCHMARK_RULES, baselineParams } from './benchmark-segment';
import type { BaselineForm } from './benchmark-segment';
import type { ProductProcess } from './product-process';
import { summarize, timeMs } from './stats';
import type { Timing } from './stats';

export interface FormTiming {
  form: BaselineForm;
  timing: Timing;
  count: number;
}

export interface PreviewResult {
  /** The forms that finished within FORM_TIMEOUT_MS, with their timings, and the names of those that did not. */
  forms: FormTiming[];
  formsLeftOut: string[];
  baseline: FormTiming;
  /** POST /api/segments/preview, wall clock over HTTP. */
  product: Timing;
  /** The `tookMs` the product reports (its count and sample queries). */
  productTook: Timing;
  /** The product's count SQL (compiler + countQuery) run directly with pg: the compiled form without the preview's sample and HTTP. */
  productCountSql: Timing;
  productCount: number;
  /** The hand-written count at the preview's own `asOf`. */
  baselineCountAtProductAsOf: number;
  productAsOf: string;
}

/** PostgreSQL's query_canceled (statement_timeout). */
const QUERY_CANCELED = '57014';

const countSql = (form: BaselineForm) => `SELECT count(*)::int AS n ${form.from}`;

async function countWith(db: Client, form: BaselineForm, workspaceId: string, asOf: Date): Promise<number> {
  return (await db.query(countSql(form), baselineParams(workspaceId, asOf))).rows[0].n;
}

/** A form slower than this is dropped from the choice of the baseline (some forms get plans that never finish). */
export const FORM_TIMEOUT_MS = 60_000;

/** Each hand-written form: one warm-up, then `runs` timed counts; the fastest median is the baseline. */
async function timeForms(
  db: Client,
  workspaceId: string,
  runs: number,
  log: (line: string) => void,
): Promise<{ timings: FormTiming[]; leftOut: string[] }> {
  const timings: FormTiming[] = [];
  const leftOut: string[] = [];
  await db.query(`SET statement_timeout = ${FORM_TIMEOUT_MS}`);
  try {
    for (const form of BASELINE_FORMS) {
      const samples: number[] = [];
      let count = -1;
      try {
        count = await countWith(db, form, workspaceId, new Date());
        for (let i = 0; i < runs; i++) {
          const run = await timeMs(() => countWith(db, form, workspaceId, new Date()));
          samples.push(run.ms);
          count = run.value;
        }
      } catch (error) {
        if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
        log(`  hand-written "${form.name}": over ${FORM_TIMEOUT_MS / 1000} s, left out`);
        leftOut.push(form.name);
        continue;
      }
      const timing = summarize(samples);
      timings.push({ form, timing, count });
      log(`  hand-written "${form.name}": median ${Math.round(timing.median)} ms, count ${count}`);
    }
  } finally {
    await db.query(`RESET statement_timeout`);
  }
  const counts = new Set(timings.map((t) => t.count));
  if (counts.size > 1) log(`  note: the forms' counts differ (${[...counts].join(', ')}): windows slid between runs, or a form is wrong`);
  return { timings, leftOut };
}

/**
 * (a) The preview count of the benchmark segment through the product (POST /api/segments/preview) against the
 * best hand-written count, interleaved (product, then baseline, `runs` times after one warm-up each) so that
 * both see the same load on the machine.
 */
export async function benchPreview(
  product: ProductProcess,
  db: Client,
  workspaceId: string,
  runs: number,
  log: (line: string) => void,
): Promise<PreviewResult> {
  const { timings: forms, leftOut } = await timeForms(db, workspaceId, Math.min(runs, 3), log);
  if (!forms.length) throw new Error('no hand-written form finished in time');
  const best = forms.reduce((a, b) => (b.timing.median < a.timing.median ? b : a));
  log(`  baseline: "${best.form.name}"`);

  const preview = () =>
    product.expect<{ count: number; asOf: string; tookMs: number }>(200, 'POST', '/api/segments/preview', { rules: BENCHMARK_RULES });
  await preview();
  await countWith(db, best.form, workspaceId, new Date());
  const productMs: number[] = [];
  const took: number[] = [];
  const baselineMs: number[] = [];
  let last = { count: -1, asOf: '', tookMs: 0 };
  for (let i = 0; i < runs; i++) {
    const p = await timeMs(preview);
    productMs.push(p.ms);
    took.push(p.value.tookMs);
    last = p.value;
    baselineMs.push((await timeMs(() => countWith(db, best.form, workspaceId, new Date()))).ms);
  }
  const baselineCountAtProductAsOf = await countWith(db, best.form, workspaceId, new Date(last.asOf));

  const compiled = await product.command<{ sql: string; params: unknown[] }>({
    cmd: 'countSql',
    workspaceId,
    rules: BENCHMARK_RULES,
    asOf: new Date().toISOString(),
  });
  await db.query(compiled.sql, compiled.params);
  const countSqlMs: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) countSqlMs.push((await timeMs(() => db.query(compiled.sql, compiled.params))).ms);

  return {
    forms,
    formsLeftOut: leftOut,
    baseline: { ...best, timing: summarize(baselineMs) },
    product: summarize(productMs),
    productTook: summarize(took),
    productCountSql: summarize(countSqlMs),
    productCount: last.count,
    baselineCountAtProductAsOf,
    productAsOf: last.asOf,
  };
}
