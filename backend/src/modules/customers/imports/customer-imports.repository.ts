import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportMapping } from '../customers.types';
import { CustomerImportError } from '../entities/customer-import-error.entity';
import { CustomerImport } from '../entities/customer-import.entity';

export type NewCustomerImport = Pick<
  CustomerImport,
  'workspaceId' | 'createdBy' | 'fileName' | 'format' | 'sizeBytes' | 'storageKey' | 'headers' | 'previewRows' | 'delimiter'
>;

export interface ImportErrorRow {
  rowNumber: number;
  columnName: string | null;
  value: string | null;
  reason: string;
}

/** What one batch added to an import's counters. */
export interface BatchTally {
  processed: number;
  created: number;
  updated: number;
  rejected: number;
  progress: number;
}

/** The only place that queries `customer_imports` and `customer_import_errors`; every query is scoped to one workspace. */
@Injectable()
export class CustomerImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private imports(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CustomerImport);
  }

  async insert(values: NewCustomerImport, manager?: EntityManager): Promise<CustomerImport> {
    const repo = this.imports(manager);
    return repo.save(repo.create(values));
  }

  findOne(workspaceId: string, id: string): Promise<CustomerImport | null> {
    return this.imports().findOneBy({ workspaceId, id });
  }

  /** Newest first; `limit + 1` rows tell whether another page exists. */
  list(workspaceId: string, limit: number, after?: { createdAt: string; id: string }): Promise<CustomerImport[]> {
    const query = this.imports()
      .createQueryBuilder('i')
      .where('i.workspace_id = :workspaceId', { workspaceId })
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(i.created_at, i.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  /** Queues an uploaded (or failed) import with its mapping; false when it is in another state. */
  async markQueued(workspaceId: string, id: string, mapping: ImportMapping, manager: EntityManager): Promise<boolean> {
    const result = await this.imports(manager)
      .createQueryBuilder()
      .update(CustomerImport)
      .set({ status: 'queued', mapping, error: null })
      .where(`workspace_id = :workspaceId AND id = :id AND status IN ('uploaded', 'failed')`, { workspaceId, id })
      .execute();
    return result.affected === 1;
  }

  /**
   * Starts (or restarts, after a worker crash) the run of a queued or running import: counters back to zero
   * and errors of an earlier attempt removed, so a rerun reports the file once. Null when it is in another state.
   */
  async begin(workspaceId: string, id: string): Promise<CustomerImport | null> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(CustomerImport)
        .set({
          status: 'running',
          startedAt: () => 'now()',
          finishedAt: null,
          error: null,
          processedRows: 0,
          createdCount: 0,
          updatedCount: 0,
          rejectedCount: 0,
          progress: 0,
        })
        .where(`workspace_id = :workspaceId AND id = :id AND status IN ('queued', 'running')`, { workspaceId, id })
        .execute();
      if (result.affected !== 1) return null;
      await manager.delete(CustomerImportError, { workspaceId, importId: id });
      return manager.getRepository(CustomerImport).findOneByOrFail({ workspaceId, id });
    });
  }

  /** Adds one batch's counts and the progress reached, in the batch's transaction. */
  async addBatch(manager: EntityManager, workspaceId: string, id: string, tally: BatchTally): Promise<void> {
    await manager.query(
      `UPDATE customer_imports SET processed_rows = processed_rows + $3, created_count = created_count + $4,
         updated_count = updated_count + $5, rejected_count = rejected_count + $6, progress = greatest(progress, $7)
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, tally.processed, tally.created, tally.updated, tally.rejected, tally.progress],
    );
  }

  async finish(workspaceId: string, id: string, outcome: { status: 'completed' } | { status: 'failed'; error: string }): Promise<void> {
    await this.imports().update(
      { workspaceId, id },
      { status: outcome.status, error: outcome.status === 'failed' ? outcome.error : null, finishedAt: () => 'now()', ...(outcome.status === 'completed' ? { progress: 100 } : {}) },
    );
  }

  /** Stores rejected rows in one statement. */
  async insertErrors(manager: EntityManager, workspaceId: string, importId: string, errors: ImportErrorRow[]): Promise<void> {
    if (!errors.length) return;
    await manager.query(
      `INSERT INTO customer_import_errors (workspace_id, import_id, row_number, column_name, value, reason)
       SELECT $1, $2, * FROM unnest($3::int[], $4::varchar[], $5::text[], $6::text[])`,
      [workspaceId, importId, errors.map((e) => e.rowNumber), errors.map((e) => e.columnName), errors.map((e) => e.value), errors.map((e) => e.reason)],
    );
  }

  /** In file order (row, then insertion); `limit + 1` rows tell whether another page exists. */
  listErrors(workspaceId: string, importId: string, limit: number, afterId?: string): Promise<CustomerImportError[]> {
    const query = this.dataSource
      .getRepository(CustomerImportError)
      .createQueryBuilder('e')
      .where('e.workspace_id = :workspaceId AND e.import_id = :importId', { workspaceId, importId })
      .orderBy('e.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('e.id > :afterId', { afterId });
    return query.getMany();
  }

  /** Blanks rejected-row values equal (case-insensitively) to any of `values`; returns how many were blanked. */
  async forgetValues(workspaceId: string, values: string[], manager: EntityManager): Promise<number> {
    const [, affected] = await manager.query(
      `UPDATE customer_import_errors SET value = NULL WHERE workspace_id = $1 AND lower(value) = ANY($2::text[])`,
      [workspaceId, values.map((v) => v.toLowerCase())],
    );
    return affected;
  }
}
