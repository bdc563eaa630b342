import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { CustomerImportRunner } from './customer-import-runner';
import { CUSTOMER_IMPORTS_QUEUE, CustomerImportJobName } from './customer-imports.jobs';
import type { RunCustomerImportJob } from './customer-imports.jobs';

/** Runs `customer-imports` jobs (worker and `all` modes only); the runner does the work and reports progress to Bull too. */
@Processor(CUSTOMER_IMPORTS_QUEUE)
export class CustomerImportsProcessor {
  constructor(private readonly runner: CustomerImportRunner) {}

  @Process({ name: CustomerImportJobName.Run, concurrency: 1 })
  async run(job: Job<RunCustomerImportJob>): Promise<void> {
    const outcome = await this.runner.run(job.data, (percent) => job.progress(percent));
    if (outcome.status === 'failed') throw new Error(outcome.error);
  }
}
