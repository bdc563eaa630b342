import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OrderRow {
  id: string;
  customerId: string;
  externalId: string | null;
  /** Decimal string with two places, e.g. `119.80`. */
  amount: string;
  currency: string;
  channel: string;
  /** ISO 8601. */
  placedAt: string;
}

export interface OrderLineRow {
  orderId: string;
  product: string;
  category: string;
  quantity: number;
  unitPrice: string;
}

export interface StoredOrderRef {
  id: string;
  externalId: string;
  customerId: string;
}

/**
 * Orders and line items of bulk batches, written set-based: one statement per table per step whatever the
 * batch size (arrays unnested server-side). Every statement is scoped to one workspace.
 */
@Injectable()
export class OrdersRepository {
  /**
   * Serializes batches that touch the same order external ids (transaction-scoped advisory locks, taken in
   * sorted order so two batches never deadlock): a concurrent batch with the same new id waits, then sees it.
   */
  async lockExternalIds(workspaceId: string, externalIds: string[], manager: EntityManager): Promise<void> {
    if (!externalIds.length) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':order:' || k, 0))
       FROM (SELECT DISTINCT k FROM unnest($2::text[]) AS k ORDER BY k) AS keys`,
      [workspaceId, externalIds],
    );
  }

  findByExternalIds(workspaceId: string, externalIds: string[], manager: EntityManager): Promise<StoredOrderRef[]> {
    if (!externalIds.length) return Promise.resolve([]);
    return manager.query(
      `SELECT id, external_id AS "externalId", customer_id AS "customerId" FROM orders
       WHERE workspace_id = $1 AND external_id = ANY($2::text[])`,
      [workspaceId, externalIds],
    );
  }

  async insert(workspaceId: string, orders: OrderRow[], manager: EntityManager): Promise<void> {
    if (!orders.length) return;
    await manager.query(
      `INSERT INTO orders (id, workspace_id, customer_id, external_id, amount, currency, channel, placed_at)
       SELECT o.id, $1, o.customer_id, o.external_id, o.amount, o.currency, o.channel, o.placed_at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[])
         AS o(id, customer_id, external_id, amount, currency, channel, placed_at)`,
      [workspaceId, ...orderColumns(orders)],
    );
  }

  /** Replaces the fields of existing orders (by id); their line items are replaced separately. */
  async update(workspaceId: string, orders: OrderRow[], manager: EntityManager): Promise<void> {
    if (!orders.length) return;
    await manager.query(
      `UPDATE orders SET customer_id = o.customer_id, amount = o.amount, currency = o.currency, channel = o.channel, placed_at = o.placed_at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[])
         AS o(id, customer_id, external_id, amount, currency, channel, placed_at)
       WHERE orders.workspace_id = $1 AND orders.id = o.id`,
      [workspaceId, ...orderColumns(orders)],
    );
  }

  async deleteLines(workspaceId: string, orderIds: string[], manager: EntityManager): Promise<void> {
    if (!orderIds.length) return;
    await manager.query(`DELETE FROM order_items WHERE workspace_id = $1 AND order_id = ANY($2::uuid[])`, [workspaceId, orderIds]);
  }

  async insertLines(workspaceId: string, lines: OrderLineRow[], manager: EntityManager): Promise<void> {
    if (!lines.length) return;
    await manager.query(
      `INSERT INTO order_items (workspace_id, order_id, product, category, quantity, unit_price)
       SELECT $1, l.order_id, l.product, l.category, l.quantity, l.unit_price
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::numeric[]) AS l(order_id, product, category, quantity, unit_price)`,
      [
        workspaceId,
        lines.map((l) => l.orderId),
        lines.map((l) => l.product),
        lines.map((l) => l.category),
        lines.map((l) => l.quantity),
        lines.map((l) => l.unitPrice),
      ],
    );
  }
}

/** Column arrays for `unnest`, in the order the statements above declare them. */
const orderColumns = (orders: OrderRow[]) => [
  orders.map((o) => o.id),
  orders.map((o) => o.customerId),
  orders.map((o) => o.externalId),
  orders.map((o) => o.amount),
  orders.map((o) => o.currency),
  orders.map((o) => o.channel),
  orders.map((o) => o.placedAt),
];
