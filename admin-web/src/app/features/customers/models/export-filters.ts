import type { CustomerExportFilters } from './customer-api';
import { formatDay } from './format';

const SORT_LABELS: Record<string, string> = {
  createdAt: 'created',
  name: 'name',
  email: 'email',
  totalSpent: 'total spent',
  orderCount: 'orders',
  lastOrderAt: 'last order',
  clv: 'CLV',
  engagementScore: 'engagement',
};

/** An export's filters in words, e.g. `search “anna” · RFM tier Champions, Loyal · sorted by total spent ↓`. */
export function describeExportFilters(f: CustomerExportFilters): string {
  const parts: string[] = [];
  const list = (label: string, values?: string[]) => {
    if (values?.length) parts.push(`${label} ${values.join(', ')}`);
  };
  const range = (label: string, min?: number, max?: number) => {
    if (min !== undefined && max !== undefined)
      parts.push(`${label} ${min}–${max}`);
    else if (min !== undefined) parts.push(`${label} ≥ ${min}`);
    else if (max !== undefined) parts.push(`${label} ≤ ${max}`);
  };
  if (f.q) parts.push(`search “${f.q}”`);
  list('country', f.country);
  list('tag', f.tag);
  list('RFM tier', f.rfmTier);
  list('churn risk', f.churnRisk);
  if (f.nightBuyer !== undefined)
    parts.push(f.nightBuyer ? 'night buyers' : 'not night buyers');
  if (f.consentEmail) parts.push(`email consent ${f.consentEmail}`);
  range('spent', f.minTotalSpent, f.maxTotalSpent);
  range('orders', f.minOrderCount, f.maxOrderCount);
  if (f.lastOrderAfter) parts.push(`last order from ${formatDay(f.lastOrderAfter)}`);
  if (f.lastOrderBefore) parts.push(`last order before ${formatDay(f.lastOrderBefore)}`);
  if (f.attr?.length) parts.push(`attributes ${f.attr.join(', ')}`);
  const filters = parts.length ? parts.join(' · ') : 'All customers';
  if (!f.sort) return filters;
  const desc = f.sort.startsWith('-');
  const field = SORT_LABELS[desc ? f.sort.slice(1) : f.sort] ?? f.sort;
  return `${filters} · sorted by ${field} ${desc ? '↓' : '↑'}`;
}
