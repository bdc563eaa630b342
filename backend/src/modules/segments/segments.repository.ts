import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { escapeLike } from '../../platform/database/escape-like';
import { Segment } from './entities/segment.entity';
import type { SegmentRules } from './rules/segment-rules.types';

/** Points of the size trend shown in lists. */
export const SIZE_TREND_POINTS = 30;

/** The sizes of the last completed refreshes of segment `s` as a JSON array `points` of {at, size}, oldest first. */
const SIZE_TREND = `
  SELECT COALESCE(json_agg(json_build_object('at', r.at, 'size', r.size) ORDER BY r.at), '[]') AS points
    FROM (SELECT x.finished_at AS at, x.size
            FROM segment_refreshes x
           WHERE x.workspace_id = s.workspace_id AND x.segment_id = s.id AND x.status = 'completed'
           ORDER BY x.created_at DESC LIMIT ${SIZE_TREND_POINTS}) r`;

export interface SizePoint {
  at: Date;
  size: number;
}

export interface SegmentListRow {
  segment: Segment;
  sizeTrend: SizePoint[];
}

export interface SegmentRef {
  id: string;
  name: string;
}

export type NewSegment = Pick<Segment, 'workspaceId' | 'name' | 'description' | 'rules' | 'referencedSegmentIds' | 'timeRelative' | 'playbookKey' | 'createdBy'>;

/** Segment definitions: lookups, the list with its size trend, references between segments and writes. Scoped to one workspace. */
@Injectable()
export class SegmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Newest first, optionally filtered by part of the name, each with the sizes of its last completed
   * refreshes (one LATERAL per listed segment, over the refreshes index).
   */
  async list(workspaceId: string, options: { search?: string; after?: { createdAt: string; id: string }; limit: number }): Promise<SegmentListRow[]> {
    const rows: (Segment & { sizeTrend: { at: string; size: number }[] })[] = await this.dataSource.query(
      `SELECT s.id, s.workspace_id AS "workspaceId", s.name, s.description, s.status, s.member_count AS "memberCount",
              s.refreshed_at AS "refreshedAt", s.refresh_error AS "refreshError", s.time_relative AS "timeRelative",
              s.playbook_key AS "playbookKey", s.created_at AS "createdAt", s.updated_at AS "updatedAt", trend.points AS "sizeTrend"
         FROM segments s
         CROSS JOIN LATERAL (${SIZE_TREND}) trend
        WHERE s.workspace_id = $1
          AND ($2::text IS NULL OR s.name ILIKE $2 ESCAPE '\\')
          AND ($3::timestamptz IS NULL OR (s.created_at, s.id) < ($3, $4::uuid))
        ORDER BY s.created_at DESC, s.id DESC
        LIMIT $5`,
      [workspaceId, options.search ? `%${escapeLike(options.search)}%` : null, options.after?.createdAt ?? null, options.after?.id ?? null, options.limit],
    );
    return rows.map(({ sizeTrend, ...segment }) => ({ segment: segment as Segment, sizeTrend: toSizePoints(sizeTrend) }));
  }

  async sizeTrend(workspaceId: string, id: string): Promise<SizePoint[]> {
    const [row] = await this.dataSource.query(`SELECT trend.points FROM segments s CROSS JOIN LATERAL (${SIZE_TREND}) trend WHERE s.workspace_id = $1 AND s.id = $2`, [
      workspaceId,
      id,
    ]);
    return toSizePoints(row?.points ?? []);
  }

  /** With `lock`, the row stays locked until the transaction of `manager` ends. */
  findById(workspaceId: string, id: string, manager?: EntityManager, lock = false): Promise<Segment | null> {
    const query = this.manager(manager).getRepository(Segment).createQueryBuilder('s').where('s.workspace_id = :workspaceId AND s.id = :id', { workspaceId, id });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async findRules(workspaceId: string, id: string, manager?: EntityManager): Promise<SegmentRules | null> {
    const [row] = await this.manager(manager).query('SELECT rules FROM segments WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return row?.rules ?? null;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string | null, manager?: EntityManager): Promise<boolean> {
    const [row] = await this.manager(manager).query('SELECT 1 FROM segments WHERE workspace_id = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3) LIMIT 1', [
      workspaceId,
      name,
      exceptId,
    ]);
    return !!row;
  }

  /** Segments whose rules refer to `id`, directly or through others (the GIN index on referenced_segment_ids). */
  usedBy(workspaceId: string, id: string, manager?: EntityManager): Promise<Segment[]> {
    return this.manager(manager)
      .getRepository(Segment)
      .createQueryBuilder('s')
      .where('s.workspace_id = :workspaceId AND s.referenced_segment_ids @> ARRAY[:id]::uuid[]', { workspaceId, id })
      .orderBy('s.name')
      .getMany();
  }

  refs(workspaceId: string, ids: string[], manager?: EntityManager): Promise<SegmentRef[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager(manager).query('SELECT id, name FROM segments WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ORDER BY name', [workspaceId, ids]);
  }

  /** The segment of each playbook created in the workspace (the oldest when several). */
  async playbookSegments(workspaceId: string): Promise<Map<string, string>> {
    const rows: { playbook_key: string; id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (playbook_key) playbook_key, id FROM segments
        WHERE workspace_id = $1 AND playbook_key IS NOT NULL ORDER BY playbook_key, created_at`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.playbook_key, r.id]));
  }

  /**
   * Serializes changes to the segment definitions of a workspace until the transaction ends, so that two
   * concurrent edits cannot make a cycle and a deletion cannot race a new reference to the segment.
   */
  async lockDefinitions(workspaceId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('segments:' || $1, 0))`, [workspaceId]);
  }

  insert(values: NewSegment, manager: EntityManager): Promise<Segment> {
    const repo = manager.getRepository(Segment);
    return repo.save(repo.create(values));
  }

  save(segment: Segment, manager: EntityManager): Promise<Segment> {
    return manager.getRepository(Segment).save(segment);
  }

  /** Removes the segment; its members and refreshes go with it (foreign keys cascade). */
  async delete(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Segment).delete({ workspaceId, id });
  }
}

const toSizePoints = (points: { at: string; size: number }[]): SizePoint[] => points.map((p) => ({ at: new Date(p.at), size: p.size }));

/** True when a write was refused by the unique index on the segment name. */
export function isDuplicateName(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === 'segments_workspace_name_key';
}
