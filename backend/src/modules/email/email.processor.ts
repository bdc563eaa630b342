import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { EMAIL_QUEUE, EmailJobName } from './email.jobs';
import type { SendEmailJob } from './email.jobs';
import { PlatformEmailService } from './platform-email.service';

/** Runs `email` jobs (worker and `all` modes only); the service decides, this translates the outcome for Bull. */
@Processor(EMAIL_QUEUE)
export class EmailProcessor {
  constructor(private readonly email: PlatformEmailService) {}

  @Process({ name: EmailJobName.Send, concurrency: 5 })
  async send(job: Job<SendEmailJob>): Promise<void> {
    const outcome = await this.email.deliver(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
    if (outcome.status === 'failed') await job.discard(); // no retries left worth making
    if (outcome.status === 'failed' || outcome.status === 'retry') throw new Error(outcome.error);
  }
}
