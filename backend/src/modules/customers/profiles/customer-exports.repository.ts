import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CustomerExport } from '../entities/customer-export.entity';
import { buildCustomerQuery } from './customer-query';
import type { CustomerQuery } from './customer-query';
import { toListRow } from './customers.repository';
import type { CustomerListRow } from './customers.repository';

export interface ExportAfter {
  createdAt: string;
  id: string;
}

/** Export rows (`customer_exports`) and the streamed read of the customers an export writes. */
@Injectable()
export class CustomerExportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(values: Pick<CustomerExport, 'workspaceId' | 'createdBy' | 'filters'>, manager: EntityManager): Promise<CustomerExport> {
    const repo = manager.getRepository(CustomerExport);
    return repo.save(repo.create({ ...values, status: 'queued' }));
  }

  findById(workspaceId: string, id: string): Promise<CustomerExport | null> {
    return this.dataSource.getRepository(CustomerExport).findOneBy({ workspaceId, id });
  }

  /** Newest first, keyset on (created_at, id). */
  list(workspaceId: string, limit: number, after?: ExportAfter): Promise<CustomerExport[]> {
    const query = this.dataSource
      .getRepository(CustomerExport)
      .createQueryBuilder('x')
      .where('x.workspace_id = :workspaceId', { workspaceId })
      .orderBy('x.created_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(x.created_at, x.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  /** Moves a queued export to running; false when it is not queued (already taken, finished or gone). */
  /**
   * Claims an export for a run. A `running` one is taken over too: Bull hands a job to one worker at a time,
   * so a second run means the first worker died (a stalled job) and the export would otherwise stay running.
   */
  async start(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(CustomerExport)
      .update({ workspaceId, id, status: In(['queued', 'running']) }, { status: 'running', error: null });
    return result.affected === 1;
  }

  async finish(workspaceId: string, id: string, outcome: { rowCount: number; storageKey: string } | { error: string }): Promise<void> {
    const values = 'error' in outcome ? { status: 'failed' as const, error: outcome.error } : { status: 'completed' as const, ...outcome };
    await this.dataSource.getRepository(CustomerExport).update({ workspaceId, id }, { ...values, finishedAt: () => 'now()' });
  }

  /** A failed attempt that Bull will retry: back to queued. */
  async requeue(workspaceId: string, id: string, error: string): Promise<void> {
    await this.dataSource.getRepository(CustomerExport).update({ workspaceId, id }, { status: 'queued', error });
  }

  /**
   * The customers of the list query, batch by batch, through a server-side cursor: one consistent
   * snapshot (REPEATABLE READ), never the whole result in memory.
   */
  async *stream(query: CustomerQuery, batchSize = 1000): AsyncGenerator<CustomerListRow[]> {
    const { sql, params } = buildCustomerQuery(query);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`DECLARE customer_export NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows: Record<string, unknown>[] = await runner.query(`FETCH FORWARD ${batchSize} FROM customer_export`);
        if (!rows.length) break;
        yield rows.map(toListRow);
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
