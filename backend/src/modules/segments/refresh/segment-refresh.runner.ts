import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../../platform/database/transactions';
import { DomainError } from '../../../platform/errors/domain-error';
import { CustomerChangesService } from '../../customers/segment-source/customer-changes.service';
import { SegmentCompiler } from '../rules/segment-compiler';
import { idsQuery } from '../rules/segment-queries';
import type { SegmentQuery } from '../rules/segment-queries';
import { RefreshClock } from './refresh-clock';
import type { RunSegmentRefreshJob } from './segment-refresh.jobs';
import { SegmentRefreshRepository } from './segment-refresh.repository';
import type { RefreshOutcome, RefreshTarget } from './segment-refresh.repository';

/**
 * Above this many changed customers an incremental refresh evaluates everyone instead (after the daily RFM
 * rescoring most trait rows change, and one set-based pass beats a list of that many ids).
 */
export const MAX_INCREMENTAL_CHANGES = 50_000;

export interface RefreshAttempt {
  attempt: number;
  maxAttempts: number;
  /** Called with a percentage as the refresh advances (the processor forwards it to Bull). */
  onProgress?: (percent: number) => Promise<void>;
}

/**
 * Runs one refresh of a segment's materialized membership, in ONE transaction under a per-segment advisory lock:
 * compile the rules at `asOf` = now, then one statement evaluates the rules, deletes the members that no longer
 * match and inserts the new ones (members who stay keep `added_at`); then the segment's new size and the completed
 * refresh (a point of the size history) are recorded. A full refresh evaluates every customer; an incremental one
 * only those changed since the segment's last refresh — valid because every condition is per customer (segment
 * conditions are inlined), as long as the rules are those of the last full refresh. An error rolls everything back:
 * the previous membership stays.
 */
@Injectable()
export class SegmentRefreshRunner {
  private readonly logger = new Logger('SegmentRefresh');

  constructor(
    private readonly repository: SegmentRefreshRepository,
    private readonly transactions: Transactions,
    private readonly compiler: SegmentCompiler,
    private readonly changes: CustomerChangesService,
    private readonly clock: RefreshClock,
  ) {}

  /**
   * Runs a queued refresh (the worker calls this); a running one is taken over (its worker died). Returns null
   * when there was nothing to do (finished meanwhile, or the segment is gone). A failed attempt leaves the refresh
   * running for Bull's retry, and marks it and its segment failed on the last attempt or when retrying cannot help.
   */
  async run(job: RunSegmentRefreshJob, { attempt, maxAttempts, onProgress }: RefreshAttempt): Promise<RefreshOutcome | null> {
    const { workspaceId, segmentId, refreshId } = job;
    if (!(await this.repository.start(workspaceId, refreshId))) return null;
    const started = Date.now();
    try {
      const outcome = await this.transactions.run(async (m) => {
        await this.repository.lockSegment(m, segmentId);
        const target = await this.repository.target(m, workspaceId, segmentId, refreshId);
        if (!target || target.status !== 'running') return null; // another run of this refresh finished it
        return this.refresh(m, job, target, started, onProgress);
      });
      if (outcome) {
        this.logger.log(
          `${outcome.kind} refresh of segment ${segmentId}: ${outcome.size} members (+${outcome.added} −${outcome.removed}, ${outcome.evaluated} evaluated) in ${outcome.durationMs} ms`,
        );
      }
      return outcome;
    } catch (error) {
      const message = (error as Error).message;
      const final = attempt >= maxAttempts || error instanceof DomainError;
      await this.repository.fail(workspaceId, segmentId, refreshId, message, final);
      this.logger.warn(`Refresh ${refreshId} of segment ${segmentId} failed (attempt ${attempt} of ${maxAttempts}): ${message}`);
      if (final && error instanceof DomainError) return null; // recorded; retrying would fail the same way
      throw error;
    }
  }

  private async refresh(
    m: EntityManager,
    { workspaceId, segmentId, refreshId }: RunSegmentRefreshJob,
    target: RefreshTarget,
    started: number,
    onProgress?: (percent: number) => Promise<void>,
  ): Promise<RefreshOutcome> {
    const asOf = this.clock.now();
    const changesFrom = await this.changes.visibleUpTo(m);
    const compiled = await this.compiler.compile(target.rules, {
      workspaceId,
      asOf,
      selfId: segmentId,
      loadSegmentRules: (id) => this.repository.rulesOf(m, workspaceId, id),
    });
    const since = incrementalSince(target);
    const changed = since ? await this.changes.changedSince(m, workspaceId, since, MAX_INCREMENTAL_CHANGES) : null;
    const kind = changed ? 'incremental' : 'full';
    const evaluated = changed ? changed.length : await this.changes.countCustomers(m, workspaceId);
    await this.repository.progress(workspaceId, refreshId, { evaluated, kind });
    await onProgress?.(10);

    const matches: SegmentQuery = changed ? withOnlyIds(idsQuery(compiled, { onlyIdsParam: true }), changed) : idsQuery(compiled);
    const { matched, added, removed } = await this.repository.applyMatches(m, { workspaceId, segmentId }, matches, changed);
    await onProgress?.(90);
    const size = changed ? await this.repository.countMembers(m, workspaceId, segmentId) : matched;
    const outcome: RefreshOutcome = { kind, asOf, changesFrom, evaluated, size, added, removed, durationMs: Date.now() - started };
    await this.repository.complete(m, workspaceId, segmentId, refreshId, outcome);
    await onProgress?.(100);
    return outcome;
  }
}

/**
 * Where an incremental refresh starts: the latest completed refresh's watermark, when one was asked for and the
 * membership is known to follow the current rules (the segment's latest full refresh completed). Otherwise null:
 * the refresh is a full one.
 */
function incrementalSince(target: RefreshTarget): Date | null {
  if (target.kind !== 'incremental' || target.lastFullStatus !== 'completed') return null;
  return target.changesFrom;
}

const withOnlyIds = (query: SegmentQuery, ids: string[]): SegmentQuery => ({ sql: query.sql, params: [...query.params, ids] });
