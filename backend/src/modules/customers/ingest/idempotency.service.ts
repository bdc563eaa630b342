import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { idempotencyKeyReused, invalidIdempotencyKey } from './ingest.errors';
import { CUSTOMER_INGEST_QUEUE, IngestJobName, PURGE_CRON } from './ingest.jobs';
import { IdempotencyRepository } from './idempotency.repository';

/** How long a key is remembered; after that the same key is a new request. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** 1 to 255 printable ASCII characters (space allowed inside). */
const KEY = /^[\x20-\x7e]{1,255}$/;

/** A response stored under a key, returned again instead of applying the request twice. */
export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `Idempotency-Key` handling for bulk ingestion. The caller runs the whole request in one transaction that
 * starts with {@link claim}; the response is stored with {@link complete} in that same transaction, so a key
 * is either unused or bound to a fully applied request and its response — never half of one.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(
    private readonly requests: IdempotencyRepository,
    @InjectQueue(CUSTOMER_INGEST_QUEUE) private readonly queue: Queue,
  ) {}

  /** The header's value, checked; undefined when the request has none. */
  parseKey(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (typeof header !== 'string' || !KEY.test(header)) throw invalidIdempotencyKey();
    return header;
  }

  /** SHA-256 of the body's content (key order and whitespace do not matter). */
  hashBody(body: unknown): string {
    return createHash('sha256').update(canonicalJson(body)).digest('hex');
  }

  /**
   * Claims the key, or returns the response stored under it by an earlier request with the same body.
   * The same key with another body is refused (422).
   */
  async claim(workspaceId: string, resource: string, key: string, requestHash: string, manager: EntityManager): Promise<StoredResponse | null> {
    if (await this.requests.claim(workspaceId, resource, key, requestHash, IDEMPOTENCY_TTL_SECONDS, manager)) return null;
    const stored = await this.requests.find(workspaceId, resource, key, manager);
    // The claim failed on a committed live row, so it exists and carries its response (both are written in one transaction).
    if (!stored || stored.statusCode === null) throw new Error(`Idempotency row ${resource}/${key} has no stored response`);
    if (stored.requestHash !== requestHash) throw idempotencyKeyReused();
    return { statusCode: stored.statusCode, body: stored.response };
  }

  complete(workspaceId: string, resource: string, key: string, response: StoredResponse, manager: EntityManager): Promise<void> {
    return this.requests.complete(workspaceId, resource, key, response.statusCode, response.body, manager);
  }

  /** Forgets expired keys (the daily job). */
  async purgeExpired(): Promise<number> {
    const deleted = await this.requests.deleteOlderThan(IDEMPOTENCY_TTL_SECONDS);
    this.logger.log({ deleted }, 'Purged expired idempotency keys');
    return deleted;
  }

  /** Registers the daily purge; Bull keeps one repeatable job per name and schedule, however often this runs. */
  async scheduleDailyPurge(): Promise<void> {
    await this.queue.add(IngestJobName.PurgeIdempotencyKeys, {}, { repeat: { cron: PURGE_CRON }, attempts: 1, removeOnComplete: true });
  }
}
