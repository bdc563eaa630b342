import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Computed traits (placeholder contract; the traits work replaces the bodies). Ingestion calls these
 * inside the transaction that stored the orders or events, so traits and data never disagree.
 */
@Injectable()
export class TraitsService {
  /** Folds newly inserted orders (by id) into their customers' traits, incrementally. */
  async applyOrders(_manager: EntityManager, _workspaceId: string, _orderIds: string[]): Promise<void> {
    throw new Error('TraitsService.applyOrders is not built yet');
  }

  /** Folds newly inserted events (by id) into their customers' engagement traits, incrementally. */
  async applyEvents(_manager: EntityManager, _workspaceId: string, _eventIds: string[]): Promise<void> {
    throw new Error('TraitsService.applyEvents is not built yet');
  }

  /** Recomputes the traits of some customers from their full history (after an order changed or was removed). */
  async recomputeCustomers(_manager: EntityManager, _workspaceId: string, _customerIds: string[]): Promise<void> {
    throw new Error('TraitsService.recomputeCustomers is not built yet');
  }
}
