import type { ChurnRisk, ConsentStatus, RfmTier } from '../customers.types';

/**
 * Filters of the customer list, also stored with a CSV export (so JSON-safe: dates are ISO strings).
 * Multi-valued filters match any of their values; different filters all apply.
 */
export interface CustomerFilters {
  /** Part of the name, email, phone or external id (case-insensitive). */
  q?: string;
  country?: string[];
  tag?: string[];
  rfmTier?: RfmTier[];
  churnRisk?: ChurnRisk[];
  nightBuyer?: boolean;
  minTotalSpent?: number;
  maxTotalSpent?: number;
  minOrderCount?: number;
  maxOrderCount?: number;
  /** Inclusive lower / exclusive upper bounds. */
  lastOrderAfter?: string;
  lastOrderBefore?: string;
  createdAfter?: string;
  createdBefore?: string;
  consentEmail?: ConsentStatus;
  consentSms?: ConsentStatus;
  consentPush?: ConsentStatus;
  /** `key:value` pairs; each must match exactly. */
  attr?: string[];
  /** Erased (GDPR) customers are left out unless this is true. */
  includeErased?: boolean;
}

export const CUSTOMER_SORT_FIELDS = ['createdAt', 'name', 'email', 'totalSpent', 'orderCount', 'lastOrderAt', 'clv', 'engagementScore'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

/** A sort field, ascending, or with a leading `-`, descending. */
export type CustomerSort = CustomerSortField | `-${CustomerSortField}`;
export const CUSTOMER_SORTS = CUSTOMER_SORT_FIELDS.flatMap((f) => [f, `-${f}`]) as CustomerSort[];
export const DEFAULT_CUSTOMER_SORT: CustomerSort = '-createdAt';

/** Where the list starts: after the row with this sort value (null for a customer without one) and id. */
export interface CustomerKeyset {
  value: string | number | null;
  id: string;
}
