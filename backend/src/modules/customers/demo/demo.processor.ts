import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { DEMO_QUEUE, DemoJobName } from './demo.jobs';
import type { LoadDemoJob } from './demo.jobs';
import { DemoService } from './demo.service';
import type { DemoSummary } from './demo.service';

/** Runs demo loads (worker and `all` modes only); progress goes to the job, the work to the service. */
@Processor(DEMO_QUEUE)
export class DemoProcessor {
  constructor(private readonly demo: DemoService) {}

  @Process(DemoJobName.Load)
  load(job: Job<LoadDemoJob>): Promise<DemoSummary> {
    return this.demo.load(job.data.workspaceId, job.data.requestedBy, (percent) => void job.progress(percent));
  }
}
