import { escapeLike } from '../../../platform/database/escape-like';
import { CONSENT_CHANNELS } from '../customers.types';
import type { CustomerFilters, CustomerKeyset, CustomerSort, CustomerSortField } from './customer-filters';

/** Positional parameters of a SQL text being built: `add` returns the placeholder (`$3`) of a value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The one query behind the customer list and the CSV export: customers (`c`) with their traits (`t`,
 * LEFT JOIN: customers without orders or events have no traits row), filtered, sorted, optionally
 * from a keyset position and limited. Pure: it only writes SQL text and parameters.
 */
export interface CustomerQuery {
  workspaceId: string;
  filters: CustomerFilters;
  sort: CustomerSort;
  after?: CustomerKeyset;
  limit?: number;
}

export type SortValueType = 'timestamptz' | 'text' | 'numeric' | 'integer';

interface SortKey {
  expr: string;
  type: SortValueType;
  /** Nullable keys put NULLs last in both directions. */
  nullable: boolean;
}

/**
 * What each sort orders by. Counters a customer without a traits row would have at zero (total spent,
 * order count, engagement) are coalesced to 0; values that do not exist without orders (last order,
 * CLV) and optional profile fields stay NULL and sort last.
 */
export const SORT_KEYS: Record<CustomerSortField, SortKey> = {
  createdAt: { expr: 'c.created_at', type: 'timestamptz', nullable: false },
  name: { expr: `NULLIF(lower(concat_ws(' ', c.first_name, c.last_name)), '')`, type: 'text', nullable: true },
  email: { expr: 'c.email', type: 'text', nullable: true },
  totalSpent: { expr: 'COALESCE(t.total_spent, 0)', type: 'numeric', nullable: false },
  orderCount: { expr: 'COALESCE(t.order_count, 0)', type: 'integer', nullable: false },
  lastOrderAt: { expr: 't.last_order_at', type: 'timestamptz', nullable: true },
  clv: { expr: 't.clv', type: 'numeric', nullable: true },
  engagementScore: { expr: 'COALESCE(t.engagement_score, 0)::integer', type: 'integer', nullable: false },
};

export function parseSort(sort: CustomerSort): { field: CustomerSortField; descending: boolean; key: SortKey } {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as CustomerSortField;
  return { field, descending, key: SORT_KEYS[field] };
}

/** The list's columns: the profile and the main traits, plus the value the rows are sorted by. */
const COLUMNS = `c.id, c.external_id, c.email, c.phone, c.first_name, c.last_name, c.timezone, c.locale, c.country, c.city,
  c.attributes, c.consent, c.tags, c.created_at, c.updated_at, c.erased_at,
  t.total_spent, t.order_count, t.avg_order_value, t.first_order_at, t.last_order_at, t.rfm_tier, t.churn_risk, t.clv,
  t.engagement_score, t.night_buyer, t.preferred_category`;

export const CUSTOMERS_WITH_TRAITS = 'customers c LEFT JOIN customer_traits t ON t.customer_id = c.id';

/** `SELECT … FROM customers c LEFT JOIN customer_traits t … WHERE … ORDER BY … [LIMIT …]` with its parameters. */
export function buildCustomerQuery(query: CustomerQuery): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const { key, descending } = parseSort(query.sort);
  const where = customerWhere(query.workspaceId, query.filters, p);
  if (query.after) where.push(keysetCondition(key, descending, query.after, p));
  const limit = query.limit === undefined ? '' : ` LIMIT ${p.add(query.limit)}`;
  const sql = `SELECT ${COLUMNS}, ${key.expr} AS sort_value FROM ${CUSTOMERS_WITH_TRAITS} WHERE ${where.join(' AND ')} ORDER BY ${orderBy(key, descending)}${limit}`;
  return { sql, params: p.values };
}

/** The filter conditions (ANDed), scoped to the workspace; the traits join must be `t`. */
export function customerWhere(workspaceId: string, f: CustomerFilters, p: SqlParams): string[] {
  const where = [`c.workspace_id = ${p.add(workspaceId)}`];
  if (!f.includeErased) where.push('c.erased_at IS NULL');
  if (f.q) {
    // The trigram index covers exactly this expression; LIKE wildcards in the term are literal.
    const term = `%${escapeLike(f.q.trim().toLowerCase())}%`;
    where.push(`customer_search_text(c.first_name, c.last_name, c.email, c.phone, c.external_id) LIKE ${p.add(term)} ESCAPE '\\'`);
  }
  if (f.country?.length) where.push(`c.country = ANY(${p.add(f.country)}::bpchar[])`);
  if (f.tag?.length) where.push(`c.tags && ${p.add(f.tag)}::text[]`);
  if (f.rfmTier?.length) where.push(`t.rfm_tier = ANY(${p.add(f.rfmTier)}::text[])`);
  if (f.churnRisk?.length) where.push(`t.churn_risk = ANY(${p.add(f.churnRisk)}::text[])`);
  if (f.nightBuyer !== undefined) where.push(`COALESCE(t.night_buyer, false) = ${p.add(f.nightBuyer)}`);
  if (f.minTotalSpent !== undefined) where.push(`COALESCE(t.total_spent, 0) >= ${p.add(f.minTotalSpent)}::numeric`);
  if (f.maxTotalSpent !== undefined) where.push(`COALESCE(t.total_spent, 0) <= ${p.add(f.maxTotalSpent)}::numeric`);
  if (f.minOrderCount !== undefined) where.push(`COALESCE(t.order_count, 0) >= ${p.add(f.minOrderCount)}::integer`);
  if (f.maxOrderCount !== undefined) where.push(`COALESCE(t.order_count, 0) <= ${p.add(f.maxOrderCount)}::integer`);
  if (f.lastOrderAfter) where.push(`t.last_order_at >= ${p.add(isoInstant(f.lastOrderAfter))}::timestamptz`);
  if (f.lastOrderBefore) where.push(`t.last_order_at < ${p.add(isoInstant(f.lastOrderBefore))}::timestamptz`);
  if (f.createdAfter) where.push(`c.created_at >= ${p.add(isoInstant(f.createdAfter))}::timestamptz`);
  if (f.createdBefore) where.push(`c.created_at < ${p.add(isoInstant(f.createdBefore))}::timestamptz`);
  for (const channel of CONSENT_CHANNELS) {
    const status = f[`consent${channel[0].toUpperCase()}${channel.slice(1)}` as 'consentEmail'];
    if (status) where.push(`c.consent @> ${p.add(JSON.stringify({ [channel]: { status } }))}::jsonb`);
  }
  for (const pair of f.attr ?? []) where.push(attributeCondition(pair, p));
  return where;
}

/**
 * `key:value` as JSONB containment (served by the GIN index on `attributes`). The value is text, so it
 * matches the attribute stored as that string, as the number or boolean it spells, or as one element of
 * a list of strings.
 */
export function attributeCondition(pair: string, p: SqlParams): string {
  const colon = pair.indexOf(':');
  const key = pair.slice(0, colon);
  const text = pair.slice(colon + 1);
  const candidates: unknown[] = [text, [text]];
  if (text.trim() !== '' && Number.isFinite(Number(text))) candidates.push(Number(text));
  if (text === 'true' || text === 'false') candidates.push(text === 'true');
  const tests = candidates.map((value) => `c.attributes @> ${p.add(JSON.stringify({ [key]: value }))}::jsonb`);
  return `(${tests.join(' OR ')})`;
}

/** NULLs last, then the key, then the id as tie-breaker, all in the sort's direction. */
function orderBy(key: SortKey, descending: boolean): string {
  const dir = descending ? 'DESC' : 'ASC';
  const nulls = key.nullable ? `(${key.expr}) IS NULL, ` : '';
  return `${nulls}${key.expr} ${dir}, c.id ${dir}`;
}

/**
 * Rows strictly after `after` in the order of {@link orderBy}. After a row with a value: greater values
 * (smaller when descending), equal values with a later id, then every NULL. After a NULL: only NULLs
 * with a later id.
 */
export function keysetCondition(key: SortKey, descending: boolean, after: CustomerKeyset, p: SqlParams): string {
  const cmp = descending ? '<' : '>';
  const id = p.add(after.id);
  if (after.value === null) return `((${key.expr}) IS NULL AND c.id ${cmp} ${id}::uuid)`;
  const value = `${p.add(after.value)}::${key.type}`;
  const orNull = key.nullable ? ` OR (${key.expr}) IS NULL` : '';
  return `(${key.expr} ${cmp} ${value} OR (${key.expr} = ${value} AND c.id ${cmp} ${id}::uuid)${orNull})`;
}

/** `2024-05-01` or a full ISO timestamp → an unambiguous UTC instant (date-only means midnight UTC). */
const isoInstant = (value: string) => new Date(value).toISOString();
