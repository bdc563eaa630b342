/** Where a segment's membership stands. */
export const SEGMENT_STATUSES = ['pending', 'refreshing', 'ready', 'failed'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** A full refresh re-evaluates every customer; an incremental one only those changed since the last refresh. */
export const REFRESH_KINDS = ['full', 'incremental'] as const;
export type RefreshKind = (typeof REFRESH_KINDS)[number];

/** What started a refresh. */
export const REFRESH_TRIGGERS = ['create', 'update', 'manual', 'schedule', 'time', 'change'] as const;
export type RefreshTrigger = (typeof REFRESH_TRIGGERS)[number];

export const REFRESH_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RefreshStatus = (typeof REFRESH_STATUSES)[number];
