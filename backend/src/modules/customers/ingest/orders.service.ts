import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TraitsService } from '../traits/traits.service';
import { CustomerRefResolver } from './bulk-customer-refs';
import { ItemResult, rejected } from './bulk-result';
import { checkItem } from './bulk-validation';
import { OrderInputDto, OrderLineInputDto } from './dto/order-input.dto';
import { MAX_MONEY } from './dto/item-validators';
import { OrderLineRow, OrderRow, OrdersRepository } from './orders.repository';

const toCents = (amount: number) => Math.round(amount * 100);
const fromCents = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Σ quantity × unitPrice over the line items, in cents (exact: prices have at most two decimals). */
const lineTotalCents = (lines: OrderLineInputDto[]) => lines.reduce((sum, l) => sum + l.quantity * toCents(l.unitPrice), 0);

interface CheckedOrder {
  index: number;
  order: OrderInputDto;
  amountCents: number;
}

interface PlacedOrder {
  index: number;
  row: OrderRow;
  lines: OrderLineRow[];
}

/**
 * Orders of a bulk batch. Each item is validated on its own; its customer is found or created; an order whose
 * external id is already stored is replaced with its line items (`updated`), any other is inserted (`created`).
 * Traits follow in the same transaction: customers of replaced orders are recomputed from their history, then
 * the new orders are folded in incrementally.
 */
@Injectable()
export class OrdersIngestService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly customerRefs: CustomerRefResolver,
    private readonly traits: TraitsService,
  ) {}

  async ingest(workspaceId: string, items: unknown[], manager: EntityManager): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    const checked = this.check(items, results);

    const externalIds = checked.flatMap((c) => (c.order.externalId === undefined ? [] : [c.order.externalId]));
    await this.orders.lockExternalIds(workspaceId, externalIds, manager);
    const stored = new Map((await this.orders.findByExternalIds(workspaceId, externalIds, manager)).map((o) => [o.externalId, o]));

    const customers = await this.customerRefs.resolve(workspaceId, checked.map((c) => c.order), manager);
    const replaced: PlacedOrder[] = [];
    const added: PlacedOrder[] = [];
    const previousCustomers: string[] = [];
    checked.forEach((c, i) => {
      const customer = customers[i];
      if ('reason' in customer) return void results.push(rejected(c.index, customer.reason, customer.field));
      const prior = c.order.externalId === undefined ? undefined : stored.get(c.order.externalId);
      if (prior) previousCustomers.push(prior.customerId);
      (prior ? replaced : added).push(toPlacedOrder(c, prior?.id ?? randomUUID(), customer.customerId));
    });

    if (replaced.length) {
      await this.orders.update(workspaceId, replaced.map((p) => p.row), manager);
      await this.orders.deleteLines(workspaceId, replaced.map((p) => p.row.id), manager);
      await this.orders.insertLines(workspaceId, replaced.flatMap((p) => p.lines), manager);
      const affected = [...new Set([...previousCustomers, ...replaced.map((p) => p.row.customerId)])];
      await this.traits.recomputeCustomers(manager, workspaceId, affected);
    }
    if (added.length) {
      await this.orders.insert(workspaceId, added.map((p) => p.row), manager);
      await this.orders.insertLines(workspaceId, added.flatMap((p) => p.lines), manager);
      await this.traits.applyOrders(manager, workspaceId, added.map((p) => p.row.id));
    }

    results.push(
      ...replaced.map((p): ItemResult => ({ index: p.index, status: 'updated', id: p.row.id })),
      ...added.map((p): ItemResult => ({ index: p.index, status: 'created', id: p.row.id })),
    );
    return results;
  }

  /** Validates every item; rejections go to `results`. A later item repeating an external id of the batch is rejected. */
  private check(items: unknown[], results: ItemResult[]): CheckedOrder[] {
    const checked: CheckedOrder[] = [];
    const firstIndexOf = new Map<string, number>();
    items.forEach((raw, index) => {
      const item = checkItem(OrderInputDto, raw);
      if (!item.ok) return void results.push(rejected(index, item.reason, item.field));
      const order = item.value;
      const totalCents = lineTotalCents(order.items);
      if (totalCents > toCents(MAX_MONEY)) return void results.push(rejected(index, `The line items' total exceeds ${MAX_MONEY}`, 'items'));
      if (order.amount !== undefined && Math.abs(toCents(order.amount) - totalCents) > 1) {
        const reason = `amount ${fromCents(toCents(order.amount))} differs from the line items' total ${fromCents(totalCents)} by more than 0.01`;
        return void results.push(rejected(index, reason, 'amount'));
      }
      if (order.externalId !== undefined) {
        const first = firstIndexOf.get(order.externalId);
        if (first !== undefined) return void results.push(rejected(index, `externalId repeats item ${first} of this batch`, 'externalId'));
        firstIndexOf.set(order.externalId, index);
      }
      checked.push({ index, order, amountCents: order.amount !== undefined ? toCents(order.amount) : totalCents });
    });
    return checked;
  }
}

function toPlacedOrder({ index, order, amountCents }: CheckedOrder, id: string, customerId: string): PlacedOrder {
  return {
    index,
    row: {
      id,
      customerId,
      externalId: order.externalId ?? null,
      amount: fromCents(amountCents),
      currency: order.currency.toUpperCase(),
      channel: order.channel,
      placedAt: new Date(order.placedAt).toISOString(),
    },
    lines: order.items.map((l) => ({ orderId: id, product: l.product, category: l.category, quantity: l.quantity, unitPrice: fromCents(toCents(l.unitPrice)) })),
  };
}
