import type { Tone } from '../../customers/models/traits';
import type { SegmentRefresh, SegmentStatus } from './segment-api';

export const STATUS_TEXT: Record<SegmentStatus, { label: string; tone: Tone; help: string }> = {
  pending: { label: 'Pending', tone: 'neutral', help: 'Waiting for its first refresh.' },
  refreshing: { label: 'Refreshing', tone: 'neutral', help: 'Its membership is being recomputed.' },
  ready: { label: 'Ready', tone: 'good', help: 'Its members are up to date as of the last refresh.' },
  failed: { label: 'Failed', tone: 'bad', help: 'The last refresh failed; the members are those of the refresh before.' },
};

/** A segment whose membership is being (re)computed: worth checking again shortly. */
export const awaitingMembers = (s: { status: SegmentStatus }) => s.status === 'pending' || s.status === 'refreshing';

/** A refresh still queued or running. */
export const refreshUnderWay = (r: SegmentRefresh) => r.status === 'queued' || r.status === 'running';

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** `5 minutes ago`, `yesterday`, `just now`; `never` for no time. */
export function relativeTime(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** What the "time-relative" mark on a segment means. */
export const TIME_RELATIVE_HINT =
  'Time-relative: its rules use windows such as "in the last 30 days", so customers join and leave as time passes, not only when their data changes.';
