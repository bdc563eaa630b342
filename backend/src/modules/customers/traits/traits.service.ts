import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import type { RfmTier } from '../customers.types';
import type { RfmBoundaries } from '../entities/rfm-boundaries.entity';
import { requirePermission } from '../../../platform/access/require-permission';
import type { TraitsRefreshDto, TraitsStatusDto } from './dto/traits-status.response';
import { DAILY_REFRESH_CRON, TRAITS_QUEUE, TraitsJobName } from './traits.jobs';
import type { RefreshWorkspaceJob } from './traits.jobs';
import { TraitsRepository } from './traits.repository';
import type { TraitsTierCount } from './traits.repository';

/**
 * Computed traits of customers (formulas in `formulas.ts`). Ingestion calls {@link applyOrders},
 * {@link applyEvents} and {@link recomputeCustomers} inside the transaction that stored the rows, so
 * traits and data never disagree; the daily RFM run ({@link refreshRfm}) moves the quintile boundaries
 * and rescores everyone, as recency, churn risk, CLV and engagement change with time alone.
 * `asOf` (default: now) is the moment traits are computed for.
 */
@Injectable()
export class TraitsService {
  private readonly logger = new Logger('Traits');

  constructor(
    private readonly repository: TraitsRepository,
    private readonly transactions: Transactions,
    @InjectQueue(TRAITS_QUEUE) private readonly queue: Queue<RefreshWorkspaceJob | Record<string, never>>,
  ) {}

  /** Folds newly inserted orders (by id) into their customers' traits, incrementally. */
  async applyOrders(manager: EntityManager, workspaceId: string, orderIds: string[], asOf = new Date()): Promise<void> {
    if (!orderIds.length) return;
    const customerIds = await this.repository.foldOrders(manager, workspaceId, orderIds);
    await this.repository.derive(manager, workspaceId, customerIds, asOf);
  }

  /** Folds newly inserted events (by id) into their customers' engagement traits, incrementally. */
  async applyEvents(manager: EntityManager, workspaceId: string, eventIds: string[], asOf = new Date()): Promise<void> {
    if (!eventIds.length) return;
    const customerIds = await this.repository.foldEvents(manager, workspaceId, eventIds);
    await this.repository.derive(manager, workspaceId, customerIds, asOf);
  }

  /** Recomputes the traits of some customers from their full history (after an order changed or was removed). */
  async recomputeCustomers(manager: EntityManager, workspaceId: string, customerIds: string[], asOf = new Date()): Promise<void> {
    if (!customerIds.length) return;
    await this.repository.rebuild(manager, workspaceId, customerIds);
    await this.repository.derive(manager, workspaceId, customerIds, asOf);
  }

  /**
   * Recomputes every customer of the workspace from its orders and events, then the quintile
   * boundaries and everyone's scores (demo data, repairs). Runs in `manager`'s transaction when given.
   */
  async recomputeWorkspace(workspaceId: string, manager?: EntityManager, asOf = new Date()): Promise<RfmBoundaries | null> {
    const work = async (m: EntityManager) => {
      await this.repository.rebuild(m, workspaceId, null);
      const boundaries = await this.repository.computeBoundaries(m, workspaceId, asOf);
      await this.repository.derive(m, workspaceId, null, asOf);
      return boundaries;
    };
    return manager ? work(manager) : this.transactions.run(work);
  }

  /** The RFM run of one workspace: new quintile boundaries, then every customer rescored, in one transaction. */
  async refreshRfm(workspaceId: string, asOf = new Date()): Promise<RfmBoundaries | null> {
    const started = Date.now();
    const boundaries = await this.transactions.run(async (m) => {
      const computed = await this.repository.computeBoundaries(m, workspaceId, asOf);
      await this.repository.rescoreWorkspace(m, workspaceId, asOf);
      return computed;
    });
    this.logger.log(`RFM refresh of workspace ${workspaceId}: ${boundaries?.customerCount ?? 0} customers with orders in ${Date.now() - started} ms`);
    return boundaries;
  }

  /** Queues the RFM run of the caller's workspace now. */
  async requestRefresh(actor: Actor): Promise<TraitsRefreshDto> {
    requirePermission(actor, 'customers:write');
    const job = await this.queue.add(TraitsJobName.RefreshWorkspace, { workspaceId: actor.workspaceId });
    return { jobId: String(job.id) };
  }

  async status(actor: Actor): Promise<TraitsStatusDto> {
    requirePermission(actor, 'customers:read');
    const [boundaries, tiers] = await Promise.all([this.repository.findBoundaries(actor.workspaceId), this.tierCounts(actor.workspaceId)]);
    return {
      boundaries: boundaries && {
        recencyDays: boundaries.recencyDays,
        frequency: boundaries.frequency,
        monetary: boundaries.monetary,
        customerCount: boundaries.customerCount,
      },
      computedAt: boundaries?.computedAt.toISOString() ?? null,
      tiers: tiers.map((t) => ({ tier: t.tier as RfmTier, customers: t.customers })),
    };
  }

  /** Customers with orders per RFM tier, largest first. */
  tierCounts(workspaceId: string): Promise<TraitsTierCount[]> {
    return this.repository.tierCounts(workspaceId);
  }

  /** The daily run: one refresh job per workspace with traits (one per workspace and day, however often this runs). */
  async queueRefreshOfAllWorkspaces(): Promise<number> {
    const workspaceIds = await this.repository.workspacesWithTraits();
    const day = new Date().toISOString().slice(0, 10);
    await this.queue.addBulk(
      workspaceIds.map((workspaceId) => ({
        name: TraitsJobName.RefreshWorkspace,
        data: { workspaceId },
        opts: { jobId: `rfm-${workspaceId}-${day}` },
      })),
    );
    return workspaceIds.length;
  }

  /** Registers the repeatable daily job (idempotent: Bull keys repeatable jobs by name, id and cron). */
  async scheduleDailyRefresh(): Promise<void> {
    await this.queue.add(TraitsJobName.RefreshAll, {}, { repeat: { cron: DAILY_REFRESH_CRON, tz: 'UTC' }, jobId: TraitsJobName.RefreshAll });
  }
}
