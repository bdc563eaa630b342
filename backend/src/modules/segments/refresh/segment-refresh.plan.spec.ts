import type { SegmentRefreshState } from './segment-refresh.repository';
import { planRefreshes } from './segment-refresh.plan';
import type { RefreshPlanConfig } from './segment-refresh.plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const config: RefreshPlanConfig = { timeRefreshMs: 60 * MINUTE, fullRefreshMs: 24 * HOUR };
/** The fake clock: every time below is relative to it. */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let n = 0;
const segment = (overrides: Partial<SegmentRefreshState> = {}): SegmentRefreshState => ({
  segmentId: `segment-${++n}`,
  workspaceId: 'ws-1',
  status: 'ready',
  timeRelative: false,
  lastFullRequestedAt: ago(10 * MINUTE),
  changesFrom: ago(5 * MINUTE),
  ...overrides,
});

const plan = (states: SegmentRefreshState[], latest: Record<string, Date | null> = {}, now = NOW) =>
  planRefreshes(states, new Map(Object.entries(latest)), now, config).map(({ segmentId, kind, trigger }) => ({ segmentId, kind, trigger }));

describe('planRefreshes (the scheduler tick, fake clock)', () => {
  it('queues nothing for a fresh segment of a workspace without changes since its last refresh', () => {
    const s = segment();
    expect(plan([s], { 'ws-1': ago(6 * MINUTE) })).toEqual([]);
    expect(plan([s], {})).toEqual([]);
  });

  it('queues an incremental refresh when a customer of the workspace changed at or after the last refresh’s watermark', () => {
    const s = segment({ changesFrom: ago(5 * MINUTE) });
    expect(plan([s], { 'ws-1': ago(5 * MINUTE) })).toEqual([{ segmentId: s.segmentId, kind: 'incremental', trigger: 'change' }]);
    expect(plan([s], { 'ws-1': ago(MINUTE) })).toEqual([{ segmentId: s.segmentId, kind: 'incremental', trigger: 'change' }]);
  });

  it('looks at the segment’s own workspace only', () => {
    const s = segment({ workspaceId: 'ws-2' });
    expect(plan([s], { 'ws-1': ago(MINUTE), 'ws-2': ago(HOUR) })).toEqual([]);
    expect(plan([s], { 'ws-1': ago(HOUR), 'ws-2': ago(MINUTE) })).toEqual([
      { segmentId: s.segmentId, kind: 'incremental', trigger: 'change' },
    ]);
  });

  it('re-evaluates a time-relative segment fully once its last full refresh is SEGMENT_TIME_REFRESH_MINUTES old, with no data change', () => {
    const s = segment({ timeRelative: true, lastFullRequestedAt: ago(59 * MINUTE) });
    expect(plan([s])).toEqual([]);
    expect(plan([s], {}, new Date(NOW.getTime() + MINUTE))).toEqual([{ segmentId: s.segmentId, kind: 'full', trigger: 'time' }]);
    // the same age on a segment without relative windows is not due
    expect(plan([{ ...s, timeRelative: false }], {}, new Date(NOW.getTime() + MINUTE))).toEqual([]);
  });

  it('prefers the full time refresh to an incremental one when both are due', () => {
    const s = segment({ timeRelative: true, lastFullRequestedAt: ago(2 * HOUR) });
    expect(plan([s], { 'ws-1': ago(MINUTE) })).toEqual([{ segmentId: s.segmentId, kind: 'full', trigger: 'time' }]);
  });

  it('fully refreshes every segment once a day', () => {
    const s = segment({ lastFullRequestedAt: ago(24 * HOUR - MINUTE) });
    expect(plan([s])).toEqual([]);
    expect(plan([s], {}, new Date(NOW.getTime() + MINUTE))).toEqual([{ segmentId: s.segmentId, kind: 'full', trigger: 'schedule' }]);
  });

  it('fully refreshes a segment that was never refreshed', () => {
    const s = segment({ status: 'pending', lastFullRequestedAt: null, changesFrom: null });
    expect(plan([s])).toEqual([{ segmentId: s.segmentId, kind: 'full', trigger: 'schedule' }]);
  });

  it('retries a failed segment with a full refresh, at most every SEGMENT_TIME_REFRESH_MINUTES, and never incrementally', () => {
    const failed = segment({ status: 'failed', lastFullRequestedAt: ago(30 * MINUTE) });
    expect(plan([failed], { 'ws-1': ago(MINUTE) })).toEqual([]);
    expect(plan([{ ...failed, lastFullRequestedAt: ago(HOUR) }])).toEqual([
      { segmentId: failed.segmentId, kind: 'full', trigger: 'schedule' },
    ]);
  });

  it('leaves a segment whose refresh is running to that refresh until it is overdue', () => {
    const running = segment({ status: 'refreshing', lastFullRequestedAt: ago(MINUTE) });
    expect(plan([running], { 'ws-1': ago(0) })).toEqual([]);
  });

  it('plans each segment on its own', () => {
    const quiet = segment();
    const changed = segment({ changesFrom: ago(30 * MINUTE) });
    const drifting = segment({ timeRelative: true, lastFullRequestedAt: ago(3 * HOUR) });
    expect(plan([quiet, changed, drifting], { 'ws-1': ago(20 * MINUTE) })).toEqual([
      { segmentId: changed.segmentId, kind: 'incremental', trigger: 'change' },
      { segmentId: drifting.segmentId, kind: 'full', trigger: 'time' },
    ]);
  });
});
