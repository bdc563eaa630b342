/**
 * Fixtures for the traits tests: customers, orders with line items and events written straight to the
 * database, and the trait row read back. (The `.test.ts` suffix keeps this file out of the app build.)
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DAY_MS } from './formulas';

type Db = DataSource | EntityManager;

export interface LineSpec {
  category: string;
  quantity?: number;
  unitPrice: number;
  product?: string;
}

export interface OrderSpec {
  placedAt: Date;
  /** Defaults to the sum of the lines. */
  amount?: number;
  lines?: LineSpec[];
  channel?: 'online' | 'offline';
}

export const daysBefore = (asOf: Date, days: number) => new Date(asOf.getTime() - days * DAY_MS);

export async function insertCustomer(db: Db, workspaceId: string, values: { timezone?: string | null; label?: string } = {}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO customers (workspace_id, external_id, first_name, timezone) VALUES ($1, $2, $3, $4) RETURNING id`,
    [workspaceId, `test-${randomUUID()}`, values.label ?? null, values.timezone ?? null],
  );
  return row.id;
}

/** Inserts orders (and their line items) of one customer; returns their ids in the given order. */
export async function insertOrders(db: Db, workspaceId: string, customerId: string, orders: OrderSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (const order of orders) {
    const lines = order.lines ?? [];
    const amount = order.amount ?? lines.reduce((sum, l) => sum + (l.quantity ?? 1) * l.unitPrice, 0);
    const [row] = await db.query(
      `INSERT INTO orders (workspace_id, customer_id, amount, currency, channel, placed_at) VALUES ($1, $2, $3, 'USD', $4, $5) RETURNING id`,
      [workspaceId, customerId, amount, order.channel ?? 'online', order.placedAt],
    );
    for (const line of lines) {
      await db.query(
        `INSERT INTO order_items (workspace_id, order_id, product, category, quantity, unit_price) VALUES ($1, $2, $3, $4, $5, $6)`,
        [workspaceId, row.id, line.product ?? `${line.category} item`, line.category, line.quantity ?? 1, line.unitPrice],
      );
    }
    ids.push(row.id);
  }
  return ids;
}

/**
 * `n` orders adding up to exactly `total` (in cents; the latest takes the odd cents), the latest `daysAgo`
 * days before `asOf`, then one every `everyDays` days before.
 */
export function spreadOrders(asOf: Date, n: number, total: number, daysAgo: number, everyDays = 10): OrderSpec[] {
  const cents = Math.round(total * 100);
  const each = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => ({
    placedAt: daysBefore(asOf, daysAgo + i * everyDays),
    amount: (i === 0 ? cents - each * (n - 1) : each) / 100,
  }));
}

export async function insertEvents(db: Db, workspaceId: string, customerId: string, events: { type: string; occurredAt: Date }[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const [row] = await db.query(
      `INSERT INTO customer_events (workspace_id, customer_id, type, occurred_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [workspaceId, customerId, event.type, event.occurredAt],
    );
    ids.push(String(row.id));
  }
  return ids;
}

export interface TraitRow {
  customer_id: string;
  total_spent: string;
  order_count: number;
  avg_order_value: string | null;
  first_order_at: Date | null;
  last_order_at: Date | null;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  rfm_tier: string | null;
  clv: string | null;
  churn_risk: string | null;
  preferred_category: string | null;
  preferred_hour: number | null;
  night_buyer: boolean;
  engagement_score: number;
  category_spend: Record<string, number>;
  hour_counts: number[];
  engagement_points: number;
  engagement_at: Date | null;
  event_count: number;
  last_event_at: Date | null;
}

export async function traitsOf(db: Db, customerId: string): Promise<TraitRow | undefined> {
  const [row] = await db.query(`SELECT * FROM customer_traits WHERE customer_id = $1`, [customerId]);
  if (row) delete row.updated_at;
  return row;
}

/** Trait rows of a workspace by customer id, without the write time. */
export async function traitsOfWorkspace(db: Db, workspaceId: string): Promise<Map<string, TraitRow>> {
  const rows: (TraitRow & { updated_at?: Date })[] = await db.query(`SELECT * FROM customer_traits WHERE workspace_id = $1`, [workspaceId]);
  rows.forEach((row) => delete row.updated_at);
  return new Map(rows.map((row) => [row.customer_id, row]));
}
