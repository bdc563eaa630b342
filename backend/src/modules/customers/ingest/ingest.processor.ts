import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';
import { CUSTOMER_INGEST_QUEUE, IngestJobName } from './ingest.jobs';

/** Runs `customer-ingest` jobs (worker and `all` modes): the daily purge of expired idempotency keys. */
@Processor(CUSTOMER_INGEST_QUEUE)
export class IngestProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestProcessor.name);

  constructor(private readonly idempotency: IdempotencyService) {}

  /** Not awaited: start-up must not wait on Redis for housekeeping. */
  onApplicationBootstrap(): void {
    this.idempotency.scheduleDailyPurge().catch((err: unknown) => this.logger.warn({ err }, 'Could not schedule the idempotency-key purge'));
  }

  @Process(IngestJobName.PurgeIdempotencyKeys)
  async purge(): Promise<void> {
    await this.idempotency.purgeExpired();
  }
}
