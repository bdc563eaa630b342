import type { RefreshKind, RefreshTrigger } from '../segments.types';
import type { SegmentRefreshState } from './segment-refresh.repository';

export interface RefreshPlanConfig {
  /** A time-relative segment is fully refreshed when its last full refresh was asked for this long ago. */
  timeRefreshMs: number;
  /** Every segment is fully refreshed at least this often; a segment that is not ready is retried this often. */
  fullRefreshMs: number;
}

export interface PlannedRefresh {
  workspaceId: string;
  segmentId: string;
  kind: RefreshKind;
  trigger: RefreshTrigger;
}

/**
 * What the scheduler's tick queues, given each segment's refresh state, the latest customer change of each
 * workspace and the time. Per segment, the first that applies:
 * - never refreshed → full (`schedule`);
 * - time-relative and its last full refresh asked for at least `timeRefreshMs` ago → full (`time`): membership drifts
 *   as time passes even when no data changes;
 * - not ready (failed, or a refresh lost its worker) and its last full refresh asked for at least `timeRefreshMs`
 *   ago → full (`schedule`): a retry that does not hammer a segment that keeps failing;
 * - last full refresh asked for at least `fullRefreshMs` ago → full (`schedule`): the daily full refresh;
 * - ready, and a customer of the workspace changed at or after its last refresh's watermark → incremental (`change`).
 * Requests join a refresh already queued for the segment, so planning a segment twice is harmless.
 */
export function planRefreshes(
  states: SegmentRefreshState[],
  latestChanges: ReadonlyMap<string, Date | null>,
  now: Date,
  config: RefreshPlanConfig,
): PlannedRefresh[] {
  const planned: PlannedRefresh[] = [];
  for (const s of states) {
    const due = decide(s, latestChanges.get(s.workspaceId) ?? null, now, config);
    if (due) planned.push({ workspaceId: s.workspaceId, segmentId: s.segmentId, ...due });
  }
  return planned;
}

function decide(
  s: SegmentRefreshState,
  latestChange: Date | null,
  now: Date,
  config: RefreshPlanConfig,
): Pick<PlannedRefresh, 'kind' | 'trigger'> | null {
  if (!s.lastFullRequestedAt) return { kind: 'full', trigger: 'schedule' };
  const sinceFull = now.getTime() - s.lastFullRequestedAt.getTime();
  if (s.timeRelative && sinceFull >= config.timeRefreshMs) return { kind: 'full', trigger: 'time' };
  if (s.status !== 'ready' && sinceFull >= config.timeRefreshMs) return { kind: 'full', trigger: 'schedule' };
  if (sinceFull >= config.fullRefreshMs) return { kind: 'full', trigger: 'schedule' };
  if (s.status === 'ready' && s.changesFrom && latestChange && latestChange >= s.changesFrom)
    return { kind: 'incremental', trigger: 'change' };
  return null;
}
