import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { stringify } from 'csv-stringify/sync';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Env } from '../../../platform/config/env';
import { Transactions } from '../../../platform/database/transactions';
import { decodeCursor, toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { FileStorage } from '../../../platform/storage/file-storage';
import { AuditService } from '../../audit/audit.service';
import type { ImportMapping } from '../customers.types';
import type { CustomerImport } from '../entities/customer-import.entity';
import { safeText } from '../../../platform/csv/safe-text';
import { mappingProblems } from './column-mapping';
import { CustomerImportMappingsService } from './customer-import-mappings.service';
import { importsError } from './customer-imports.errors';
import { CUSTOMER_IMPORTS_QUEUE, CustomerImportJobName } from './customer-imports.jobs';
import type { RunCustomerImportJob } from './customer-imports.jobs';
import { toImportDetailDto, toImportDto, toImportErrorDto } from './customer-imports.mapper';
import { CustomerImportsRepository } from './customer-imports.repository';
import type { CustomerImportDetailDto, CustomerImportDto, CustomerImportErrorDto } from './dto/customer-import.response';
import { extensionOf } from './import-file-format';
import { inspectImportFile } from './import-file-inspection';
import { suggestMapping } from './mapping-suggestion';
import { requirePermission } from '../../../platform/access/require-permission';

const DEFAULT_LIMIT = 50;
const REPORT_BATCH = 1000;

/** A file part of a multipart upload, being received. */
export interface UploadedFile {
  fileName: string;
  stream: Readable;
  /** True when the upload was cut at the size limit (known once the stream has ended). */
  truncated(): boolean;
}

/**
 * Customer file imports, up to the background run: upload (streamed into the file storage, inspected,
 * previewed, a mapping suggested), start (mapping checked and saved, job queued), and what the run left:
 * status, counts, errors and the error report. The run itself is {@link CustomerImportRunner}.
 */
@Injectable()
export class CustomerImportsService {
  constructor(
    private readonly env: Env,
    private readonly imports: CustomerImportsRepository,
    private readonly mappings: CustomerImportMappingsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @InjectQueue(CUSTOMER_IMPORTS_QUEUE) private readonly queue: Queue<RunCustomerImportJob>,
  ) {}

  async upload(actor: Actor, file: UploadedFile): Promise<CustomerImportDetailDto> {
    requirePermission(actor, 'customers:import');
    const fileName = file.fileName.slice(-255) || 'upload';
    const key = this.storage.newKey(actor.workspaceId, 'imports', extensionOf(fileName) || 'bin');
    const size = await this.receive(key, file);
    const inspection = await inspectImportFile(() => this.storage.openRead(key), fileName);
    if (!inspection.ok) {
      await this.storage.remove(key);
      throw inspection.unsupported ? importsError.fileUnsupported(inspection.reason) : importsError.fileUnreadable(inspection.reason);
    }
    const { format, delimiter, headers, previewRows } = inspection.file;
    const row = await this.transactions.run(async (m) => {
      const created = await this.imports.insert(
        { workspaceId: actor.workspaceId, createdBy: actor.label.slice(0, 120), fileName, format, sizeBytes: String(size), storageKey: key, headers, previewRows, delimiter },
        m,
      );
      await this.audit.record(
        actor,
        { action: 'customer_import.upload', objectType: 'customer_import', objectId: created.id, after: { fileName, format, sizeBytes: size, columns: headers.length } },
        m,
      );
      return created;
    });
    return this.detail(row);
  }

  /** Streams the upload into storage; nothing of a refused upload stays behind. */
  private async receive(key: string, file: UploadedFile): Promise<number> {
    let size: number;
    try {
      size = await this.storage.write(key, file.stream);
    } catch (error) {
      await this.storage.remove(key);
      throw error;
    }
    if (file.truncated()) {
      await this.storage.remove(key);
      throw importsError.fileTooLarge(this.env.IMPORT_MAX_MB);
    }
    return size;
  }

  async list(actor: Actor, query: { cursor?: string; limit?: number }): Promise<Page<CustomerImportDto>> {
    requirePermission(actor, 'customers:import');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const rows = await this.imports.list(actor.workspaceId, limit + 1, after && { createdAt: String(after.v), id: after.id });
    return toPage(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id }), toImportDto);
  }

  async get(actor: Actor, id: string): Promise<CustomerImportDetailDto> {
    requirePermission(actor, 'customers:import');
    return this.detail(await this.find(actor, id));
  }

  /**
   * Checks the mapping against the file's columns, stores it (and saves it by name when asked), audits the
   * start and queues the run. An uploaded import, or a failed one (to run it again), can be started.
   */
  async start(actor: Actor, id: string, request: { mapping: ImportMapping; saveMappingAs?: string }): Promise<CustomerImportDetailDto> {
    requirePermission(actor, 'customers:import');
    const existing = await this.find(actor, id);
    const mapping: ImportMapping = { columns: request.mapping.columns };
    const problems = mappingProblems(mapping, existing.headers);
    if (problems.length) throw importsError.invalidMapping(problems);
    await this.transactions.run(async (m) => {
      if (!(await this.imports.markQueued(actor.workspaceId, id, mapping, m))) throw importsError.notStartable(existing.status);
      if (request.saveMappingAs) await this.mappings.saveIn(actor, request.saveMappingAs.trim(), mapping, m);
      await this.audit.record(
        actor,
        { action: 'customer_import.start', objectType: 'customer_import', objectId: id, before: { status: existing.status }, after: { status: 'queued', mapping } },
        m,
      );
    });
    try {
      await this.queue.add(CustomerImportJobName.Run, { workspaceId: actor.workspaceId, importId: id }, { attempts: 1 });
    } catch (error) {
      await this.imports.finish(actor.workspaceId, id, { status: 'failed', error: `Could not be queued: ${(error as Error).message}` });
      throw error;
    }
    return this.get(actor, id);
  }

  async listErrors(actor: Actor, id: string, query: { cursor?: string; limit?: number }): Promise<Page<CustomerImportErrorDto>> {
    requirePermission(actor, 'customers:import');
    await this.find(actor, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const rows = await this.imports.listErrors(actor.workspaceId, id, limit + 1, after?.id);
    return toPage(rows, limit, (r) => ({ v: r.rowNumber, id: r.id }), toImportErrorDto);
  }

  /**
   * The error report as CSV (row, column, value, reason), produced batch by batch; cells from the file are made
   * formula-safe as in customer exports. Checks access before the first byte.
   */
  async errorReport(actor: Actor, id: string): Promise<{ fileName: string; csv: AsyncGenerator<string> }> {
    requirePermission(actor, 'customers:import');
    const found = await this.find(actor, id);
    const imports = this.imports;
    async function* csv(): AsyncGenerator<string> {
      yield stringify([['row', 'column', 'value', 'reason']]);
      let afterId: string | undefined;
      for (;;) {
        const rows = await imports.listErrors(actor.workspaceId, id, REPORT_BATCH, afterId);
        if (!rows.length) return;
        yield stringify(rows.map((r) => [r.rowNumber, safeText(r.columnName), safeText(r.value), r.reason]));
        afterId = rows[rows.length - 1].id;
      }
    }
    return { fileName: `${found.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import'}-errors.csv`, csv: csv() };
  }

  /**
   * Part of a GDPR erasure (the caller's transaction): blanks the values of rejected import rows that hold
   * one of the erased customer's identifiers, so the error reports do not keep them.
   */
  forgetPersonalValues(workspaceId: string, values: string[], manager: EntityManager): Promise<number> {
    return values.length ? this.imports.forgetValues(workspaceId, values, manager) : Promise.resolve(0);
  }

  private async find(actor: Actor, id: string): Promise<CustomerImport> {
    const row = await this.imports.findOne(actor.workspaceId, id);
    if (!row) throw importsError.importNotFound();
    return row;
  }

  /** The import with a suggested mapping: a saved one made for exactly these columns, else one from the headers. */
  private async detail(row: CustomerImport): Promise<CustomerImportDetailDto> {
    const saved = await this.mappings.fitting(row.workspaceId, row.headers);
    return toImportDetailDto(row, { mapping: saved?.mapping ?? suggestMapping(row.headers, row.previewRows), saved });
  }
}
