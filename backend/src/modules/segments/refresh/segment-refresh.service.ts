import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { Actor } from '../../../platform/access/actor';
import { requirePermission } from '../../../platform/access/require-permission';
import { Env } from '../../../platform/config/env';
import { notFound } from '../../../platform/errors/domain-error';
import { CustomerChangesService } from '../../customers/segment-source/customer-changes.service';
import type { SegmentRefresh } from '../entities/segment-refresh.entity';
import type { RefreshKind, RefreshTrigger } from '../segments.types';
import type { SegmentRefreshDto, SegmentSizeHistoryDto } from './dto/segment-refresh.response';
import { RefreshClock } from './refresh-clock';
import { refreshJobId, SEGMENT_REFRESH_QUEUE, SegmentRefreshJobName, TICK_JOB_ID } from './segment-refresh.jobs';
import type { SegmentRefreshJobPayloads } from './segment-refresh.jobs';
import { planRefreshes } from './segment-refresh.plan';
import { SegmentRefreshRepository } from './segment-refresh.repository';

const DAY_MS = 86_400_000;
export const DEFAULT_HISTORY_DAYS = 90;
/** Every segment is fully refreshed at least once a day. */
const FULL_REFRESH_MS = DAY_MS;
/** Completed incremental refreshes that changed nothing are kept this long (then they are no history point). */
const IDLE_REFRESH_RETENTION_MS = 7 * DAY_MS;

/**
 * Requests for membership refreshes and what they recorded. A request queues (or joins) the segment's one queued
 * refresh row and its Bull job; the worker runs it ({@link SegmentRefreshRunner}). Completed refreshes are the
 * segment's size history.
 */
@Injectable()
export class SegmentRefreshService {
  private readonly logger = new Logger('SegmentRefresh');

  constructor(
    private readonly repository: SegmentRefreshRepository,
    private readonly changes: CustomerChangesService,
    private readonly clock: RefreshClock,
    private readonly env: Env,
    @InjectQueue(SEGMENT_REFRESH_QUEUE) private readonly queue: Queue<SegmentRefreshJobPayloads[SegmentRefreshJobName]>,
  ) {}

  /**
   * Queues a refresh of the segment, deduplicated per segment: while one is queued, a request joins it (a full
   * request makes it full). Throws not-found when the segment is not in the workspace. Should queuing in Redis
   * fail, the row stays queued and the next request for the segment (or the scheduler) queues its job again.
   */
  async requestRefresh(
    workspaceId: string,
    segmentId: string,
    request: { kind: RefreshKind; trigger: RefreshTrigger },
  ): Promise<SegmentRefresh> {
    const refresh = await this.repository.upsertQueued(workspaceId, segmentId, request.kind, request.trigger);
    if (!refresh) throw notFound('Segment');
    await this.queue.add(SegmentRefreshJobName.Run, { workspaceId, segmentId, refreshId: refresh.id }, { jobId: refreshJobId(refresh.id) });
    return refresh;
  }

  /**
   * Queues a full refresh of every segment whose rules refer to `segmentId` (they inline its rules, so a change
   * of its rules changes theirs). Call after the change is committed. Returns the refreshes queued.
   */
  async refreshDependents(workspaceId: string, segmentId: string): Promise<SegmentRefresh[]> {
    const dependents = await this.repository.dependents(workspaceId, segmentId);
    const queued: SegmentRefresh[] = [];
    for (const id of dependents) queued.push(await this.requestRefresh(workspaceId, id, { kind: 'full', trigger: 'update' }));
    return queued;
  }

  /** `POST /segments/{id}/refresh`: a full refresh now. */
  async refreshNow(actor: Actor, segmentId: string): Promise<SegmentRefreshDto> {
    requirePermission(actor, 'segments:write');
    return toRefreshDto(await this.requestRefresh(actor.workspaceId, segmentId, { kind: 'full', trigger: 'manual' }));
  }

  async getRefresh(actor: Actor, segmentId: string, refreshId: string): Promise<SegmentRefreshDto> {
    requirePermission(actor, 'segments:read');
    const refresh = await this.repository.findById(actor.workspaceId, segmentId, refreshId);
    if (!refresh) throw notFound('Segment refresh');
    return toRefreshDto(refresh);
  }

  /** The segment's size after each completed refresh of the last `days` days, oldest first. */
  async sizeHistory(actor: Actor, segmentId: string, days = DEFAULT_HISTORY_DAYS): Promise<SegmentSizeHistoryDto> {
    requirePermission(actor, 'segments:read');
    if (!(await this.repository.segmentExists(actor.workspaceId, segmentId))) throw notFound('Segment');
    const to = this.clock.now();
    const from = new Date(to.getTime() - days * DAY_MS);
    const points = await this.repository.sizeHistory(actor.workspaceId, segmentId, from, to);
    return { segmentId, from, to, points };
  }

  /**
   * The scheduler's tick: queues the refreshes that are due (see {@link planRefreshes}) and drops idle history.
   * Returns how many were queued.
   */
  async queueDueRefreshes(): Promise<number> {
    const now = this.clock.now();
    const states = await this.repository.refreshStates();
    const latest = await this.changes.latestChanges([...new Set(states.map((s) => s.workspaceId))]);
    const planned = planRefreshes(states, latest, now, {
      timeRefreshMs: this.env.SEGMENT_TIME_REFRESH_MINUTES * 60_000,
      fullRefreshMs: FULL_REFRESH_MS,
    });
    for (const p of planned) await this.requestRefresh(p.workspaceId, p.segmentId, { kind: p.kind, trigger: p.trigger });
    const pruned = await this.repository.pruneIdle(new Date(now.getTime() - IDLE_REFRESH_RETENTION_MS));
    if (planned.length || pruned)
      this.logger.log(`Tick: ${planned.length} segment refreshes queued, ${pruned} idle refresh records dropped`);
    return planned.length;
  }

  /**
   * Registers the repeatable tick every SEGMENT_REFRESH_TICK_SECONDS (one job for all workers: Bull keys repeatable
   * jobs by name, id and interval), and removes ticks left from another interval.
   */
  async scheduleTicks(): Promise<void> {
    const every = this.env.SEGMENT_REFRESH_TICK_SECONDS * 1000;
    for (const repeatable of await this.queue.getRepeatableJobs()) {
      if (repeatable.name === SegmentRefreshJobName.Tick && Number(repeatable.every) !== every)
        await this.queue.removeRepeatableByKey(repeatable.key);
    }
    await this.queue.add(
      SegmentRefreshJobName.Tick,
      {},
      { repeat: { every }, jobId: TICK_JOB_ID, attempts: 1, removeOnComplete: true, removeOnFail: 100 },
    );
  }
}

export const toRefreshDto = (r: SegmentRefresh): SegmentRefreshDto => ({
  id: r.id,
  segmentId: r.segmentId,
  kind: r.kind,
  trigger: r.trigger,
  status: r.status,
  asOf: r.asOf,
  evaluated: r.evaluated,
  size: r.size,
  added: r.added,
  removed: r.removed,
  durationMs: r.durationMs,
  error: r.error,
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});
