import { Injectable } from '@nestjs/common';
import { CONSENT_CHANNELS, CONSENT_STATUSES, RFM_TIERS } from '../customers.types';
import { CustomerInsightsRepository } from '../profiles/customer-insights.repository';
import { CustomerDirectoryRepository } from './customer-directory.repository';
import type { CustomerIdsQuery, KeyTypeRow } from './customer-directory.repository';

export type { CustomerIdsQuery } from './customer-directory.repository';

/** A customer as lists of other modules show it. */
export interface CustomerSummary {
  id: string;
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  rfmTier: string | null;
  totalSpent: number;
}

export type KeyValueType = 'string' | 'number' | 'date' | 'boolean' | 'list';

/** A key of custom attributes or event properties: the JSON types seen and the type a condition should read it as. */
export interface KeyOption {
  key: string;
  valueType: KeyValueType;
  types: string[];
  count: number;
}

export interface ValueOption {
  value: string;
  count: number;
}

/** The values present in a workspace's customer data, for pickers. */
export interface CustomerFieldOptions {
  countries: ValueOption[];
  tags: ValueOption[];
  categories: ValueOption[];
  products: ValueOption[];
  eventTypes: { type: string; properties: KeyOption[] }[];
  attributes: KeyOption[];
}

export interface CustomerBreakdown {
  members: number;
  /** Every RFM tier from best to worst, then `null` (not scored). */
  rfmTiers: { tier: string | null; count: number }[];
  consent: { channel: string; subscribed: number; unsubscribed: number; pending: number; unknown: number }[];
  /** Customers with a total spent above 0 per bucket (`to` exclusive, null for the last). */
  spend: { from: number; to: number | null; count: number }[];
  /** Customers who have spent nothing. */
  nonBuyers: number;
}

/** Lower edges of the spend buckets (a 1–2.5–5 series). */
export const SPEND_EDGES = [0, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000];
const MAX_ATTRIBUTE_KEYS = 200;

/**
 * Customers as other modules may see them: summaries by id, aggregates over a set of customers given as
 * a query of ids, and the values present in the data (countries, tags, categories, products, event types
 * and their properties, custom attributes with inferred types). Callers check permissions; every method
 * is scoped to the workspace given.
 */
@Injectable()
export class CustomerDirectoryService {
  constructor(
    private readonly directory: CustomerDirectoryRepository,
    private readonly insights: CustomerInsightsRepository,
  ) {}

  /** Summaries of the customers of the workspace among `ids`, in the order of `ids` (unknown ids left out). */
  async summaries(workspaceId: string, ids: string[]): Promise<CustomerSummary[]> {
    if (!ids.length) return [];
    const rows = await this.directory.summaries(workspaceId, ids);
    const byId = new Map(rows.map((r) => [r.id, { ...r, totalSpent: Number(r.totalSpent) }]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async breakdown(workspaceId: string, ids: CustomerIdsQuery): Promise<CustomerBreakdown> {
    const row = await this.directory.breakdown(workspaceId, ids, SPEND_EDGES);
    const tierCount = (tier: string | null) => row.tiers.find((t) => t.value === tier)?.count ?? 0;
    const consentCount = (channel: string, status: string | null) =>
      row.consent.filter((c) => c.channel === channel && (status === null ? !isConsentStatus(c.status) : c.status === status)).reduce((sum, c) => sum + c.count, 0);
    return {
      members: row.members,
      rfmTiers: [...RFM_TIERS, null].map((tier) => ({ tier, count: tierCount(tier) })),
      consent: CONSENT_CHANNELS.map((channel) => ({
        channel,
        subscribed: consentCount(channel, 'subscribed'),
        unsubscribed: consentCount(channel, 'unsubscribed'),
        pending: consentCount(channel, 'pending'),
        unknown: consentCount(channel, null),
      })),
      spend: SPEND_EDGES.map((from, i) => ({ from, to: SPEND_EDGES[i + 1] ?? null, count: row.spend.find((s) => s.bucket === i + 1)?.count ?? 0 })),
      nonBuyers: row.nonBuyers,
    };
  }

  async fieldOptions(workspaceId: string): Promise<CustomerFieldOptions> {
    const [countries, tags, categories, products, attributeRows, eventRows] = await Promise.all([
      this.insights.countries(workspaceId),
      this.insights.tags(workspaceId),
      this.insights.orderCategories(workspaceId),
      this.directory.products(workspaceId),
      this.directory.attributeKeys(workspaceId),
      this.directory.eventTypes(workspaceId),
    ]);
    const eventTypes = new Map<string, KeyTypeRow[]>();
    for (const { eventType, key, ...rest } of eventRows) {
      const rows = eventTypes.get(eventType) ?? [];
      if (key !== null) rows.push({ key, ...rest });
      eventTypes.set(eventType, rows);
    }
    return {
      countries,
      tags,
      categories,
      products,
      attributes: foldKeys(attributeRows).slice(0, MAX_ATTRIBUTE_KEYS),
      eventTypes: [...eventTypes].map(([type, rows]) => ({ type, properties: foldKeys(rows) })),
    };
  }
}

const isConsentStatus = (status: string | null) => (CONSENT_STATUSES as readonly (string | null)[]).includes(status);

/** Rows per key and JSON type folded into one option per key, most used first. */
export function foldKeys(rows: KeyTypeRow[]): KeyOption[] {
  const byKey = new Map<string, KeyTypeRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey]
    .map(([key, typed]) => ({
      key,
      valueType: inferValueType(typed),
      types: typed.map((t) => t.type).sort(),
      count: typed.reduce((sum, t) => sum + Number(t.count), 0),
    }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * The type a condition should read a key as: the one JSON type seen (strings that all look like ISO 8601
 * dates are dates, arrays are lists); a mix of types and objects read as strings.
 */
export function inferValueType(typed: Pick<KeyTypeRow, 'type' | 'dates'>[]): KeyValueType {
  const types = new Set(typed.filter((t) => t.type !== 'null').map((t) => t.type));
  if (types.size !== 1) return 'string';
  const [only] = types;
  if (only === 'number' || only === 'boolean') return only;
  if (only === 'array') return 'list';
  return only === 'string' && typed.every((t) => t.type !== 'string' || t.dates) ? 'date' : 'string';
}
