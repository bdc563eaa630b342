/**
 * Dates in rule trees. A value is an ISO 8601 date (`2025-03-01`, midnight UTC) or a date-time with a zone
 * (`2025-03-01T10:00:00Z`, `…+02:00`, up to ±14:59), years 1000–9999. A date-only bound means a whole calendar day: `before` a day is
 * before its start, `after` a day is after its end, and `between` includes both days entirely.
 */
import type { TimeWindow } from './segment-rules.types';

export const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d))?$/;

/** ISO instants, as bound to queries (timestamptz keeps microseconds). */
export interface RuleDate {
  /** The instant the text names (midnight UTC for a date). */
  start: string;
  /** The last instant it covers: the day's last microsecond (…T23:59:59.999999Z) for a date, else `start`. */
  end: string;
}

/** The instant(s) of a rule date, or undefined when the text is not one (`2025-02-30`, no zone, years < 1000). */
export function parseRuleDate(text: string): RuleDate | undefined {
  const m = ISO.exec(text);
  if (!m || Number(m[1]) < 1000) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnight = Date.UTC(year, month - 1, day);
  const date = new Date(midnight);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (!m[4]) return { start: date.toISOString(), end: `${text}T23:59:59.999999Z` };
  // Microseconds beyond the milliseconds a Date keeps stay as written.
  return Number.isNaN(Date.parse(text)) ? undefined : { start: text, end: text };
}

/** The instants of a date the validator accepted. */
export function ruleDate(text: string): RuleDate {
  const date = parseRuleDate(text);
  if (!date) throw new Error(`Not a validated rule date: ${text}`);
  return date;
}

/** `days` whole days before `asOf`, as an ISO instant. */
export const daysBefore = (asOf: Date, days: number) => new Date(asOf.getTime() - days * DAY_MS).toISOString();

/** The inclusive instants a window covers (ISO); `ever` is unbounded, `lastDays` ends at `asOf`. */
export function windowRange(window: TimeWindow, asOf: Date): { from?: string; to?: string } {
  switch (window.kind) {
    case 'ever':
      return {};
    case 'lastDays':
      return { from: daysBefore(asOf, window.days), to: asOf.toISOString() };
    case 'between':
      return { from: ruleDate(window.from).start, to: ruleDate(window.to).end };
  }
}
