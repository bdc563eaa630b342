import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CursorPosition } from '../../platform/pagination/cursor';
import { AuditEvent } from './entities/audit-event.entity';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(event: Omit<AuditEvent, 'id' | 'createdAt'>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(AuditEvent).save(event as AuditEvent, { reload: false });
  }

  /** Newest first, keyset on (created_at, id). */
  list(workspaceId: string, filter: AuditFilter, after: CursorPosition | undefined, limit: number): Promise<AuditEvent[]> {
    const query = this.filtered(workspaceId, filter);
    if (after) query.andWhere('(e.created_at, e.id) < (:v, :id)', { v: after.v, id: after.id });
    return query.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').limit(limit).getMany();
  }

  /** Streams matching rows oldest first, in batches, for export. */
  async *stream(workspaceId: string, filter: AuditFilter, batch = 1000): AsyncGenerator<AuditEvent[]> {
    let after: { v: Date; id: string } | undefined;
    for (;;) {
      const query = this.filtered(workspaceId, filter);
      if (after) query.andWhere('(e.created_at, e.id) > (:v, :id)', after);
      const rows = await query.orderBy('e.created_at', 'ASC').addOrderBy('e.id', 'ASC').limit(batch).getMany();
      if (!rows.length) return;
      yield rows;
      const last = rows[rows.length - 1];
      after = { v: last.createdAt, id: last.id };
    }
  }

  private filtered(workspaceId: string, f: AuditFilter): SelectQueryBuilder<AuditEvent> {
    const q = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e').where('e.workspace_id = :workspaceId', { workspaceId });
    if (f.actorId) q.andWhere('e.actor_id = :actorId', { actorId: f.actorId });
    if (f.action) q.andWhere('e.action = :action', { action: f.action });
    if (f.objectType) q.andWhere('e.object_type = :objectType', { objectType: f.objectType });
    if (f.objectId) q.andWhere('e.object_id = :objectId', { objectId: f.objectId });
    if (f.from) q.andWhere('e.created_at >= :from', { from: f.from });
    if (f.to) q.andWhere('e.created_at < :to', { to: f.to });
    return q;
  }
}
