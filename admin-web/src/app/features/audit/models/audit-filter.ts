import { FormControl, FormGroup } from '@angular/forms';

export interface AuditFilter {
  actorId: string;
  action: string;
  objectType: string;
  from: Date | null;
  to: Date | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  actorId: '',
  action: '',
  objectType: '',
  from: null,
  to: null,
};

export type AuditFilterForm = FormGroup<{
  actorId: FormControl<string>;
  action: FormControl<string>;
  objectType: FormControl<string>;
  from: FormControl<Date | null>;
  to: FormControl<Date | null>;
}>;

export interface AuditQuery {
  actorId?: string;
  action?: string;
  objectType?: string;
  from?: string;
  to?: string;
}

/** Filter → API query: blanks dropped, the date range covering whole local days. */
export function toAuditQuery(filter: AuditFilter): AuditQuery {
  const query: AuditQuery = {};
  if (filter.actorId.trim()) query.actorId = filter.actorId.trim();
  if (filter.action.trim()) query.action = filter.action.trim();
  if (filter.objectType.trim()) query.objectType = filter.objectType.trim();
  if (filter.from) {
    const from = new Date(filter.from);
    from.setHours(0, 0, 0, 0);
    query.from = from.toISOString();
  }
  if (filter.to) {
    // The API's upper bound is exclusive: the start of the next day covers the whole chosen day.
    const to = new Date(filter.to);
    to.setHours(0, 0, 0, 0);
    to.setDate(to.getDate() + 1);
    query.to = to.toISOString();
  }
  return query;
}

/** Top-level keys whose values differ between before and after; none for a creation or a deletion. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (
    !before ||
    !after ||
    typeof before !== 'object' ||
    typeof after !== 'object'
  )
    return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .sort();
}
