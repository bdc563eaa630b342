import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { decodeCursor, toPage } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { AuditService } from '../../audit/audit.service';
import type { ImportMapping } from '../customers.types';
import type { SavedImportMapping } from '../entities/import-mapping.entity';
import { mappingProblems } from './column-mapping';
import { CustomerImportMappingsRepository } from './customer-import-mappings.repository';
import { toSavedMappingDto } from './customer-imports.mapper';
import { importsError } from './customer-imports.errors';
import { requirePermission } from '../../../platform/access/require-permission';
import type { SavedImportMappingDto } from './dto/import-mapping.dto';

const DEFAULT_LIMIT = 50;

/** Named column mappings, saved from an import or directly, and suggested for the next file with the same columns. */
@Injectable()
export class CustomerImportMappingsService {
  constructor(
    private readonly mappings: CustomerImportMappingsRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(actor: Actor, query: { cursor?: string; limit?: number }): Promise<Page<SavedImportMappingDto>> {
    requirePermission(actor, 'customers:import');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const rows = await this.mappings.list(actor.workspaceId, limit + 1, after && { name: String(after.v), id: after.id });
    return toPage(rows, limit, (r) => ({ v: r.name, id: r.id }), toSavedMappingDto);
  }

  /** Saves a mapping under a name (replacing one of the same name); its targets must be valid. */
  async save(actor: Actor, request: { name: string; mapping: ImportMapping }): Promise<SavedImportMappingDto> {
    requirePermission(actor, 'customers:import');
    const problems = mappingProblems(request.mapping, Object.keys(request.mapping.columns));
    if (problems.length) throw importsError.invalidMapping(problems);
    const saved = await this.transactions.run((m) => this.saveIn(actor, request.name.trim(), request.mapping, m));
    return toSavedMappingDto(saved);
  }

  /** Saves within a caller's transaction, audited (used when an import is started with `saveMappingAs`). */
  async saveIn(actor: Actor, name: string, mapping: ImportMapping, manager: EntityManager): Promise<SavedImportMapping> {
    const { saved, before } = await this.mappings.save(actor.workspaceId, name, { columns: mapping.columns }, manager);
    await this.audit.record(
      actor,
      { action: 'customer_import_mapping.save', objectType: 'customer_import_mapping', objectId: saved.id, before: before && { mapping: before.mapping }, after: { name, mapping } },
      manager,
    );
    return saved;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'customers:import');
    const existing = await this.mappings.findOne(actor.workspaceId, id);
    if (!existing) throw importsError.mappingNotFound();
    await this.transactions.run(async (m) => {
      await this.mappings.remove(actor.workspaceId, id, m);
      await this.audit.record(
        actor,
        { action: 'customer_import_mapping.delete', objectType: 'customer_import_mapping', objectId: id, before: { name: existing.name, mapping: existing.mapping } },
        m,
      );
    });
  }

  /** The most recently saved mapping made for exactly these columns, if any. */
  fitting(workspaceId: string, headers: string[]): Promise<SavedImportMapping | null> {
    return this.mappings.findFitting(workspaceId, headers);
  }
}
