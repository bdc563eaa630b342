import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { CUSTOMER_EXPORTS_QUEUE, CustomerExportJobName } from './customer-exports.jobs';
import type { WriteCustomerExportJob } from './customer-exports.jobs';
import { CustomerExportsService } from './customer-exports.service';

/** Runs `customer-exports` jobs (worker and `all` modes only); the service does the work. */
@Processor(CUSTOMER_EXPORTS_QUEUE)
export class CustomerExportsProcessor {
  constructor(private readonly exports: CustomerExportsService) {}

  @Process({ name: CustomerExportJobName.Write, concurrency: 2 })
  async write(job: Job<WriteCustomerExportJob>): Promise<void> {
    await this.exports.run(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
  }
}
