import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CustomerInput, UpsertOutcome } from './customer-input';

/**
 * The one upsert engine for customers (placeholder contract; the ingestion work replaces the body):
 * validates each item, dedupes by external id, then by email, and inserts or merges, set-based.
 * One bad item is rejected with its reason; the rest of the batch is stored.
 */
@Injectable()
export class CustomerUpsertService {
  async upsertMany(
    _workspaceId: string,
    _items: unknown[],
    _options: { source: string },
    _manager?: EntityManager,
  ): Promise<UpsertOutcome[]> {
    throw new Error('CustomerUpsertService.upsertMany is not built yet');
  }
}

export type { CustomerInput };
