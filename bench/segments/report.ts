import type { DatasetSize, LoadStep } from './dataset';
import { FORM_TIMEOUT_MS } from './preview-bench';
import type { PreviewResult } from './preview-bench';
import type { FullRefreshResult, IncrementalResult } from './refresh-bench';
import { fmtInt, fmtMs } from './stats';

export interface Report {
  scale: number;
  size: DatasetSize;
  loadSteps: LoadStep[];
  preview: PreviewResult;
  full: FullRefreshResult;
  incremental: IncrementalResult;
  memory: { rssMb: number; peakRssMb: number };
  loadAverage: string;
}

/** Goals of the issue. */
const GOALS = { previewRatio: 1.25, previewP95Ms: 2500, fullRefreshRatio: 3, incrementalMs: 2000 };

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The final figures: load times, then each measurement with its goal. */
export function printReport(r: Report): void {
  const { preview, full, incremental } = r;
  console.log(`\nLoad (${fmtInt(r.size.customers)} customers, ${fmtInt(r.size.orders)} orders, ${fmtInt(r.size.events)} events):`);
  if (r.loadSteps.length) {
    console.log(
      table(
        ['step', 'rows', 'time'],
        r.loadSteps.map((s) => [s.label, s.rows ? fmtInt(s.rows) : '', fmtMs(s.seconds * 1000)]),
      ),
    );
    const total = r.loadSteps.reduce((a, s) => a + s.seconds, 0);
    console.log(`total ${fmtMs(total * 1000)}`);
  } else {
    console.log('(reused a loaded database)');
  }

  console.log('\nHand-written forms of the predicate (count, median):');
  console.log(
    table(
      ['form', 'count', 'median'],
      preview.forms.map((f) => [f.form.name, fmtInt(f.count), fmtMs(f.timing.median)]),
    ),
  );
  for (const name of preview.formsLeftOut) console.log(`${name}: over ${FORM_TIMEOUT_MS / 1000} s, left out`);
  console.log(`baseline = "${preview.baseline.form.name}"`);

  const inc = incremental.run;
  const rows = [
    [
      '(a) preview count, median',
      fmtMs(preview.product.median),
      fmtMs(preview.baseline.timing.median),
      ratio(preview.product.median, preview.baseline.timing.median),
      `≤ ${GOALS.previewRatio}×`,
      verdict(preview.product.median <= GOALS.previewRatio * preview.baseline.timing.median),
    ],
    [
      '(a) preview count, p95',
      fmtMs(preview.product.p95),
      fmtMs(preview.baseline.timing.p95),
      '',
      `< ${fmtMs(GOALS.previewP95Ms)}`,
      verdict(preview.product.p95 < GOALS.previewP95Ms),
    ],
    [
      '(b) full refresh at creation (members empty)',
      fmtMs(full.create.wallMs),
      fmtMs(full.baseline.median),
      ratio(full.create.wallMs, full.baseline.median),
      `≤ ${GOALS.fullRefreshRatio}×`,
      verdict(full.create.wallMs <= GOALS.fullRefreshRatio * full.baseline.median),
    ],
    [
      `(b) full refresh on demand, median of ${full.manual.length}`,
      fmtMs(full.manualTiming.median),
      fmtMs(full.baseline.median),
      ratio(full.manualTiming.median, full.baseline.median),
      `≤ ${GOALS.fullRefreshRatio}×`,
      verdict(full.manualTiming.median <= GOALS.fullRefreshRatio * full.baseline.median),
    ],
    [
      `(c) incremental refresh, ${fmtInt(incremental.changedAsSeen)} changed`,
      fmtMs(inc.wallMs),
      '',
      '',
      `< ${fmtMs(GOALS.incrementalMs)}`,
      verdict(inc.wallMs < GOALS.incrementalMs && inc.refresh.kind === 'incremental'),
    ],
  ];
  console.log(`\n${table(['measure', 'product', 'hand-written', 'ratio', 'goal', 'result'], rows)}`);

  console.log(`
Details:
  (a) product: POST /api/segments/preview over HTTP (count + sample of 20), ${preview.product.samples.length} runs: median ${fmtMs(preview.product.median)}, p95 ${fmtMs(preview.product.p95)};
      its own tookMs (count + sample queries): median ${fmtMs(preview.productTook.median)}, p95 ${fmtMs(preview.productTook.p95)};
      its count SQL alone (SegmentCompiler + countQuery, run with pg): median ${fmtMs(preview.productCountSql.median)} (${ratio(preview.productCountSql.median, preview.baseline.timing.median)} the hand-written);
      hand-written: median ${fmtMs(preview.baseline.timing.median)}, p95 ${fmtMs(preview.baseline.timing.p95)}.
      count: product ${fmtInt(preview.productCount)}, hand-written at the same asOf ${fmtInt(preview.baselineCountAtProductAsOf)} → ${preview.productCount === preview.baselineCountAtProductAsOf ? 'same' : 'DIFFERENT'}
  (b) creation: ${fmtMs(full.create.wallMs)} wall (refresh's own duration ${fmtMs(full.create.refresh.durationMs ?? NaN)}), ${fmtInt(full.create.refresh.size ?? 0)} members;
      on demand: ${full.manual.map((m) => `${fmtMs(m.wallMs)} (own ${fmtMs(m.refresh.durationMs ?? NaN)})`).join(', ')};
      INSERT … SELECT: ${full.baseline.samples.map(fmtMs).join(', ')} for ${fmtInt(full.baselineRows)} rows; hand-written count at the refresh's asOf ${fmtInt(full.baselineSizeAtAsOf)}.
  (c) changes: ${fmtInt(incremental.changes.plan.leavers.length)} members moved to GB, ${fmtInt(incremental.changes.plan.entrants.length)} US/CA openers ordered 600.00, ${fmtInt(incremental.changes.plan.others.length)} others ordered 12.00
      (${incremental.changes.requests} bulk API requests, ${incremental.changes.seconds.toFixed(1)} s, not part of the figure);
      refresh: ${inc.refresh.kind}, ${fmtMs(inc.wallMs)} wall (own ${fmtMs(inc.refresh.durationMs ?? NaN)}), evaluated ${fmtInt(inc.refresh.evaluated)}, +${fmtInt(inc.refresh.added)} −${fmtInt(inc.refresh.removed)}, size ${fmtInt(inc.refresh.size ?? 0)};
      the hand-written predicate over the changed customers only, every part restricted to them: median ${fmtMs(incremental.changedOnly.median)} (${fmtInt(incremental.changedOnlyMatches)} match);
      members vs (before − changed) ∪ (changed matching at asOf): ${incremental.semanticsDiff} differ; vs a full re-evaluation at asOf: ${incremental.fullEvaluationDiff} differ
      (unchanged customers whose relative windows slid since the last full refresh; the scheduler's full refreshes catch them).
  product process (API + workers): RSS ${fmtInt(Math.round(r.memory.rssMb))} MB at the end, peak ${fmtInt(Math.round(r.memory.peakRssMb))} MB.
  load average at the end: ${r.loadAverage} (2 cores shared with other work).`);
}
