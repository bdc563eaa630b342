import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerEvent } from '../entities/customer-event.entity';
import { OrderItem } from '../entities/order-item.entity';
import { Order } from '../entities/order.entity';
import type { TimelineKind } from './dto/customer-timeline.dto';

export interface TimelineRef {
  kind: 'order' | 'event';
  id: string;
  at: Date;
}

export interface TimelineAfter {
  at: string;
  kind: string;
  id: string;
}

export interface OrderWithItems {
  order: Order;
  items: OrderItem[];
}

/**
 * One SELECT of `(kind, id, at)` per kind of timeline entry, for customer `$2` of workspace `$1`.
 * Extension point: messages sent to the customer join here as a third source (and a `messages` kind)
 * once the messaging module exists; the merge, order and paging below need no change.
 */
const TIMELINE_SOURCES: Record<TimelineKind, string> = {
  orders: `SELECT 'order'::text AS kind, o.id::text AS id, o.placed_at AS at FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = $2`,
  events: `SELECT 'event'::text AS kind, e.id::text AS id, e.occurred_at AS at FROM customer_events e WHERE e.workspace_id = $1 AND e.customer_id = $2`,
};

/** A customer's orders (with line items) and events: the 360 timeline and the GDPR export read them here. */
@Injectable()
export class CustomerActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Entries of the given kinds merged newest first (ties: kind, then id, descending), after a keyset position. */
  timeline(workspaceId: string, customerId: string, kinds: readonly TimelineKind[], limit: number, after?: TimelineAfter): Promise<TimelineRef[]> {
    const union = kinds.map((k) => TIMELINE_SOURCES[k]).join(' UNION ALL ');
    const keyset = after ? 'WHERE (x.at, x.kind, x.id) < ($4::timestamptz, $5::text, $6::text)' : '';
    const params: unknown[] = [workspaceId, customerId, limit];
    if (after) params.push(after.at, after.kind, after.id);
    return this.dataSource.query(`SELECT x.kind, x.id, x.at FROM (${union}) x ${keyset} ORDER BY x.at DESC, x.kind DESC, x.id DESC LIMIT $3`, params);
  }

  /** Orders of a customer with their line items, oldest first; only `ids` when given. */
  async orders(workspaceId: string, customerId: string, ids?: string[], manager?: EntityManager): Promise<OrderWithItems[]> {
    if (ids && !ids.length) return [];
    const m = this.manager(manager);
    const orders = await m.getRepository(Order).find({
      where: { workspaceId, customerId, ...(ids ? { id: In(ids) } : {}) },
      order: { placedAt: 'ASC', id: 'ASC' },
    });
    if (!orders.length) return [];
    const items = await m.getRepository(OrderItem).find({ where: { workspaceId, orderId: In(orders.map((o) => o.id)) }, order: { id: 'ASC' } });
    const byOrder = new Map<string, OrderItem[]>();
    for (const item of items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
    return orders.map((order) => ({ order, items: byOrder.get(order.id) ?? [] }));
  }

  /** Events of a customer, oldest first; only `ids` when given. */
  events(workspaceId: string, customerId: string, ids?: string[], manager?: EntityManager): Promise<CustomerEvent[]> {
    if (ids && !ids.length) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(CustomerEvent)
      .find({ where: { workspaceId, customerId, ...(ids ? { id: In(ids) } : {}) }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  /** Empties the properties of a customer's events (they may hold personal data); returns how many changed. */
  async scrubEventProperties(workspaceId: string, customerId: string, manager: EntityManager): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE customer_events SET properties = '{}'::jsonb WHERE workspace_id = $1 AND customer_id = $2 AND properties <> '{}'::jsonb`,
      [workspaceId, customerId],
    );
    return count;
  }
}
