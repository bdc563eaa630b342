import type { Client } from 'pg';
import { CATEGORIES, COUNTRIES } from '../../backend/src/modules/customers/demo/generator/catalog';

/**
 * The benchmark's data set, generated inside PostgreSQL (generate_series) so that a million customers load in
 * minutes: every value is a pure function of the row number through `hashint8extended` with a fixed seed per
 * column, so every run produces the same rows (ids are md5 of the row number), with times measured back from
 * the anchor (the start of the load).
 *
 * Shape: customers in 14 countries weighted like the demo store (US 30 %, CA 6 %, cities and time zones from
 * the demo catalogue); 65 % of customers buy and 90 % produce events, both skewed toward the same customers
 * (a few heavy buyers, a long tail); orders of 1–3 line items from the demo catalogue's 80 products in 10
 * categories, amount = Σ quantity × unit price; events of 8 types with small JSON properties; order and event
 * times over the last 730 days, denser toward the anchor (a growing shop). 0.2 % of customers are erased.
 */

export const FULL_SCALE = { customers: 1_000_000, orders: 5_000_000, events: 10_000_000 };

export interface DatasetSize {
  customers: number;
  orders: number;
  events: number;
}

export const datasetSize = (scale: number): DatasetSize => ({
  customers: Math.round(FULL_SCALE.customers * scale),
  orders: Math.round(FULL_SCALE.orders * scale),
  events: Math.round(FULL_SCALE.events * scale),
});

/** Share of customers who ever buy / ever produce an event, and how strongly activity piles onto the first of them. */
const BUYER_SHARE = 0.65;
const ENGAGED_SHARE = 0.9;
const ORDER_SKEW = 1.8;
const EVENT_SKEW = 1.6;
/** Times: anchor − 730 days × u^skew (more activity recently; events more so than orders). */
const HISTORY_DAYS = 730;
const ORDER_RECENCY_SKEW = 1.5;
const EVENT_RECENCY_SKEW = 2;
const ERASED_SHARE = 0.002;

const EVENT_TYPES: [string, number][] = [
  ['visit', 32],
  ['product_viewed', 22],
  ['email_sent', 14],
  ['email_opened', 14],
  ['email_clicked', 5],
  ['cart_abandoned', 4],
  ['search', 6],
  ['app_open', 3],
];
const PAGES = ['/', '/new', '/sale', '/account', '/cart', '/search', '/help', '/blog'];
const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Lucas',
  'Mia',
  'Leo',
  'Sofia',
  'Elias',
  'Amelia',
  'Mateo',
  'Chloe',
  'Hugo',
  'Ines',
  'Jonas',
];
const LAST_NAMES = [
  'Smith',
  'Martin',
  'Müller',
  'Garcia',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Silva',
  'Johansson',
  'Brown',
  'Tremblay',
  'Jansen',
  'Patel',
  'Lopez',
];

/** Lower bounds of the buckets of a weighted pick (`width_bucket(u, lowers)` → 1-based index), from weights. */
function lowerBounds(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let at = 0;
  return weights.map((w) => {
    const lower = at / total;
    at += w;
    return lower;
  });
}

const PLACES = COUNTRIES.flatMap((c) =>
  c.cities.map((city) => ({ country: c.code, city: city.name, timezone: city.timezone, weight: c.weight / c.cities.length })),
);
const PRODUCTS = CATEGORIES.flatMap((c) =>
  c.products.map((p) => ({ name: p.name, category: c.name, price: p.price, weight: c.popularity / c.products.length })),
);

/** Uniform [0, 1) of a row number and a column seed. */
const u = (n: string, seed: number) => `bench_gen.u(${n}, ${seed})`;
/** The customer (1-based row number) of the j-th order / event. */
const buyer = (j: string, customers: number) =>
  `(1 + floor(${Math.max(1, Math.round(customers * BUYER_SHARE))} * pow(${u(j, 11)}, ${ORDER_SKEW})))::bigint`;
const engaged = (e: string, customers: number) =>
  `(1 + floor(${Math.max(1, Math.round(customers * ENGAGED_SHARE))} * pow(${u(e, 31)}, ${EVENT_SKEW})))::bigint`;
const customerId = (k: string) => `md5('c' || ${k})::uuid`;
const orderId = (j: string) => `md5('o' || ${j})::uuid`;
/** A time before the anchor `$2`. */
const pastTime = (n: string, seed: number, skew: number) =>
  `($2::timestamptz - pow(${u(n, seed)}, ${skew}) * interval '${HISTORY_DAYS} days')`;
const orderTime = (j: string) => pastTime(j, 14, ORDER_RECENCY_SKEW);
/**
 * Row numbers 1…count as `n`, with their time as `as`, in time order: rows are stored in the order they would
 * have arrived (a table's physical order follows time, as in a live database).
 */
const inTimeOrder = (n: string, count: number, time: string, as: string) =>
  `(SELECT ${n}, ${time} AS ${as} FROM generate_series(1, ${count}) AS ${n} ORDER BY ${as}, ${n}) AS g`;
/** Line items of order j: 1 (55 %), 2 (30 %) or 3 (15 %). */
const lineCount = (j: string) => `(1 + (${u(j, 12)} < 0.45)::int + (${u(j, 12)} < 0.15)::int)`;
/** Placeholders of the products' pick bounds and prices in a statement. */
interface ProductParams {
  bounds: string;
  prices: string;
}

/** Line i of order j: its product (an index into the product arrays), quantity and total. */
const lineProduct = (j: string, i: string, p: ProductParams) => `width_bucket(${u(`${j} * 3 + ${i}`, 23)}, ${p.bounds}::float8[])`;
const lineQuantity = (j: string, i: string) => `(1 + (${u(`${j} * 3 + ${i}`, 21)} < 0.2)::int + (${u(`${j} * 3 + ${i}`, 22)} < 0.05)::int)`;
const lineTotal = (j: string, i: number, p: ProductParams) =>
  `${lineQuantity(j, String(i))} * (${p.prices}::numeric[])[${lineProduct(j, String(i), p)}]`;

const ORDER_PRODUCTS: ProductParams = { bounds: '$3', prices: '$4' };

/**
 * The statements of the load, in order, each with its parameters: `$1` is the workspace and `$2` the anchor;
 * orders and line items pick their lines with the same expressions and placeholders, so that an order's
 * amount is the sum of its lines.
 */
function statements(size: DatasetSize, workspaceId: string, anchor: Date): { label: string; sql: string; params: unknown[] }[] {
  const productBounds = lowerBounds(PRODUCTS.map((p) => p.weight));
  const prices = PRODUCTS.map((p) => p.price);
  const names = PRODUCTS.map((p) => p.name);
  const categories = PRODUCTS.map((p) => p.category);
  return [
    {
      label: 'customers',
      params: [
        workspaceId,
        anchor,
        lowerBounds(PLACES.map((p) => p.weight)),
        PLACES.map((p) => p.country),
        PLACES.map((p) => p.city),
        PLACES.map((p) => p.timezone),
        FIRST_NAMES,
        LAST_NAMES,
      ],
      sql: `
        INSERT INTO customers (id, workspace_id, external_id, email, first_name, last_name, timezone, country, city,
                               attributes, tags, created_at, updated_at, erased_at)
        SELECT ${customerId('k')}, $1, 'C' || lpad(k::text, 8, '0'),
               CASE WHEN NOT erased THEN 'customer' || k || '@bench.example' END,
               CASE WHEN NOT erased THEN ($7::text[])[1 + floor(${u('k', 3)} * ${FIRST_NAMES.length})::int] END,
               CASE WHEN NOT erased THEN ($8::text[])[1 + floor(${u('k', 4)} * ${LAST_NAMES.length})::int] END,
               ($6::text[])[p], ($4::text[])[p], ($5::text[])[p],
               CASE WHEN erased THEN '{}'::jsonb
                    ELSE jsonb_build_object('loyalty_member', ${u('k', 5)} < 0.3, 'signup_source', (ARRAY['web', 'store', 'app', 'referral'])[1 + floor(${u('k', 6)} * 4)::int]) END,
               CASE WHEN NOT erased AND ${u('k', 7)} < 0.05 THEN '{vip}'::text[] ELSE '{}'::text[] END,
               created, created, CASE WHEN erased THEN created + interval '1 day' END
        FROM ${inTimeOrder('k', size.customers, `$2::timestamptz - ${u('k', 2)} * interval '1000 days'`, 'created')}
        CROSS JOIN LATERAL (SELECT width_bucket(${u('k', 1)}, $3::float8[]) AS p, ${u('k', 8)} < ${ERASED_SHARE} AS erased) x`,
    },
    {
      label: 'orders',
      params: [workspaceId, anchor, productBounds, prices],
      sql: `
        INSERT INTO orders (id, workspace_id, customer_id, external_id, amount, currency, channel, placed_at, created_at)
        SELECT ${orderId('j')}, $1, ${customerId(buyer('j', size.customers))}, 'O' || lpad(j::text, 9, '0'),
               ${lineTotal('j', 1, ORDER_PRODUCTS)}
                 + CASE WHEN ${lineCount('j')} >= 2 THEN ${lineTotal('j', 2, ORDER_PRODUCTS)} ELSE 0 END
                 + CASE WHEN ${lineCount('j')} >= 3 THEN ${lineTotal('j', 3, ORDER_PRODUCTS)} ELSE 0 END,
               'USD', CASE WHEN ${u('j', 13)} < 0.8 THEN 'online' ELSE 'offline' END, placed, placed
        FROM ${inTimeOrder('j', size.orders, orderTime('j'), 'placed')}`,
    },
    {
      label: 'order items',
      params: [workspaceId, anchor, productBounds, prices, names, categories],
      sql: `
        INSERT INTO order_items (workspace_id, order_id, product, category, quantity, unit_price)
        SELECT $1, ${orderId('j')}, ($5::text[])[p], ($6::text[])[p], ${lineQuantity('j', 'i')}, ($4::numeric[])[p]
        FROM ${inTimeOrder('j', size.orders, orderTime('j'), 'placed')}
        CROSS JOIN LATERAL generate_series(1, ${lineCount('j')}) AS i
        CROSS JOIN LATERAL (SELECT ${lineProduct('j', 'i', ORDER_PRODUCTS)} AS p) x`,
    },
    {
      label: 'events',
      params: [
        workspaceId,
        anchor,
        productBounds,
        names,
        categories,
        lowerBounds(EVENT_TYPES.map(([, w]) => w)),
        EVENT_TYPES.map(([type]) => type),
        PAGES,
      ],
      sql: `
        INSERT INTO customer_events (workspace_id, customer_id, type, properties, occurred_at, created_at)
        SELECT $1, ${customerId(engaged('e', size.customers))}, type,
               CASE
                 WHEN type IN ('email_sent', 'email_opened', 'email_clicked') THEN jsonb_build_object('campaignId', 'cmp-' || (1 + floor(${u('e', 34)} * 48))::int)
                 WHEN type IN ('product_viewed', 'cart_abandoned') THEN jsonb_build_object('product', ($4::text[])[p], 'category', ($5::text[])[p])
                 WHEN type = 'search' THEN jsonb_build_object('query', ($5::text[])[p])
                 ELSE jsonb_build_object('path', ($8::text[])[1 + floor(${u('e', 35)} * ${PAGES.length})::int])
               END,
               occurred, occurred
        FROM ${inTimeOrder('e', size.events, pastTime('e', 36, EVENT_RECENCY_SKEW), 'occurred')}
        CROSS JOIN LATERAL (
          SELECT ($7::text[])[width_bucket(${u('e', 32)}, $6::float8[])] AS type, width_bucket(${u('e', 33)}, $3::float8[]) AS p
        ) x`,
    },
  ];
}

const LOADED_TABLES = ['customers', 'orders', 'order_items', 'customer_events'];

export interface LoadStep {
  label: string;
  rows: number;
  seconds: number;
}

/**
 * Loads the data set into the workspace's real tables as a bulk load would: the tables' secondary indexes are
 * dropped and rebuilt afterwards with their exact definitions (primary keys stay), and foreign-key triggers are
 * off for this session (`session_replication_role = replica`: the rows are consistent by construction). Ends
 * with VACUUM ANALYZE of the loaded tables (what autovacuum would have done by the time anyone queries them).
 */
export async function loadDataset(
  db: Client,
  workspaceId: string,
  size: DatasetSize,
  anchor: Date,
  log: (line: string) => void,
): Promise<LoadStep[]> {
  const steps: LoadStep[] = [];
  const timed = async (label: string, rows: number, work: () => Promise<number | void>) => {
    const started = performance.now();
    const counted = await work();
    const step = { label, rows: typeof counted === 'number' ? counted : rows, seconds: (performance.now() - started) / 1000 };
    steps.push(step);
    log(`  ${label}: ${step.rows ? `${step.rows.toLocaleString('en-US')} rows in ` : ''}${step.seconds.toFixed(1)} s`);
  };

  await db.query(`SET session_replication_role = replica`);
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(`SET work_mem = '1GB'`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`CREATE SCHEMA bench_gen`);
  await db.query(`
    CREATE FUNCTION bench_gen.u(n bigint, seed bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(n, seed) & 4503599627370495)::float8 / 4503599627370496.0 $$`);
  const indexes: { indexname: string; indexdef: string }[] = (
    await db.query(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename = ANY($1)
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
      [LOADED_TABLES],
    )
  ).rows;
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`);

  for (const s of statements(size, workspaceId, anchor)) {
    await timed(s.label, 0, async () => (await db.query(s.sql, s.params)).rowCount ?? 0);
  }
  await timed(`${indexes.length} secondary indexes rebuilt`, 0, async () => {
    for (const { indexdef } of indexes) await db.query(indexdef);
  });
  await timed('VACUUM ANALYZE', 0, async () => {
    for (const table of LOADED_TABLES) await db.query(`VACUUM (ANALYZE) ${table}`);
  });
  await db.query(`DROP SCHEMA bench_gen CASCADE`);
  await db.query(`RESET session_replication_role`);
  return steps;
}
