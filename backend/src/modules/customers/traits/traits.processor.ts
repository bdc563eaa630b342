import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { TRAITS_QUEUE, TraitsJobName } from './traits.jobs';
import type { RefreshWorkspaceJob } from './traits.jobs';
import { TraitsService } from './traits.service';

/** Runs `customer-traits` jobs (worker and `all` modes only); the service does the work. */
@Processor(TRAITS_QUEUE)
export class TraitsProcessor {
  constructor(private readonly traits: TraitsService) {}

  @Process(TraitsJobName.RefreshWorkspace)
  async refreshWorkspace(job: Job<RefreshWorkspaceJob>): Promise<{ customers: number }> {
    const boundaries = await this.traits.refreshRfm(job.data.workspaceId);
    return { customers: boundaries?.customerCount ?? 0 };
  }

  @Process(TraitsJobName.RefreshAll)
  async refreshAll(): Promise<{ workspaces: number }> {
    return { workspaces: await this.traits.queueRefreshOfAllWorkspaces() };
  }
}
