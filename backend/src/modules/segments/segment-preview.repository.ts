import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { SEGMENT_QUERY_SETTINGS } from './rules/segment-queries';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** PostgreSQL's `query_canceled`, raised when statement_timeout fires. */
const QUERY_CANCELED = '57014';

/** Runs compiled segment queries (count, sample) for previews: read-only, one snapshot, bounded in time. */
@Injectable()
export class SegmentPreviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs the queries one after the other in one read-only REPEATABLE READ transaction (so they see the
   * same data) with a statement timeout; returns their rows, or null when a query ran out of time.
   */
  async runBounded(queries: SqlQuery[], timeoutMs: number): Promise<Record<string, unknown>[][] | null> {
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (m) => {
        await m.query('SET TRANSACTION READ ONLY');
        await m.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        for (const setting of SEGMENT_QUERY_SETTINGS) await m.query(setting);
        const results: Record<string, unknown>[][] = [];
        for (const q of queries) results.push(await m.query(q.sql, q.params));
        return results;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === QUERY_CANCELED) return null;
      throw error;
    }
  }
}
