import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { isUUID } from 'class-validator';
import type { Actor } from '../../../platform/access/actor';
import { Env } from '../../../platform/config/env';
import { CUSTOMERS_DEMO_LOADED, CUSTOMERS_DEMO_LOADED_QUEUE } from '../../../platform/queue/domain-events';
import type { CustomersDemoLoaded } from '../../../platform/queue/domain-events';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { WorkspacesService } from '../../auth/services/workspaces.service';
import { requirePermission } from '../../../platform/access/require-permission';
import { TraitsService } from '../traits/traits.service';
import type { TraitsTierCount } from '../traits/traits.repository';
import { demoError } from './demo.errors';
import { DEMO_QUEUE, demoJobId, DemoJobName } from './demo.jobs';
import type { DemoRequester, LoadDemoJob } from './demo.jobs';
import { DemoCounts, DemoRepository } from './demo.repository';
import type { DemoState, DemoStatusDto } from './dto/demo-status.response';
import { generateDemoData } from './generator/demo-generator';
import type { DemoBundle, DemoOptions } from './generator/demo-generator';

/** The seed of the demo data: every installation gets the same store. */
export const DEMO_SEED = 20_240_601;

export interface DemoSummary extends DemoCounts {
  workspaceId: string;
  tiers: TraitsTierCount[];
  /** Milliseconds per phase: generating, writing (COPY), computing traits and RFM, analyzing, and in all. */
  timings: { generate: number; write: number; traits: number; analyze: number; total: number };
}

const BULL_STATES: Record<string, DemoState> = { waiting: 'queued', delayed: 'queued', paused: 'queued', active: 'running', completed: 'completed', failed: 'failed' };
/** Progress (percent) when each phase is done. */
const PROGRESS = { generate: 20, customers: 25, orders: 35, orderItems: 45, events: 60, traits: 95, analyze: 100 };

/**
 * Demo data: a deterministic store (see `generator/`) written into an empty workspace with COPY,
 * then every trait computed and the RFM tiers scored, all in one transaction. Loaded by a Bull job
 * (POST /api/demo, DEMO_ON_START) or directly by `npm run demo`.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly env: Env,
    private readonly repository: DemoRepository,
    private readonly traits: TraitsService,
    private readonly audit: AuditService,
    private readonly workspaces: WorkspacesService,
    private readonly transactions: Transactions,
    @InjectQueue(DEMO_QUEUE) private readonly queue: Queue<LoadDemoJob>,
    @InjectQueue(CUSTOMERS_DEMO_LOADED_QUEUE) private readonly loaded: Queue<CustomersDemoLoaded>,
  ) {}

  /** Queues the load into the caller's workspace; 409 when it has customers. A load already on its way is returned as is. */
  async request(actor: Actor): Promise<DemoStatusDto> {
    requirePermission(actor, 'workspace:manage');
    return this.enqueue(actor.workspaceId, { type: actor.type, id: actor.id, label: actor.label });
  }

  async status(actor: Actor): Promise<DemoStatusDto> {
    requirePermission(actor, 'customers:read');
    const [job, customers] = await Promise.all([this.queue.getJob(demoJobId(actor.workspaceId)), this.repository.countCustomers(actor.workspaceId)]);
    return job ? this.describe(job, customers) : { state: 'idle', progress: 0, customers, error: null };
  }

  /** DEMO_ON_START: queues the load into the first workspace if it has no customers. */
  async loadFirstWorkspaceIfEmpty(): Promise<void> {
    const [first] = await this.workspaces.list();
    if (!first) return void this.logger.warn('DEMO_ON_START: there is no workspace to fill yet');
    if ((await this.repository.countCustomers(first.id)) > 0) return;
    await this.enqueue(first.id, { type: 'system', id: 'demo-on-start', label: 'DEMO_ON_START' });
    this.logger.log(`DEMO_ON_START: demo data queued for workspace "${first.name}"`);
  }

  /** The workspace `npm run demo` fills: the one named or with this id, or the only one there is. */
  async resolveWorkspace(idOrName?: string): Promise<{ id: string; name: string }> {
    const all = await this.workspaces.list();
    if (!idOrName) {
      if (all.length === 1) return all[0];
      throw demoError.workspaceUnknown(
        all.length ? `There are ${all.length} workspaces; name one with --workspace <id or name>: ${all.map((w) => `"${w.name}"`).join(', ')}` : 'There is no workspace yet',
      );
    }
    const matches = all.filter((w) => (isUUID(idOrName) ? w.id === idOrName : w.name === idOrName));
    if (matches.length !== 1) throw demoError.workspaceUnknown(`${matches.length ? 'Several' : 'No'} workspaces match "${idOrName}"`);
    return matches[0];
  }

  /**
   * Generates and writes the demo data, then computes every trait and the RFM tiers — one transaction,
   * so a failure leaves the workspace as it was. Refuses a workspace with customers. `choices` override
   * the seed, the size (DEMO_CUSTOMERS) and the end of the history (the start of the current UTC day).
   */
  async load(
    workspaceId: string,
    requestedBy: DemoRequester,
    onProgress: (percent: number) => void = () => undefined,
    choices: Partial<DemoOptions> = {},
  ): Promise<DemoSummary> {
    const started = Date.now();
    const lap = (since: number) => Date.now() - since;
    const options: DemoOptions = { seed: DEMO_SEED, customers: this.env.DEMO_CUSTOMERS, now: startOfUtcDay(new Date()), ...choices };
    const timings = { generate: 0, write: 0, traits: 0, analyze: 0, total: 0 };
    const counts = await this.transactions.run(async (manager) => {
      await this.repository.lockWorkspace(manager, workspaceId);
      const existing = await this.repository.countCustomers(workspaceId, manager);
      if (existing > 0) throw demoError.workspaceNotEmpty(existing);

      let since = Date.now();
      const bundles: DemoBundle[] = [...generateDemoData(options)];
      timings.generate = lap(since);
      onProgress(PROGRESS.generate);

      since = Date.now();
      const written = await this.repository.insert(manager, workspaceId, bundles, (table) => onProgress(PROGRESS[table]));
      timings.write = lap(since);

      since = Date.now();
      await this.traits.recomputeWorkspace(workspaceId, manager);
      timings.traits = lap(since);
      onProgress(PROGRESS.traits);

      const actor: Actor = { ...requestedBy, workspaceId, permissions: new Set() };
      await this.audit.record(actor, { action: 'customer.demo_load', objectType: 'workspace', objectId: workspaceId, after: { seed: options.seed, ...written } }, manager);
      return written;
    });
    const since = Date.now();
    await this.repository.analyze();
    timings.analyze = lap(since);
    onProgress(PROGRESS.analyze);
    timings.total = lap(started);
    this.logger.log(`Demo data in workspace ${workspaceId}: ${counts.customers} customers, ${counts.orders} orders, ${counts.events} events in ${timings.total} ms`);
    await this.loaded.add(CUSTOMERS_DEMO_LOADED, { workspaceId, requestedBy }); // other modules add their demo data (segments)
    return { workspaceId, ...counts, tiers: await this.traits.tierCounts(workspaceId), timings };
  }

  private async enqueue(workspaceId: string, requestedBy: DemoRequester): Promise<DemoStatusDto> {
    const customers = await this.repository.countCustomers(workspaceId);
    if (customers > 0) throw demoError.workspaceNotEmpty(customers);
    const jobId = demoJobId(workspaceId);
    const previous = await this.queue.getJob(jobId);
    if (previous) {
      const state = await previous.getState();
      if (state !== 'completed' && state !== 'failed') return this.describe(previous, customers);
      await previous.remove(); // a finished load of a workspace emptied since, or a failed one: start over
    }
    const job = await this.queue.add(DemoJobName.Load, { workspaceId, requestedBy }, { jobId, attempts: 1 });
    return this.describe(job, customers);
  }

  private async describe(job: Job<LoadDemoJob>, customers: number): Promise<DemoStatusDto> {
    const state = BULL_STATES[await job.getState()] ?? 'idle';
    const progress = state === 'completed' ? 100 : Number(job.progress()) || 0;
    return { state, progress, customers, error: state === 'failed' ? (job.failedReason ?? 'Failed') : null };
  }
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
