/**
 * The SQL vocabulary the segment compiler composes: the only place outside the customers module's own
 * repositories that knows the names of its tables and columns (customers, customer_traits, orders,
 * order_items, customer_events). Pure text builders: every value reaches them as a placeholder (`$n`) the
 * caller bound; nothing here splices a value into SQL.
 */
import { ATTRIBUTE_NAME } from '../ingest/customer-validation';

/** Custom attribute names (and the event property keys segments may filter on): the ingest rule. */
export const CUSTOMER_ATTRIBUTE_KEY = ATTRIBUTE_NAME;

/** Customers (`c`) with their traits (`t`, LEFT JOIN: customers without orders or events have no traits row). */
export const CUSTOMER_FROM = 'customers c LEFT JOIN customer_traits t ON t.customer_id = c.id';
export const CUSTOMER_ID = 'c.id';

/** The customers a segment may hold: those of the workspace that were not erased. */
export const customerScope = (workspace: string) => `c.workspace_id = ${workspace} AND c.erased_at IS NULL`;

/** Columns of a customer shown in segment samples. */
export const CUSTOMER_SAMPLE_COLUMNS =
  'c.id, c.email, c.first_name AS "firstName", c.last_name AS "lastName", c.country, t.rfm_tier AS "rfmTier", COALESCE(t.total_spent, 0) AS "totalSpent"';

/** The SQL type a value is read as; parameters compared with it are cast to the same type. */
export type SqlValueType = 'text' | 'bpchar' | 'numeric' | 'timestamptz' | 'boolean' | 'text[]' | 'jsonb';

/** A value of a customer as SQL: `nullable` says whether it can be NULL (a missing value). */
export interface SqlValue {
  sql: string;
  type: SqlValueType;
  nullable: boolean;
}

const col = (sql: string, type: SqlValueType, nullable = true): SqlValue => ({ sql, type, nullable });
const consent = (channel: string) => col(`(c.consent -> '${channel}' ->> 'status')`, 'text');

/**
 * Built-in fields by catalogue key. Counters and flags a customer without a traits row would have at zero
 * (total spent, order count, engagement, event count, night buyer) read as 0 / false, as in the customer list.
 */
export const CUSTOMER_FIELD_SQL = {
  'profile.email': col('c.email', 'text'),
  'profile.firstName': col('c.first_name', 'text'),
  'profile.lastName': col('c.last_name', 'text'),
  'profile.phone': col('c.phone', 'text'),
  'profile.externalId': col('c.external_id', 'text'),
  'profile.city': col('c.city', 'text'),
  'profile.country': col('c.country', 'bpchar'),
  'profile.timezone': col('c.timezone', 'text'),
  'profile.locale': col('c.locale', 'text'),
  'profile.tags': col('c.tags', 'text[]', false),
  'profile.createdAt': col('c.created_at', 'timestamptz', false),
  'consent.email': consent('email'),
  'consent.sms': consent('sms'),
  'consent.push': consent('push'),
  'traits.totalSpent': col('COALESCE(t.total_spent, 0)', 'numeric', false),
  'traits.orderCount': col('COALESCE(t.order_count, 0)', 'numeric', false),
  'traits.avgOrderValue': col('t.avg_order_value', 'numeric'),
  'traits.firstOrderAt': col('t.first_order_at', 'timestamptz'),
  'traits.lastOrderAt': col('t.last_order_at', 'timestamptz'),
  'traits.recencyScore': col('t.recency_score', 'numeric'),
  'traits.frequencyScore': col('t.frequency_score', 'numeric'),
  'traits.monetaryScore': col('t.monetary_score', 'numeric'),
  'traits.rfmTier': col('t.rfm_tier', 'text'),
  'traits.clv': col('t.clv', 'numeric'),
  'traits.churnRisk': col('t.churn_risk', 'text'),
  'traits.preferredCategory': col('t.preferred_category', 'text'),
  'traits.preferredHour': col('t.preferred_hour', 'numeric'),
  'traits.nightBuyer': col('COALESCE(t.night_buyer, false)', 'boolean', false),
  'traits.engagementScore': col('COALESCE(t.engagement_score, 0)', 'numeric', false),
  'traits.eventCount': col('COALESCE(t.event_count, 0)', 'numeric', false),
  'traits.lastEventAt': col('t.last_event_at', 'timestamptz'),
} as const satisfies Record<string, SqlValue>;
export type CustomerFieldKey = keyof typeof CUSTOMER_FIELD_SQL;

/** How a JSON value (custom attribute, event property) is read. */
export type JsonValueType = 'string' | 'number' | 'date' | 'boolean' | 'list';

const NUMBER_TEXT = String.raw`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,3})?$`;
/** `YYYY-MM-DD`, or a date-time with seconds optional and a zone (`Z` or `±hh:mm`, up to 14 h); years 1000–9999. */
const DATE_TEXT = String.raw`^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9]))?$`;

/**
 * A JSON member (`json -> key`) read as `type`, NULL when absent or not readable as that type, and never
 * raising on malformed data (imports and integrations often store attributes as strings):
 * - string: a JSON string;
 * - number: a JSON number, or a JSON string that is exactly a decimal number (`42`, `-1.5`, `2e3`);
 * - boolean: JSON true/false, or the JSON strings "true"/"false" in any case;
 * - date: a JSON string holding an ISO date (midnight UTC) or date-time with a zone, naming a real day (the
 *   day is checked against the month's length before the cast);
 * - list: a JSON array of strings.
 */
export function jsonValueSql(json: string, key: string, type: JsonValueType): SqlValue {
  const member = `${json} -> ${key}::text`;
  const text = `(${json} ->> ${key}::text)`;
  switch (type) {
    case 'string':
      return col(`(CASE WHEN jsonb_typeof(${member}) = 'string' THEN ${text} END)`, 'text');
    case 'number':
      return col(
        `(CASE jsonb_typeof(${member}) WHEN 'number' THEN ${text}::numeric WHEN 'string' THEN CASE WHEN ${text} ~ '${NUMBER_TEXT}' THEN ${text}::numeric END END)`,
        'numeric',
      );
    case 'boolean':
      return col(
        `(CASE jsonb_typeof(${member}) WHEN 'boolean' THEN ${text}::boolean WHEN 'string' THEN CASE lower(${text}) WHEN 'true' THEN true WHEN 'false' THEN false END END)`,
        'boolean',
      );
    case 'list':
      return col(`(CASE WHEN jsonb_typeof(${member}) = 'array' AND NOT jsonb_path_exists(${member}, '$[*] ? (@.type() != "string")') THEN ${member} END)`, 'jsonb');
    case 'date': {
      const monthLength = `extract(day from make_date(substr(${text}, 1, 4)::int, substr(${text}, 6, 2)::int, 1) + interval '1 month - 1 day')`;
      const instant = `(CASE WHEN length(${text}) = 10 THEN ${text} || 'T00:00:00Z' ELSE ${text} END)::timestamptz`;
      return col(
        `(CASE WHEN jsonb_typeof(${member}) = 'string' AND ${text} ~ '${DATE_TEXT}' THEN CASE WHEN substr(${text}, 9, 2)::int <= ${monthLength} THEN ${instant} END END)`,
        'timestamptz',
      );
    }
  }
}

/** A custom attribute of the customer, by the placeholder of its key. */
export const attributeSql = (key: string, type: JsonValueType) => jsonValueSql('c.attributes', key, type);
/** A property of the event `e` of {@link eventsSql}, by the placeholder of its key. */
export const eventPropertySql = (key: string, type: JsonValueType) => jsonValueSql('e.properties', key, type);

/** Placeholders of an inclusive time range; either end may be open. */
export interface TimeRange {
  from?: string;
  to?: string;
}

/** A set of rows of one customer's history, and the aggregate the condition compares. */
export interface HistorySql {
  from: string;
  where: string[];
  /** The column holding the customer id. */
  customerId: string;
  aggregate: string;
}

const range = (column: string, r: TimeRange) => [
  ...(r.from ? [`${column} >= ${r.from}::timestamptz`] : []),
  ...(r.to ? [`${column} <= ${r.to}::timestamptz`] : []),
];

export interface OrdersSpec {
  workspace: string;
  measure: 'count' | 'sum';
  range: TimeRange;
  /** Placeholders of text[]: only lines in these categories or of these products count. */
  categories?: string;
  products?: string;
}

/**
 * Orders in a time range, counted or summed (`amount`); with categories/products, only orders holding a
 * matching line count and the sum adds those lines' quantity × unit price. Uses orders (workspace_id,
 * placed_at) and order_items (workspace_id, category|product).
 */
export function ordersSql(spec: OrdersSpec): HistorySql {
  const where = [`o.workspace_id = ${spec.workspace}`, ...range('o.placed_at', spec.range)];
  if (!spec.categories && !spec.products) {
    return { from: 'orders o', where, customerId: 'o.customer_id', aggregate: spec.measure === 'count' ? 'count(*)' : 'sum(o.amount)' };
  }
  const lines = [
    ...(spec.categories ? [`i.category = ANY(${spec.categories}::text[])`] : []),
    ...(spec.products ? [`i.product = ANY(${spec.products}::text[])`] : []),
  ];
  return {
    from: 'orders o JOIN order_items i ON i.order_id = o.id',
    where: [...where, `i.workspace_id = ${spec.workspace}`, lines.length > 1 ? `(${lines.join(' OR ')})` : lines[0]],
    customerId: 'o.customer_id',
    aggregate: spec.measure === 'count' ? 'count(DISTINCT o.id)' : 'sum(i.quantity * i.unit_price)',
  };
}

export interface EventsSpec {
  workspace: string;
  type: string;
  range: TimeRange;
  /** Predicates over the event `e` (see {@link eventPropertySql}). */
  filters: string[];
}

/** Events of one type in a time range, counted; uses customer_events (workspace_id, type, occurred_at). */
export function eventsSql(spec: EventsSpec): HistorySql {
  return {
    from: 'customer_events e',
    where: [`e.workspace_id = ${spec.workspace}`, `e.type = ${spec.type}`, ...range('e.occurred_at', spec.range), ...spec.filters],
    customerId: 'e.customer_id',
    aggregate: 'count(*)',
  };
}

/**
 * The ids of customers with at least one row (`having` undefined), or whose aggregate satisfies `having`
 * (customers without rows are never in it): one set-based query the planner hashes or joins once.
 */
export function customersWithHistory(h: HistorySql, having?: (aggregate: string) => string): string {
  const base = `SELECT ${h.customerId} AS customer_id FROM ${h.from} WHERE ${h.where.join(' AND ')}`;
  return having ? `${base} GROUP BY ${h.customerId} HAVING ${having(h.aggregate)}` : base;
}

/** The same history, only of the customers listed in a uuid[] placeholder (incremental refreshes). */
export const historyOf = (h: HistorySql, customers: string): HistorySql => ({ ...h, where: [...h.where, `${h.customerId} = ANY(${customers}::uuid[])`] });

/** The aggregate for the customer `c` alone (0 without rows): a correlated subquery for one customer. */
export const historyOfCustomer = (h: HistorySql) =>
  `(SELECT COALESCE(${h.aggregate}, 0) FROM ${h.from} WHERE ${h.customerId} = ${CUSTOMER_ID} AND ${h.where.join(' AND ')})`;

/** The customer `c` has at least one row of the history: a correlated EXISTS (a semi-join where the planner can). */
export const customerHasHistory = (h: HistorySql) => `EXISTS (SELECT 1 FROM ${h.from} WHERE ${h.customerId} = ${CUSTOMER_ID} AND ${h.where.join(' AND ')})`;

/** The ids of the workspace's customers meeting a predicate over `c` and `t` (a set to combine with others). */
export const customersWhere = (workspace: string, predicate: string, only?: string) =>
  `SELECT ${CUSTOMER_ID} AS customer_id FROM ${CUSTOMER_FROM} WHERE c.workspace_id = ${workspace} AND ${only ? `${customerAmong(only)} AND ` : ''}${predicate}`;

/** `c` is one of the customers of a uuid[] placeholder. */
export const customerAmong = (customers: string) => `${CUSTOMER_ID} = ANY(${customers}::uuid[])`;

/** `c` is among the customers of a set of ids ({@link customersWithHistory}, {@link customersWhere}, their union). */
export const customerIn = (customers: string) => `${CUSTOMER_ID} IN (${customers})`;

/** `c` is not among them, as NOT EXISTS so that the planner can use an anti-join. */
export const customerNotIn = (customers: string) => `NOT EXISTS (SELECT 1 FROM (${customers}) s WHERE s.customer_id = ${CUSTOMER_ID})`;
