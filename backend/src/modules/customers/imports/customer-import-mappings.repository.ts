import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportMapping } from '../customers.types';
import { SavedImportMapping } from '../entities/import-mapping.entity';

/** The only place that queries `customer_import_mappings`; every query is scoped to one workspace. */
@Injectable()
export class CustomerImportMappingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(SavedImportMapping);
  }

  /** By name; `limit + 1` rows tell whether another page exists. */
  list(workspaceId: string, limit: number, after?: { name: string; id: string }): Promise<SavedImportMapping[]> {
    const query = this.repo()
      .createQueryBuilder('m')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit);
    if (after) query.andWhere('(m.name, m.id) > (:name, :id)', after);
    return query.getMany();
  }

  findOne(workspaceId: string, id: string): Promise<SavedImportMapping | null> {
    return this.repo().findOneBy({ workspaceId, id });
  }

  /** Creates the mapping, or replaces the one of the same name; returns it with whether one was replaced. */
  async save(workspaceId: string, name: string, mapping: ImportMapping, manager: EntityManager): Promise<{ saved: SavedImportMapping; before: SavedImportMapping | null }> {
    const before = await this.repo(manager).findOneBy({ workspaceId, name });
    const [row] = await manager.query(
      `INSERT INTO customer_import_mappings (workspace_id, name, mapping) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, name) DO UPDATE SET mapping = excluded.mapping, updated_at = now()
       RETURNING id`,
      [workspaceId, name, mapping],
    );
    return { saved: await this.repo(manager).findOneByOrFail({ workspaceId, id: row.id }), before };
  }

  async remove(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ workspaceId, id });
  }

  /** The most recently saved mapping whose columns are exactly `headers` (in any order), if any. */
  findFitting(workspaceId: string, headers: string[]): Promise<SavedImportMapping | null> {
    return this.repo()
      .createQueryBuilder('m')
      .where('m.workspace_id = :workspaceId', { workspaceId })
      .andWhere(`m.mapping -> 'columns' ?& CAST(:headers AS text[])`, { headers })
      .andWhere(`(SELECT count(*) FROM jsonb_object_keys(m.mapping -> 'columns')) = :count`, { count: headers.length })
      .orderBy('m.updated_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getOne();
  }
}
