/** The queue of segment membership refreshes and of the scheduler's tick. */
export const SEGMENT_REFRESH_QUEUE = 'segment-refresh';

export enum SegmentRefreshJobName {
  /** Run one queued `segment_refreshes` row. */
  Run = 'run',
  /** Decide which segments need a refresh and queue them (repeatable, every SEGMENT_REFRESH_TICK_SECONDS). */
  Tick = 'tick',
}

export interface RunSegmentRefreshJob {
  workspaceId: string;
  segmentId: string;
  refreshId: string;
}

export interface SegmentRefreshJobPayloads {
  [SegmentRefreshJobName.Run]: RunSegmentRefreshJob;
  [SegmentRefreshJobName.Tick]: Record<string, never>;
}

/** The Bull job id of a refresh row: a second request while the row is queued adds no second job. */
export const refreshJobId = (refreshId: string) => `refresh-${refreshId}`;

/** The one repeatable tick job. */
export const TICK_JOB_ID = 'segment-refresh-tick';
