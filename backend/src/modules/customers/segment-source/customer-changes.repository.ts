import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * SQL of "which customers changed since a time", over `customers.updated_at` and `customer_traits.updated_at`
 * (indexes `customers_workspace_updated_idx`, `customer_traits_workspace_updated_idx`). New orders and events
 * reach a customer's traits row in the transaction that stores them, so they bump `customer_traits.updated_at`.
 */
@Injectable()
export class CustomerChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Ids of the workspace's customers whose profile or traits were stamped at or after `since`, at most `limit`. */
  async changedSince(manager: EntityManager, workspaceId: string, since: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM customers WHERE workspace_id = $1 AND updated_at >= $2
       UNION
       SELECT customer_id FROM customer_traits WHERE workspace_id = $1 AND updated_at >= $2
       LIMIT $3`,
      [workspaceId, since, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The latest profile or traits stamp per workspace (null for a workspace without customers): two index probes each. */
  async latestChanges(workspaceIds: string[]): Promise<{ workspace_id: string; latest: Date | null }[]> {
    return this.dataSource.query(
      `SELECT w.id AS workspace_id,
              greatest((SELECT max(updated_at) FROM customers WHERE workspace_id = w.id),
                       (SELECT max(updated_at) FROM customer_traits WHERE workspace_id = w.id)) AS latest
       FROM unnest($1::uuid[]) AS w(id)`,
      [workspaceIds],
    );
  }

  /** The workspace's customers that are not erased: those a full evaluation covers. */
  async countCustomers(manager: EntityManager, workspaceId: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1 AND erased_at IS NULL`, [
      workspaceId,
    ]);
    return row.n;
  }

  /**
   * The start of the oldest transaction still open in this database other than the caller's, capped at the
   * caller's own start (`now()`). Writes stamp `updated_at` with their transaction's start but become visible
   * only at commit, so a change stamped before this time is either visible to the caller's snapshot or was
   * stamped by a transaction that is still open — and then it is stamped at or after this time.
   */
  async visibleUpTo(manager: EntityManager): Promise<Date> {
    const [row] = await manager.query(
      `SELECT least(now(), (SELECT min(xact_start) FROM pg_stat_activity
                             WHERE datname = current_database() AND backend_type = 'client backend'
                               AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)) AS at`,
    );
    return row.at;
  }
}
