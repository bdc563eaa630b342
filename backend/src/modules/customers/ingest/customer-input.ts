import type { ConsentChannel, ConsentStatus } from '../customers.types';

/**
 * One customer as sent by an integrator (bulk API) or read from an import row, before validation.
 * Absent fields leave stored values as they are; see the upsert service for the merge rules.
 */
export interface CustomerInput {
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  locale?: string | null;
  country?: string | null;
  city?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<ConsentChannel, { status: ConsentStatus; source?: string; updatedAt?: string }>>;
  tags?: string[];
}

/** What happened to one item of a batch or one row of an import. */
export interface UpsertOutcome {
  /** 0-based position of the item in the batch. */
  index: number;
  status: 'created' | 'updated' | 'rejected';
  customerId?: string;
  /** Why the item was rejected, and which field (dot path) was at fault. */
  reason?: string;
  field?: string;
}
