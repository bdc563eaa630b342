import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { stringify } from 'csv-stringify';
import { isUUID } from 'class-validator';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { decodeCursor, toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { FileStorage } from '../../../platform/storage/file-storage';
import { AuditService } from '../../audit/audit.service';
import type { CustomerExport } from '../entities/customer-export.entity';
import { exportColumns, toCsvRecord } from './customer-export.csv';
import { CUSTOMER_EXPORTS_QUEUE, CustomerExportJobName } from './customer-exports.jobs';
import type { WriteCustomerExportJob } from './customer-exports.jobs';
import { CustomerExportsRepository } from './customer-exports.repository';
import type { ExportAfter } from './customer-exports.repository';
import { isIsoInstant } from './customer-cursor';
import { DEFAULT_CUSTOMER_SORT } from './customer-filters';
import type { CustomerFilters, CustomerSort } from './customer-filters';
import { CustomerInsightsRepository } from './customer-insights.repository';
import type { CustomerExportDto, CustomerExportFiltersDto } from './dto/customer-export.dto';
import { profilesError } from './profiles.errors';
import { requirePermission } from '../../../platform/access/require-permission';

const DEFAULT_LIMIT = 50;

/** Filters and sort as stored in `customer_exports.filters`. */
type StoredFilters = CustomerFilters & { sort: CustomerSort };

export interface ExportAttempt {
  attempt: number;
  maxAttempts: number;
}

/**
 * CSV exports of a filtered customer list: a row in `customer_exports`, a job on the `customer-exports`
 * queue that streams the list query through a PostgreSQL cursor into csv-stringify and the file
 * storage, and the download of the finished file.
 */
@Injectable()
export class CustomerExportsService {
  private readonly logger = new Logger('CustomerExports');

  constructor(
    private readonly exports: CustomerExportsRepository,
    private readonly insights: CustomerInsightsRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @InjectQueue(CUSTOMER_EXPORTS_QUEUE) private readonly queue: Queue<WriteCustomerExportJob>,
  ) {}

  async create(actor: Actor, request: CustomerFilters & { sort?: CustomerSort }): Promise<CustomerExportDto> {
    requirePermission(actor, 'customers:export');
    const filters: StoredFilters = JSON.parse(JSON.stringify({ ...request, sort: request.sort ?? DEFAULT_CUSTOMER_SORT }));
    const row = await this.transactions.run(async (m) => {
      const created = await this.exports.insert({ workspaceId: actor.workspaceId, createdBy: actor.label.slice(0, 120), filters: { ...filters } }, m);
      // The search term may be someone's name or email: the audit row says a search was made, not what.
      const { q, ...audited } = filters;
      await this.audit.record(
        actor,
        { action: 'customer_export.create', objectType: 'customer_export', objectId: created.id, after: { filters: audited, search: Boolean(q) } },
        m,
      );
      return created;
    });
    try {
      await this.queue.add(CustomerExportJobName.Write, { workspaceId: actor.workspaceId, exportId: row.id }, { jobId: row.id });
    } catch (error) {
      await this.exports.finish(actor.workspaceId, row.id, { error: `Could not be queued: ${(error as Error).message}` });
      throw error;
    }
    return toExportDto(row);
  }

  async list(actor: Actor, query: { cursor?: string; limit?: number }): Promise<Page<CustomerExportDto>> {
    requirePermission(actor, 'customers:export');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.exports.list(actor.workspaceId, limit + 1, exportAfter(query.cursor));
    return toPage(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id }), toExportDto);
  }

  async get(actor: Actor, id: string): Promise<CustomerExportDto> {
    requirePermission(actor, 'customers:export');
    return toExportDto(await this.find(actor, id));
  }

  /** The finished CSV as a stream, with the file name to offer. */
  async download(actor: Actor, id: string): Promise<{ fileName: string; stream: Readable }> {
    requirePermission(actor, 'customers:export');
    const row = await this.find(actor, id);
    if (row.status !== 'completed' || !row.storageKey) throw profilesError.exportNotReady(row.status);
    return { fileName: `customers-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.csv`, stream: this.storage.openRead(row.storageKey) };
  }

  /**
   * Writes the CSV of a queued export (the worker calls this). A failed attempt goes back to queued while
   * Bull has retries left, and is marked failed on the last one.
   */
  async run(job: WriteCustomerExportJob, { attempt, maxAttempts }: ExportAttempt): Promise<void> {
    const { workspaceId, exportId } = job;
    if (!(await this.exports.start(workspaceId, exportId))) return; // finished, failed or deleted
    const row = await this.exports.findById(workspaceId, exportId);
    if (!row) return;
    const { sort, ...filters } = row.filters as unknown as StoredFilters;
    const storageKey = this.storage.newKey(workspaceId, 'customer-exports', 'csv');
    try {
      const attributeKeys = (await this.insights.attributeKeys(workspaceId)).map((a) => a.key).sort();
      let rowCount = 0;
      const exportsRepo = this.exports;
      async function* records() {
        for await (const batch of exportsRepo.stream({ workspaceId, filters, sort })) {
          rowCount += batch.length;
          for (const customer of batch) yield toCsvRecord(customer, attributeKeys);
        }
      }
      const csv = stringify({ header: true, columns: exportColumns(attributeKeys), bom: true });
      await pipeline(Readable.from(records()), csv, await this.storage.openWrite(storageKey));
      await this.exports.finish(workspaceId, exportId, { rowCount, storageKey });
    } catch (error) {
      await this.storage.remove(storageKey);
      const message = (error as Error).message;
      if (attempt < maxAttempts) await this.exports.requeue(workspaceId, exportId, message);
      else await this.exports.finish(workspaceId, exportId, { error: message });
      this.logger.warn(`Export ${exportId} failed (attempt ${attempt} of ${maxAttempts}): ${message}`);
      throw error;
    }
  }

  private async find(actor: Actor, id: string): Promise<CustomerExport> {
    const row = await this.exports.findById(actor.workspaceId, id);
    if (!row) throw profilesError.exportNotFound();
    return row;
  }
}

function exportAfter(cursor: string | undefined): ExportAfter | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  if (!isIsoInstant(position.v) || !isUUID(position.id)) throw profilesError.invalidCursor();
  return { createdAt: position.v, id: position.id };
}

const toExportDto = (x: CustomerExport): CustomerExportDto => ({
  id: x.id,
  status: x.status,
  filters: x.filters as unknown as CustomerExportFiltersDto,
  rowCount: x.rowCount,
  error: x.error,
  createdBy: x.createdBy,
  createdAt: x.createdAt,
  finishedAt: x.finishedAt,
});
