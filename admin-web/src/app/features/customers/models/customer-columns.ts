import type { SortDirection } from '@angular/material/sort';
import type { CustomerSort } from './customer-api';
import { DEFAULT_SORT } from './customer-filter';

export type CustomerColumn =
  | 'name'
  | 'email'
  | 'phone'
  | 'externalId'
  | 'location'
  | 'tags'
  | 'rfmTier'
  | 'churnRisk'
  | 'totalSpent'
  | 'orderCount'
  | 'avgOrderValue'
  | 'lastOrderAt'
  | 'clv'
  | 'engagementScore'
  | 'nightBuyer'
  | 'createdAt';

/** The API sort fields (`CustomerSort` without the `-`). */
export type SortField = Exclude<CustomerSort, `-${string}`>;

export interface ColumnDef {
  key: CustomerColumn;
  label: string;
  /** The API field a click on the header sorts by; absent: not sortable. */
  sort?: SortField;
}

/** Every column the list can show, in table order. */
export const CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'email', label: 'Email', sort: 'email' },
  { key: 'phone', label: 'Phone' },
  { key: 'externalId', label: 'External id' },
  { key: 'location', label: 'Location' },
  { key: 'tags', label: 'Tags' },
  { key: 'rfmTier', label: 'RFM tier' },
  { key: 'churnRisk', label: 'Churn risk' },
  { key: 'totalSpent', label: 'Total spent', sort: 'totalSpent' },
  { key: 'orderCount', label: 'Orders', sort: 'orderCount' },
  { key: 'avgOrderValue', label: 'Avg order' },
  { key: 'lastOrderAt', label: 'Last order', sort: 'lastOrderAt' },
  { key: 'clv', label: 'CLV', sort: 'clv' },
  { key: 'engagementScore', label: 'Engagement', sort: 'engagementScore' },
  { key: 'nightBuyer', label: 'Night buyer' },
  { key: 'createdAt', label: 'Created', sort: 'createdAt' },
];

/** The name identifies the row and links to the customer: it cannot be hidden. */
export const FIXED_COLUMN: CustomerColumn = 'name';

export const DEFAULT_COLUMNS: readonly CustomerColumn[] = [
  'name',
  'email',
  'location',
  'rfmTier',
  'churnRisk',
  'totalSpent',
  'orderCount',
  'lastOrderAt',
];

const KNOWN = new Set(CUSTOMER_COLUMNS.map((c) => c.key));

/** Valid columns in table order, the fixed one always included. */
export function normaliseColumns(keys: readonly string[]): CustomerColumn[] {
  const wanted = new Set([FIXED_COLUMN, ...keys]);
  return CUSTOMER_COLUMNS.map((c) => c.key).filter(
    (k) => wanted.has(k) && KNOWN.has(k),
  );
}

/** What was saved (JSON list of keys), or the defaults when nothing valid was. */
export function parseColumns(saved: string | null): CustomerColumn[] {
  try {
    const keys: unknown = saved ? JSON.parse(saved) : null;
    if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) {
      const columns = normaliseColumns(keys);
      if (columns.length > 1) return columns;
    }
  } catch {
    // A hand-edited or old value: fall back to the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

/** Shows a hidden column or hides a shown one (never the fixed one). */
export function toggleColumn(
  columns: readonly CustomerColumn[],
  key: CustomerColumn,
): CustomerColumn[] {
  if (key === FIXED_COLUMN) return [...columns];
  return columns.includes(key)
    ? columns.filter((c) => c !== key)
    : normaliseColumns([...columns, key]);
}

/** The API sort → the header state of mat-sort. */
export function sortState(sort: CustomerSort): {
  active: SortField;
  direction: 'asc' | 'desc';
} {
  return sort.startsWith('-')
    ? { active: sort.slice(1) as SortField, direction: 'desc' }
    : { active: sort as SortField, direction: 'asc' };
}

/** A header click → the API sort; clearing the sort goes back to the default. */
export function toSort(active: string, direction: SortDirection): CustomerSort {
  const column = CUSTOMER_COLUMNS.find((c) => c.sort === active);
  if (!column?.sort || !direction) return DEFAULT_SORT;
  return direction === 'desc' ? `-${column.sort}` : column.sort;
}
