import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { SEGMENT_REFRESH_QUEUE, SegmentRefreshJobName } from './segment-refresh.jobs';
import type { RunSegmentRefreshJob } from './segment-refresh.jobs';
import type { RefreshOutcome } from './segment-refresh.repository';
import { SegmentRefreshRunner } from './segment-refresh.runner';
import { SegmentRefreshService } from './segment-refresh.service';

/** Runs `segment-refresh` jobs (worker and `all` modes only); the runner and the service do the work. */
@Processor(SEGMENT_REFRESH_QUEUE)
export class SegmentRefreshProcessor {
  constructor(
    private readonly runner: SegmentRefreshRunner,
    private readonly refreshes: SegmentRefreshService,
  ) {}

  @Process({ name: SegmentRefreshJobName.Run, concurrency: 2 })
  run(job: Job<RunSegmentRefreshJob>): Promise<RefreshOutcome | null> {
    return this.runner.run(job.data, {
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
      onProgress: async (percent) => void (await job.progress(percent)),
    });
  }

  @Process(SegmentRefreshJobName.Tick)
  async tick(): Promise<{ queued: number }> {
    return { queued: await this.refreshes.queueDueRefreshes() };
  }
}
