/**
 * Database fixtures for the profiles tests: customers, traits, orders and events written with SQL, so
 * the tests do not depend on ingestion or the traits engine. (The `.test.ts` suffix keeps this file out
 * of the app build; Jest runs only `*.spec.ts` and `*.int-spec.ts`.)
 */
import type { DataSource } from 'typeorm';

export interface CustomerFixture {
  id?: string;
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  country?: string | null;
  city?: string | null;
  timezone?: string | null;
  locale?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Record<string, unknown>;
  tags?: string[];
  createdAt?: string;
  erasedAt?: string | null;
}

export async function insertCustomer(ds: DataSource, workspaceId: string, c: CustomerFixture): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO customers (id, workspace_id, external_id, email, phone, first_name, last_name, country, city, timezone, locale,
                            attributes, consent, tags, created_at, erased_at)
     VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, COALESCE($15::timestamptz, now()), $16)
     RETURNING id`,
    [
      c.id ?? null,
      workspaceId,
      c.externalId ?? null,
      c.email ?? null,
      c.phone ?? null,
      c.firstName ?? null,
      c.lastName ?? null,
      c.country ?? null,
      c.city ?? null,
      c.timezone ?? null,
      c.locale ?? null,
      JSON.stringify(c.attributes ?? {}),
      JSON.stringify(c.consent ?? {}),
      c.tags ?? [],
      c.createdAt ?? null,
      c.erasedAt ?? null,
    ],
  );
  return row.id;
}

export interface TraitsFixture {
  totalSpent?: number;
  orderCount?: number;
  lastOrderAt?: string | null;
  clv?: number | null;
  engagementScore?: number;
  rfmTier?: string | null;
  churnRisk?: string | null;
  nightBuyer?: boolean;
  recencyScore?: number | null;
}

export async function insertTraits(ds: DataSource, workspaceId: string, customerId: string, t: TraitsFixture): Promise<void> {
  await ds.query(
    `INSERT INTO customer_traits (customer_id, workspace_id, total_spent, order_count, last_order_at, clv, engagement_score, rfm_tier,
                                  churn_risk, night_buyer, recency_score)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      customerId,
      workspaceId,
      t.totalSpent ?? 0,
      t.orderCount ?? 0,
      t.lastOrderAt ?? null,
      t.clv ?? null,
      t.engagementScore ?? 0,
      t.rfmTier ?? null,
      t.churnRisk ?? null,
      t.nightBuyer ?? false,
      t.recencyScore ?? null,
    ],
  );
}

export interface OrderFixture {
  amount: number;
  placedAt: string;
  currency?: string;
  channel?: 'online' | 'offline';
  externalId?: string;
  items?: { product: string; category: string; quantity: number; unitPrice: number }[];
}

export async function insertOrder(ds: DataSource, workspaceId: string, customerId: string, o: OrderFixture): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO orders (workspace_id, customer_id, external_id, amount, currency, channel, placed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [workspaceId, customerId, o.externalId ?? null, o.amount, o.currency ?? 'EUR', o.channel ?? 'online', o.placedAt],
  );
  for (const item of o.items ?? []) {
    await ds.query(`INSERT INTO order_items (workspace_id, order_id, product, category, quantity, unit_price) VALUES ($1, $2, $3, $4, $5, $6)`, [
      workspaceId,
      row.id,
      item.product,
      item.category,
      item.quantity,
      item.unitPrice,
    ]);
  }
  return row.id;
}

export async function insertEvent(
  ds: DataSource,
  workspaceId: string,
  customerId: string,
  e: { type: string; occurredAt: string; properties?: Record<string, unknown> },
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO customer_events (workspace_id, customer_id, type, properties, occurred_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workspaceId, customerId, e.type, JSON.stringify(e.properties ?? {}), e.occurredAt],
  );
  return String(row.id);
}

/** Audit rows of one object, oldest first. */
export function auditRows(ds: DataSource, workspaceId: string, objectId: string): Promise<{ action: string; before: unknown; after: unknown }[]> {
  return ds.query(`SELECT action, before, after FROM audit_events WHERE workspace_id = $1 AND object_id = $2 ORDER BY created_at, id`, [
    workspaceId,
    objectId,
  ]);
}
