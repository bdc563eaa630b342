import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TraitsService } from '../traits/traits.service';
import { CustomerRefResolver } from './bulk-customer-refs';
import { ItemResult, rejected } from './bulk-result';
import { checkItem } from './bulk-validation';
import { EventInputDto } from './dto/event-input.dto';
import { EventRow, EventsRepository } from './events.repository';

/**
 * Behavioural events of a bulk batch: each item is validated on its own, its customer found or created, and
 * every valid event is added (events are facts; there is nothing to merge). The engagement traits of their
 * customers are updated in the same transaction.
 */
@Injectable()
export class EventsIngestService {
  constructor(
    private readonly events: EventsRepository,
    private readonly customerRefs: CustomerRefResolver,
    private readonly traits: TraitsService,
  ) {}

  async ingest(workspaceId: string, items: unknown[], manager: EntityManager): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    const checked: { index: number; event: EventInputDto }[] = [];
    items.forEach((raw, index) => {
      const item = checkItem(EventInputDto, raw);
      if (item.ok) checked.push({ index, event: item.value });
      else results.push(rejected(index, item.reason, item.field));
    });

    const customers = await this.customerRefs.resolve(workspaceId, checked.map((c) => c.event), manager);
    const accepted: { index: number; event: EventInputDto; customerId: string }[] = [];
    checked.forEach((c, i) => {
      const customer = customers[i];
      if ('reason' in customer) results.push(rejected(c.index, customer.reason, customer.field));
      else accepted.push({ ...c, customerId: customer.customerId });
    });
    if (!accepted.length) return results;

    const ids = await this.events.nextIds(accepted.length, manager);
    const rows = accepted.map(
      (a, i): EventRow => ({
        id: ids[i],
        customerId: a.customerId,
        type: a.event.type,
        properties: JSON.stringify(a.event.properties ?? {}),
        occurredAt: new Date(a.event.occurredAt).toISOString(),
      }),
    );
    await this.events.insert(workspaceId, rows, manager);
    await this.traits.applyEvents(manager, workspaceId, ids);
    results.push(...accepted.map((a, i): ItemResult => ({ index: a.index, status: 'created', id: ids[i] })));
    return results;
  }
}
