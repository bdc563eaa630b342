import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { copyInto, copyLine as line, textArrayLiteral } from '../../../platform/database/copy-text';
import type { DemoBundle } from './generator/demo-generator';

/** Rows written per table. */
export interface DemoCounts {
  customers: number;
  orders: number;
  orderItems: number;
  events: number;
}

const money = (cents: number) => (cents / 100).toFixed(2);

/** Demo data in bulk: COPY into customers, orders, line items and events, inside the caller's transaction. */
@Injectable()
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countCustomers(workspaceId: string, manager?: EntityManager): Promise<number> {
    const [row] = await (manager ?? this.dataSource.manager).query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1`, [workspaceId]);
    return row.n;
  }

  /** Serializes demo loads of one workspace until the transaction ends. */
  async lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('lodestar:demo:' || $1))`, [workspaceId]);
  }

  /** Writes the bundles with fresh ids; `onTable` reports each table done. */
  async insert(manager: EntityManager, workspaceId: string, bundles: DemoBundle[], onTable: (table: keyof DemoCounts) => void): Promise<DemoCounts> {
    const customerIds = bundles.map(() => randomUUID());
    const orderIds = bundles.map((b) => b.orders.map(() => randomUUID()));

    await this.copy(
      manager,
      'customers (id, workspace_id, external_id, email, phone, first_name, last_name, timezone, locale, country, city, attributes, consent, tags, created_at, updated_at)',
      bundles.map(({ customer: c }, i) =>
        line([
          customerIds[i],
          workspaceId,
          c.externalId,
          c.email,
          c.phone,
          c.firstName,
          c.lastName,
          c.timezone,
          c.locale,
          c.country,
          c.city,
          JSON.stringify(c.attributes),
          JSON.stringify(c.consent),
          textArrayLiteral(c.tags),
          c.createdAt,
          c.createdAt,
        ]),
      ),
    );
    onTable('customers');
    await this.copy(
      manager,
      'orders (id, workspace_id, customer_id, external_id, amount, currency, channel, placed_at, created_at)',
      bundles.flatMap((b, i) =>
        b.orders.map((o, j) => line([orderIds[i][j], workspaceId, customerIds[i], o.externalId, money(o.amountCents), o.currency, o.channel, o.placedAt, o.placedAt])),
      ),
    );
    onTable('orders');
    await this.copy(
      manager,
      'order_items (workspace_id, order_id, product, category, quantity, unit_price)',
      bundles.flatMap((b, i) =>
        b.orders.flatMap((o, j) => o.lines.map((l) => line([workspaceId, orderIds[i][j], l.product, l.category, l.quantity, money(l.unitPriceCents)]))),
      ),
    );
    onTable('orderItems');
    await this.copy(
      manager,
      'customer_events (workspace_id, customer_id, type, properties, occurred_at, created_at)',
      bundles.flatMap((b, i) => b.events.map((e) => line([workspaceId, customerIds[i], e.type, JSON.stringify(e.properties), e.occurredAt, e.occurredAt]))),
    );
    onTable('events');
    return {
      customers: bundles.length,
      orders: orderIds.reduce((n, ids) => n + ids.length, 0),
      orderItems: bundles.reduce((n, b) => n + b.orders.reduce((m, o) => m + o.lines.length, 0), 0),
      events: bundles.reduce((n, b) => n + b.events.length, 0),
    };
  }

  /** Refreshes the planner's statistics of the tables just filled (outside any transaction). */
  async analyze(): Promise<void> {
    await this.dataSource.query(`ANALYZE customers, orders, order_items, customer_events, customer_traits`);
  }

  private copy(manager: EntityManager, target: string, lines: string[]): Promise<void> {
    return copyInto(manager, target, chunks(lines));
  }
}

/** Lines joined into ~1 MB strings, so the stream moves a few hundred writes rather than a million. */
function* chunks(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 4000) yield lines.slice(i, i + 4000).join('');
}
