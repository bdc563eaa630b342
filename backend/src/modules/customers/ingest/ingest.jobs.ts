/** The queue of bulk-ingestion housekeeping. */
export const CUSTOMER_INGEST_QUEUE = 'customer-ingest';

export enum IngestJobName {
  /** Delete idempotency keys older than their lifetime (daily, repeatable; no payload). */
  PurgeIdempotencyKeys = 'purge-idempotency-keys',
}

/** When the purge runs: every day at 03:17 (server time), off the hour to spread load. */
export const PURGE_CRON = '17 3 * * *';
