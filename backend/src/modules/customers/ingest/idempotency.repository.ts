import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredIngestRequest {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
}

/** The only place that queries `customer_ingest_requests`; keys are scoped to a workspace and a resource. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims a key for this transaction: inserts its row, or takes over a row older than `ttlSeconds` (an expired
   * key counts as new). Returns false when a live row exists. A concurrent claim of the same key waits on the
   * primary key until this transaction commits or rolls back; a row that only fails the expiry test is still
   * locked by `ON CONFLICT DO UPDATE`, so it cannot be taken over underneath a reader.
   */
  async claim(workspaceId: string, resource: string, key: string, requestHash: string, ttlSeconds: number, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO customer_ingest_requests (workspace_id, resource, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, resource, idempotency_key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL, created_at = now()
         WHERE customer_ingest_requests.created_at < now() - make_interval(secs => $5)
       RETURNING 1`,
      [workspaceId, resource, key, requestHash, ttlSeconds],
    );
    return rows.length === 1;
  }

  async find(workspaceId: string, resource: string, key: string, manager: EntityManager): Promise<StoredIngestRequest | null> {
    const [row] = await manager.query(
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response
       FROM customer_ingest_requests WHERE workspace_id = $1 AND resource = $2 AND idempotency_key = $3`,
      [workspaceId, resource, key],
    );
    return row ?? null;
  }

  async complete(workspaceId: string, resource: string, key: string, statusCode: number, response: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE customer_ingest_requests SET status_code = $4, response = $5
       WHERE workspace_id = $1 AND resource = $2 AND idempotency_key = $3`,
      [workspaceId, resource, key, statusCode, JSON.stringify(response)],
    );
  }

  /** Deletes keys older than `ttlSeconds` in every workspace (housekeeping); returns how many. */
  async deleteOlderThan(ttlSeconds: number): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM customer_ingest_requests WHERE created_at < now() - make_interval(secs => $1)`,
      [ttlSeconds],
    );
    return count;
  }
}
