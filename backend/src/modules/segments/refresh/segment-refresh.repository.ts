import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SegmentRefresh } from '../entities/segment-refresh.entity';
import type { SegmentQuery } from '../rules/segment-queries';
import type { SegmentRules } from '../rules/segment-rules.types';
import type { RefreshKind, RefreshTrigger, SegmentStatus } from '../segments.types';
import { SEGMENT_QUERY_SETTINGS } from '../rules/segment-queries';

/** The segment a refresh works on, read inside the refresh's transaction. */
export interface RefreshTarget {
  status: SegmentRefresh['status'];
  kind: RefreshKind;
  rules: SegmentRules;
  /** `changes_from` of the segment's latest completed refresh (null: none completed). */
  changesFrom: Date | null;
  /** Status of the segment's latest full refresh other than this one (null: none). */
  lastFullStatus: SegmentRefresh['status'] | null;
}

export interface RefreshOutcome {
  kind: RefreshKind;
  asOf: Date;
  changesFrom: Date;
  evaluated: number;
  size: number;
  added: number;
  removed: number;
  durationMs: number;
}

/** What the scheduler knows of a segment. */
export interface SegmentRefreshState {
  segmentId: string;
  workspaceId: string;
  status: SegmentStatus;
  timeRelative: boolean;
  /** When the latest full refresh was requested, whatever became of it. */
  lastFullRequestedAt: Date | null;
  changesFrom: Date | null;
}

export interface SizeHistoryRow {
  at: Date;
  size: number;
  added: number;
  removed: number;
  kind: RefreshKind;
  trigger: RefreshTrigger;
}

/** Refresh rows (`segment_refreshes`), the materialized members (`segment_members`) and the refresh state of `segments`. */
@Injectable()
export class SegmentRefreshRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The segment's queued refresh, created when there is none. A queued incremental refresh asked for a full one
   * becomes full (with the new trigger). Null when the segment is not in the workspace.
   */
  async upsertQueued(workspaceId: string, segmentId: string, kind: RefreshKind, trigger: RefreshTrigger): Promise<SegmentRefresh | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO segment_refreshes AS r (workspace_id, segment_id, kind, trigger)
       SELECT s.workspace_id, s.id, $3, $4 FROM segments s WHERE s.workspace_id = $1 AND s.id = $2
       ON CONFLICT (segment_id) WHERE status = 'queued' DO UPDATE SET
         kind = CASE WHEN EXCLUDED.kind = 'full' THEN 'full' ELSE r.kind END,
         trigger = CASE WHEN EXCLUDED.kind = 'full' AND r.kind <> 'full' THEN EXCLUDED.trigger ELSE r.trigger END
       RETURNING r.id`,
      [workspaceId, segmentId, kind, trigger],
    );
    return rows.length ? this.findById(workspaceId, segmentId, rows[0].id) : null;
  }

  findById(workspaceId: string, segmentId: string, id: string): Promise<SegmentRefresh | null> {
    return this.dataSource.getRepository(SegmentRefresh).findOneBy({ workspaceId, segmentId, id });
  }

  async segmentExists(workspaceId: string, segmentId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM segments WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      segmentId,
    ]);
    return rows.length > 0;
  }

  /** Segments of the workspace whose rules refer to `segmentId`, directly or through others. */
  async dependents(workspaceId: string, segmentId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM segments WHERE workspace_id = $1 AND referenced_segment_ids @> ARRAY[$2::uuid] ORDER BY created_at, id`,
      [workspaceId, segmentId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Claims a refresh for a run and marks its segment refreshing. A `running` one is taken over too: Bull runs a
   * job again after its worker died (a stalled job). False when it is completed, failed or gone.
   */
  async start(workspaceId: string, id: string): Promise<boolean> {
    const [, claimed] = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE segment_refreshes SET status = 'running', started_at = clock_timestamp()
         WHERE workspace_id = $1 AND id = $2 AND status IN ('queued', 'running')
         RETURNING segment_id
       )
       UPDATE segments s SET status = 'refreshing' FROM claimed WHERE s.workspace_id = $1 AND s.id = claimed.segment_id
       RETURNING s.id`,
      [workspaceId, id],
    )) as [unknown, number];
    return claimed === 1;
  }

  /** Serializes refreshes of one segment (held until the transaction ends; a dead worker's lock goes with its connection) and sets the planner settings segment queries run with (SEGMENT_QUERY_SETTINGS). */
  async lockSegment(manager: EntityManager, segmentId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('segment-refresh'), hashtext($1))`, [segmentId]);
    for (const setting of SEGMENT_QUERY_SETTINGS) await manager.query(setting);
  }

  /** The refresh and its segment's rules and refresh state, read after the lock (null when the segment is gone). */
  async target(manager: EntityManager, workspaceId: string, segmentId: string, id: string): Promise<RefreshTarget | null> {
    const [row] = await manager.query(
      `SELECT r.status, r.kind, s.rules,
              (SELECT max(p.changes_from) FROM segment_refreshes p
                WHERE p.workspace_id = $1 AND p.segment_id = $2 AND p.status = 'completed') AS changes_from,
              (SELECT f.status FROM segment_refreshes f
                WHERE f.workspace_id = $1 AND f.segment_id = $2 AND f.kind = 'full' AND f.id <> $3
                ORDER BY f.created_at DESC LIMIT 1) AS last_full_status
       FROM segment_refreshes r JOIN segments s ON s.id = r.segment_id AND s.workspace_id = $1
       WHERE r.workspace_id = $1 AND r.id = $3 AND r.segment_id = $2`,
      [workspaceId, segmentId, id],
    );
    if (!row) return null;
    return { status: row.status, kind: row.kind, rules: row.rules, changesFrom: row.changes_from, lastFullStatus: row.last_full_status };
  }

  /** Another segment's rules, for segment conditions (null when it is not in the workspace). */
  async rulesOf(manager: EntityManager, workspaceId: string, segmentId: string): Promise<SegmentRules | null> {
    const [row] = await manager.query(`SELECT rules FROM segments WHERE workspace_id = $1 AND id = $2`, [workspaceId, segmentId]);
    return row?.rules ?? null;
  }

  /**
   * Makes the segment's members agree with `matches` (a `SELECT <customer id> …` query of the customers matching the
   * rules) in ONE statement: the matching ids and the current members meet in a FULL JOIN — which PostgreSQL can only
   * run as a hash or merge join, never as a nested loop over an unindexed set, whatever it estimates of a segment's
   * members — giving the difference; members that no longer match are deleted through the primary key, new matches
   * inserted (members who stay are not touched and keep `added_at`). With `onlyIds`, only those customers' membership
   * is considered (`matches` must then be restricted to them too). Returns how many matched, joined and left.
   */
  async applyMatches(
    manager: EntityManager,
    target: { workspaceId: string; segmentId: string },
    matches: SegmentQuery,
    onlyIds: string[] | null,
  ): Promise<{ matched: number; added: number; removed: number }> {
    const params = [...matches.params, target.workspaceId, target.segmentId, onlyIds];
    const [w, s, only] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    const [row] = await manager.query(
      `WITH matches (customer_id) AS MATERIALIZED (${matches.sql}),
       members AS (
         SELECT customer_id FROM segment_members
         WHERE segment_id = ${s} AND workspace_id = ${w} AND (${only}::uuid[] IS NULL OR customer_id = ANY(${only}::uuid[]))
       ),
       diff AS MATERIALIZED (
         SELECT coalesce(x.customer_id, m.customer_id) AS customer_id, m.customer_id IS NULL AS joins
         FROM matches x FULL JOIN members m ON m.customer_id = x.customer_id
         WHERE x.customer_id IS NULL OR m.customer_id IS NULL
       ),
       removed AS (
         DELETE FROM segment_members
         WHERE segment_id = ${s} AND workspace_id = ${w} AND customer_id = ANY(ARRAY(SELECT customer_id FROM diff WHERE NOT joins))
         RETURNING 1
       ),
       added AS (
         INSERT INTO segment_members (segment_id, customer_id, workspace_id)
         SELECT ${s}::uuid, customer_id, ${w}::uuid FROM diff WHERE joins
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM matches)::int AS matched, (SELECT count(*) FROM added)::int AS added,
              (SELECT count(*) FROM removed)::int AS removed`,
      params,
    );
    return row;
  }

  async countMembers(manager: EntityManager, workspaceId: string, segmentId: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM segment_members WHERE segment_id = $2 AND workspace_id = $1`, [
      workspaceId,
      segmentId,
    ]);
    return row.n;
  }

  /**
   * Records a finished refresh and the segment's new state. Other refreshes of the segment still marked running
   * lost their worker (this one holds the segment's lock): they are marked failed.
   */
  async complete(manager: EntityManager, workspaceId: string, segmentId: string, id: string, outcome: RefreshOutcome): Promise<void> {
    await manager.query(
      `UPDATE segments SET member_count = $3, status = 'ready', refresh_error = NULL, refreshed_at = $4,
              full_refreshed_at = CASE WHEN $5 = 'full' THEN $4 ELSE full_refreshed_at END
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, segmentId, outcome.size, outcome.asOf, outcome.kind],
    );
    await manager.query(
      `UPDATE segment_refreshes SET status = 'completed', kind = $3, as_of = $4, changes_from = $5, evaluated = $6, size = $7,
              added = $8, removed = $9, duration_ms = $10, error = NULL, finished_at = clock_timestamp()
       WHERE workspace_id = $1 AND id = $2`,
      [
        workspaceId,
        id,
        outcome.kind,
        outcome.asOf,
        outcome.changesFrom,
        outcome.evaluated,
        outcome.size,
        outcome.added,
        outcome.removed,
        outcome.durationMs,
      ],
    );
    await manager.query(
      `UPDATE segment_refreshes SET status = 'failed', error = 'Abandoned: its worker stopped before it finished', finished_at = clock_timestamp()
       WHERE workspace_id = $1 AND segment_id = $2 AND status = 'running' AND id <> $3`,
      [workspaceId, segmentId, id],
    );
  }

  /** Progress of a running refresh, written outside its transaction so that readers see it. */
  async progress(workspaceId: string, id: string, values: { evaluated: number; kind: RefreshKind }): Promise<void> {
    await this.dataSource.query(
      `UPDATE segment_refreshes SET evaluated = $3, kind = $4 WHERE workspace_id = $1 AND id = $2 AND status = 'running'`,
      [workspaceId, id, values.evaluated, values.kind],
    );
  }

  /** A failed attempt. On the last one the refresh and its segment are marked failed; before it, Bull retries. */
  async fail(workspaceId: string, segmentId: string, id: string, error: string, final: boolean): Promise<void> {
    if (!final) {
      await this.dataSource.query(`UPDATE segment_refreshes SET error = $3 WHERE workspace_id = $1 AND id = $2 AND status = 'running'`, [
        workspaceId,
        id,
        error,
      ]);
      return;
    }
    await this.dataSource.transaction(async (m) => {
      const [, failed] = (await m.query(
        `UPDATE segment_refreshes SET status = 'failed', error = $3, finished_at = clock_timestamp()
         WHERE workspace_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
        [workspaceId, id, error],
      )) as [unknown, number];
      if (failed)
        await m.query(`UPDATE segments SET status = 'failed', refresh_error = $3 WHERE workspace_id = $1 AND id = $2`, [
          workspaceId,
          segmentId,
          error,
        ]);
    });
  }

  /** Completed refreshes of the segment finished in [from, to), oldest first. */
  async sizeHistory(workspaceId: string, segmentId: string, from: Date, to: Date): Promise<SizeHistoryRow[]> {
    const rows: { at: Date; size: number; added: number; removed: number; kind: RefreshKind; trigger: RefreshTrigger }[] =
      await this.dataSource.query(
        `SELECT finished_at AS at, size, added, removed, kind, trigger FROM segment_refreshes
       WHERE workspace_id = $1 AND segment_id = $2 AND status = 'completed' AND finished_at >= $3 AND finished_at < $4
       ORDER BY finished_at, id`,
        [workspaceId, segmentId, from, to],
      );
    return rows;
  }

  /** Every segment with what the scheduler decides on. */
  async refreshStates(): Promise<SegmentRefreshState[]> {
    const rows: Record<string, never>[] = await this.dataSource.query(
      `SELECT s.id, s.workspace_id, s.status, s.time_relative,
              (SELECT max(f.created_at) FROM segment_refreshes f
                WHERE f.workspace_id = s.workspace_id AND f.segment_id = s.id AND f.kind = 'full') AS last_full_requested_at,
              (SELECT max(p.changes_from) FROM segment_refreshes p
                WHERE p.workspace_id = s.workspace_id AND p.segment_id = s.id AND p.status = 'completed') AS changes_from
       FROM segments s ORDER BY s.workspace_id, s.created_at, s.id`,
    );
    return rows.map((r) => ({
      segmentId: r.id,
      workspaceId: r.workspace_id,
      status: r.status,
      timeRelative: r.time_relative,
      lastFullRequestedAt: r.last_full_requested_at,
      changesFrom: r.changes_from,
    }));
  }

  /**
   * Deletes completed incremental refreshes that changed nothing and finished before `before`: they add no point
   * to the size history. Refresh state stays sound: were one a segment's latest completed refresh, the next
   * incremental one would start from an earlier completed refresh's `changes_from` (or be a full one).
   */
  async pruneIdle(before: Date): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM segment_refreshes WHERE status = 'completed' AND kind = 'incremental' AND added = 0 AND removed = 0 AND finished_at < $1`,
      [before],
    )) as [unknown, number];
    return deleted;
  }
}
