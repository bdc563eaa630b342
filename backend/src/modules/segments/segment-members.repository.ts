import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CustomerIdsQuery } from '../customers/segment-source/customer-directory.service';

export interface MemberRow {
  customerId: string;
  addedAt: Date;
}

/** Reads a segment's materialized membership (`segment_members`), in customer id order (its primary key). */
@Injectable()
export class SegmentMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  page(workspaceId: string, segmentId: string, afterCustomerId: string | null, limit: number): Promise<MemberRow[]> {
    return this.dataSource.query(
      `SELECT customer_id AS "customerId", added_at AS "addedAt" FROM segment_members
        WHERE segment_id = $2 AND workspace_id = $1 AND ($3::uuid IS NULL OR customer_id > $3)
        ORDER BY customer_id LIMIT $4`,
      [workspaceId, segmentId, afterCustomerId, limit],
    );
  }

  /** Every member, batch by batch (keyset pages: constant memory, no long-held cursor). */
  async *batches(workspaceId: string, segmentId: string, size = 1000): AsyncGenerator<MemberRow[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.page(workspaceId, segmentId, after, size);
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].customerId;
    }
  }

  async isMember(workspaceId: string, segmentId: string, customerId: string): Promise<boolean> {
    const [row] = await this.dataSource.query('SELECT 1 FROM segment_members WHERE segment_id = $2 AND customer_id = $3 AND workspace_id = $1', [
      workspaceId,
      segmentId,
      customerId,
    ]);
    return !!row;
  }

  /** The members as a query of customer ids, for aggregates the customers module computes. */
  idsQuery(workspaceId: string, segmentId: string): CustomerIdsQuery {
    return { sql: 'SELECT customer_id FROM segment_members WHERE workspace_id = $1 AND segment_id = $2', params: [workspaceId, segmentId] };
  }
}
