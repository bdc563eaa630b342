import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerChangesRepository } from './customer-changes.repository';

/**
 * Which customers changed since a time, for incremental segment refreshes. A customer changes when its
 * profile is written (create, update, merge, erasure) or its traits are (new or replaced orders, new events,
 * the daily RFM rescoring): both stamp `updated_at` with the start of the writing transaction.
 */
@Injectable()
export class CustomerChangesService {
  constructor(private readonly repository: CustomerChangesRepository) {}

  /**
   * The customers of the workspace changed at or after `since`, or null when there are more than `limit`
   * (the caller then evaluates everyone instead). Reads through `manager`'s transaction.
   */
  async changedSince(manager: EntityManager, workspaceId: string, since: Date, limit: number): Promise<string[] | null> {
    const ids = await this.repository.changedSince(manager, workspaceId, since, limit + 1);
    return ids.length > limit ? null : ids;
  }

  /**
   * A time up to which every change is visible to `manager`'s next statement: pass it as `since` next time
   * so that changes committed while this transaction ran are not missed (see the repository).
   */
  visibleUpTo(manager: EntityManager): Promise<Date> {
    return this.repository.visibleUpTo(manager);
  }

  /** The latest change of each workspace's customers (absent or null: none). */
  async latestChanges(workspaceIds: string[]): Promise<Map<string, Date | null>> {
    if (!workspaceIds.length) return new Map();
    const rows = await this.repository.latestChanges(workspaceIds);
    return new Map(rows.map((r) => [r.workspace_id, r.latest]));
  }

  /** Customers of the workspace a full evaluation covers (not erased). */
  countCustomers(manager: EntityManager, workspaceId: string): Promise<number> {
    return this.repository.countCustomers(manager, workspaceId);
  }
}
