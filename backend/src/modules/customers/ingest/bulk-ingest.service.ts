import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { BatchResponse, ItemResult, toBatchResponse } from './bulk-result';
import { CustomerUpsertService } from './customer-upsert.service';
import { EventsIngestService } from './events.service';
import { IdempotencyService } from './idempotency.service';
import { OrdersIngestService } from './orders.service';

/** What a batch holds; also the scope of its idempotency keys. */
export type IngestResource = 'customers' | 'orders' | 'events';

/** The answer to a bulk request; `replayed` when it was stored under the request's `Idempotency-Key`. */
export interface IngestOutcome {
  statusCode: number;
  body: BatchResponse;
  replayed: boolean;
}

/**
 * Bulk ingestion for integrators: a batch of customers, orders or events applied in one transaction, item by
 * item (a bad item is rejected with its reason, the others are stored). With an `Idempotency-Key` the
 * transaction starts by claiming the key and ends by storing the response beside the data, so a retry gets
 * the same answer and nothing is applied twice.
 */
@Injectable()
export class BulkIngestService {
  constructor(
    private readonly transactions: Transactions,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly customers: CustomerUpsertService,
    private readonly orders: OrdersIngestService,
    private readonly events: EventsIngestService,
  ) {}

  async ingest(actor: Actor, resource: IngestResource, body: { items: unknown[] }, idempotencyKeyHeader?: string | string[]): Promise<IngestOutcome> {
    const key = this.idempotency.parseKey(idempotencyKeyHeader);
    const { workspaceId } = actor;
    return this.transactions.run(async (manager) => {
      if (key !== undefined) {
        const stored = await this.idempotency.claim(workspaceId, resource, key, this.idempotency.hashBody(body), manager);
        if (stored) return { statusCode: stored.statusCode, body: stored.body as BatchResponse, replayed: true };
      }
      const response = toBatchResponse(await this.apply(workspaceId, resource, body.items, manager));
      await this.audit.record(
        actor,
        { action: `ingest.${resource}`, objectType: 'ingest_batch', after: { items: body.items.length, summary: response.summary, idempotencyKey: key ?? null } },
        manager,
      );
      if (key !== undefined) await this.idempotency.complete(workspaceId, resource, key, { statusCode: 200, body: response }, manager);
      return { statusCode: 200, body: response, replayed: false };
    });
  }

  private async apply(workspaceId: string, resource: IngestResource, items: unknown[], manager: EntityManager): Promise<ItemResult[]> {
    switch (resource) {
      case 'customers': {
        const outcomes = await this.customers.upsertMany(workspaceId, items, { source: 'api' }, manager);
        return outcomes.map(({ customerId, ...outcome }) => ({ ...outcome, ...(customerId ? { id: customerId } : {}) }));
      }
      case 'orders':
        return this.orders.ingest(workspaceId, items, manager);
      case 'events':
        return this.events.ingest(workspaceId, items, manager);
    }
  }
}
