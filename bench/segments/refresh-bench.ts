import type { Client } from 'pg';
import { BENCHMARK_RULES, CHANGED_ONLY_FORM, baselineParams } from './benchmark-segment';
import type { BaselineForm } from './benchmark-segment';
import { applyChanges, planChanges } from './customer-changes';
import type { ChangeResult } from './customer-changes';
import type { ProductProcess } from './product-process';
import { sleep, summarize, timeMs } from './stats';
import type { Timing } from './stats';

const POLL_MS = 20;
const DAY_MS = 86_400_000;

/** A refresh as GET /api/segments/{id}/refreshes/{refreshId} shows it. */
interface RefreshDto {
  id: string;
  kind: 'full' | 'incremental';
  status: 'queued' | 'running' | 'completed' | 'failed';
  asOf: string | null;
  evaluated: number;
  size: number | null;
  added: number;
  removed: number;
  durationMs: number | null;
  error: string | null;
}

export interface TimedRefresh {
  /** From the request to the poll that saw it completed. */
  wallMs: number;
  refresh: RefreshDto;
}

export interface FullRefreshResult {
  segmentId: string;
  /** POST /api/segments → its first (full) refresh completed, members table empty before. */
  create: TimedRefresh;
  /** POST /api/segments/{id}/refresh, members in place. */
  manual: TimedRefresh[];
  manualTiming: Timing;
  /** INSERT INTO a scratch table SELECT c.id … (the best hand-written form), into an empty table each time. */
  baseline: Timing;
  baselineRows: number;
  /** The hand-written count at the last refresh's asOf. */
  baselineSizeAtAsOf: number;
}

export interface IncrementalResult {
  changes: ChangeResult;
  /** Customers changed since the previous refresh as the product sees them (profile or traits stamped since). */
  changedAsSeen: number;
  run: TimedRefresh;
  /** Members that differ from (members before, changed customers re-evaluated at the refresh's asOf): must be 0. */
  semanticsDiff: number;
  /** Members that differ from a full re-evaluation at the refresh's asOf (relative windows slide for unchanged customers). */
  fullEvaluationDiff: number;
  /** The hand-written predicate over the changed customers only (CHANGED_ONLY_FORM), and how many of them it matched. */
  changedOnly: Timing;
  changedOnlyMatches: number;
}

async function waitForRefresh(product: ProductProcess, segmentId: string, refreshId: string): Promise<RefreshDto> {
  for (;;) {
    const refresh = await product.expect<RefreshDto>(200, 'GET', `/api/segments/${segmentId}/refreshes/${refreshId}`);
    if (refresh.status === 'completed') return refresh;
    if (refresh.status === 'failed') throw new Error(`refresh ${refreshId} failed: ${refresh.error}`);
    await sleep(POLL_MS);
  }
}

/** The segment's latest refresh (the one its creation queued). */
async function latestRefreshId(db: Client, segmentId: string): Promise<string> {
  const { rows } = await db.query(`SELECT id FROM segment_refreshes WHERE segment_id = $1 ORDER BY created_at DESC LIMIT 1`, [segmentId]);
  if (!rows.length) throw new Error('creating the segment queued no refresh');
  return rows[0].id;
}

/** Waits until the segment has no queued or running refresh (e.g. one the scheduler started). */
async function waitUntilIdle(db: Client, segmentId: string): Promise<void> {
  for (;;) {
    const { rows } = await db.query(`SELECT 1 FROM segment_refreshes WHERE segment_id = $1 AND status IN ('queued', 'running')`, [
      segmentId,
    ]);
    if (!rows.length) return;
    await sleep(100);
  }
}

const SCRATCH = 'bench_scratch_members';

/**
 * (b) A full membership refresh through the product — the one creating the segment starts (empty members), then
 * `runs` on demand (members in place) — against a plain INSERT … SELECT of the best hand-written form into an
 * empty scratch table with a primary key.
 */
export async function benchFullRefresh(
  product: ProductProcess,
  db: Client,
  workspaceId: string,
  form: BaselineForm,
  runs: number,
): Promise<FullRefreshResult> {
  const started = performance.now();
  const segment = await product.expect<{ id: string }>(201, 'POST', '/api/segments', {
    name: `Benchmark segment ${new Date().toISOString()}`,
    rules: BENCHMARK_RULES,
  });
  const createRefresh = await waitForRefresh(product, segment.id, await latestRefreshId(db, segment.id));
  const create = { wallMs: performance.now() - started, refresh: createRefresh };

  const manual: TimedRefresh[] = [];
  for (let i = 0; i < runs; i++) {
    await waitUntilIdle(db, segment.id);
    const t = await timeMs(async () => {
      const queued = await product.expect<RefreshDto>(202, 'POST', `/api/segments/${segment.id}/refresh`);
      return waitForRefresh(product, segment.id, queued.id);
    });
    manual.push({ wallMs: t.ms, refresh: t.value });
  }

  await db.query(`CREATE TABLE ${SCRATCH} (customer_id uuid PRIMARY KEY)`);
  const baselineMs: number[] = [];
  let baselineRows = 0;
  for (let i = 0; i < runs; i++) {
    await db.query(`TRUNCATE ${SCRATCH}`);
    const t = await timeMs(() =>
      db.query(`INSERT INTO ${SCRATCH} (customer_id) SELECT c.id ${form.from}`, baselineParams(workspaceId, new Date())),
    );
    baselineMs.push(t.ms);
    baselineRows = t.value.rowCount ?? 0;
  }
  await db.query(`DROP TABLE ${SCRATCH}`);
  const last = manual[manual.length - 1]?.refresh ?? createRefresh;
  const { rows } = await db.query(`SELECT count(*)::int AS n ${form.from}`, baselineParams(workspaceId, new Date(last.asOf!)));
  return {
    segmentId: segment.id,
    create,
    manual,
    manualTiming: summarize(manual.map((m) => m.wallMs)),
    baseline: summarize(baselineMs),
    baselineRows,
    baselineSizeAtAsOf: rows[0].n,
  };
}

/**
 * (c) `changed` customers change through the bulk ingestion API, then an incremental refresh is requested
 * (SegmentRefreshService.requestRefresh, as the scheduler does) and timed to completion. The members are then
 * checked against the definition of an incremental refresh (members before, minus the changed customers, plus
 * those of them matching at the refresh's asOf) and compared with a full re-evaluation at that asOf.
 */
export async function benchIncremental(
  product: ProductProcess,
  db: Client,
  workspaceId: string,
  segmentId: string,
  form: BaselineForm,
  changed: number,
): Promise<IncrementalResult> {
  await waitUntilIdle(db, segmentId);
  const [{ since }] = (
    await db.query(`SELECT max(changes_from) AS since FROM segment_refreshes WHERE segment_id = $1 AND status = 'completed'`, [segmentId])
  ).rows;
  await db.query(`CREATE TEMPORARY TABLE bench_members_before AS SELECT customer_id FROM segment_members WHERE segment_id = $1`, [
    segmentId,
  ]);

  const plan = await planChanges(db, workspaceId, segmentId, changed, new Date(Date.now() - 30 * DAY_MS));
  const changes = await applyChanges(product, plan);
  // What CustomerChangesService counts as changed: profile or traits stamped at or after the last refresh's watermark.
  const changedSince = (since: string) => `SELECT id FROM customers WHERE workspace_id = $1 AND updated_at >= ${since}
                        UNION SELECT customer_id FROM customer_traits WHERE workspace_id = $1 AND updated_at >= ${since}`;

  const t = await timeMs(async () => {
    const queued = await product.command<{ id: string }>({ cmd: 'requestRefresh', workspaceId, segmentId, kind: 'incremental' });
    return waitForRefresh(product, segmentId, queued.id);
  });
  const run = { wallMs: t.ms, refresh: t.value };

  const params = [...baselineParams(workspaceId, new Date(run.refresh.asOf!)), since, segmentId];
  const [check] = (
    await db.query(
      `WITH changed AS (${changedSince('$5')}),
            matching AS (SELECT c.id ${form.from}),
            members AS (SELECT customer_id AS id FROM segment_members WHERE segment_id = $6),
            expected AS (
              SELECT customer_id AS id FROM bench_members_before WHERE customer_id NOT IN (SELECT id FROM changed)
              UNION SELECT id FROM matching WHERE id IN (SELECT id FROM changed)
            )
       SELECT (SELECT count(*) FROM changed)::int AS changed,
              (SELECT count(*) FROM ((SELECT id FROM members EXCEPT SELECT id FROM expected) UNION ALL (SELECT id FROM expected EXCEPT SELECT id FROM members)) d)::int AS semantics_diff,
              (SELECT count(*) FROM ((SELECT id FROM members EXCEPT SELECT id FROM matching) UNION ALL (SELECT id FROM matching EXCEPT SELECT id FROM members)) d)::int AS full_diff`,
      params,
    )
  ).rows;
  await db.query(`DROP TABLE bench_members_before`);

  const ids = (await db.query(changedSince('$2'), [workspaceId, since])).rows.map((r) => r.id);
  const onlyChanged = () => db.query(`SELECT c.id ${CHANGED_ONLY_FORM.from}`, [...baselineParams(workspaceId, new Date()), ids]);
  const changedOnlyMatches = (await onlyChanged()).rowCount ?? 0;
  const changedOnlyMs: number[] = [];
  for (let i = 0; i < 3; i++) changedOnlyMs.push((await timeMs(onlyChanged)).ms);
  return {
    changes,
    changedAsSeen: check.changed,
    run,
    semanticsDiff: check.semantics_diff,
    fullEvaluationDiff: check.full_diff,
    changedOnly: summarize(changedOnlyMs),
    changedOnlyMatches,
  };
}
