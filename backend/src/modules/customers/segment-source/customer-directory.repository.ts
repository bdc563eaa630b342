import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONSENT_CHANNELS } from '../customers.types';

/**
 * A query selecting customer ids in a column `customer_id`, written by another module (e.g. a segment's
 * materialized members). `$1` is the workspace id; the directory appends its own parameters after these.
 */
export interface CustomerIdsQuery {
  sql: string;
  params: unknown[];
}

export interface CustomerSummaryRow {
  id: string;
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  rfmTier: string | null;
  /** NUMERIC as text; 0 without traits. */
  totalSpent: string;
}

export interface KeyTypeRow {
  key: string;
  type: string;
  count: number;
  /** Every string value of this key looks like an ISO 8601 date. */
  dates: boolean;
}

export interface BreakdownRow {
  members: number;
  tiers: { value: string | null; count: number }[];
  consent: { channel: string; status: string | null; count: number }[];
  /** `bucket` is the 1-based index of the spend edge at or below the member's total spent (width_bucket). */
  spend: { bucket: number; count: number }[];
  nonBuyers: number;
}

const MAX_PRODUCTS = 200;
const MAX_EVENT_TYPES = 200;
/** Latest events of each type whose property keys are read. */
const EVENT_SAMPLE = 200;
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$';

/** Customer summaries and aggregates for other modules (segments). Every query is scoped to one workspace. */
@Injectable()
export class CustomerDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  summaries(workspaceId: string, ids: string[]): Promise<CustomerSummaryRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.external_id AS "externalId", c.email, c.first_name AS "firstName", c.last_name AS "lastName", c.country,
              t.rfm_tier AS "rfmTier", COALESCE(t.total_spent, 0)::text AS "totalSpent"
         FROM customers c LEFT JOIN customer_traits t ON t.customer_id = c.id
        WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
  }

  /** RFM tiers, consent per channel and spend buckets of the (not erased) customers `ids` selects, in one statement. */
  async breakdown(workspaceId: string, ids: CustomerIdsQuery, spendEdges: number[]): Promise<BreakdownRow> {
    if (ids.params[0] !== workspaceId) throw new Error('The ids query must take the workspace id as $1');
    const n = ids.params.length;
    const [row] = await this.dataSource.query(
      `WITH m AS MATERIALIZED (
         SELECT c.consent, t.rfm_tier, COALESCE(t.total_spent, 0) AS total_spent
           FROM (${ids.sql}) ids
           JOIN customers c ON c.id = ids.customer_id AND c.workspace_id = $1 AND c.erased_at IS NULL
           LEFT JOIN customer_traits t ON t.customer_id = c.id
       )
       SELECT (SELECT count(*) FROM m)::int AS members,
              (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT rfm_tier AS value, count(*)::int AS count FROM m GROUP BY 1) x) AS tiers,
              (SELECT COALESCE(json_agg(x), '[]') FROM (
                 SELECT ch AS channel, m.consent -> ch ->> 'status' AS status, count(*)::int AS count
                   FROM m, unnest($${n + 1}::text[]) AS ch GROUP BY 1, 2) x) AS consent,
              (SELECT COALESCE(json_agg(x), '[]') FROM (
                 SELECT width_bucket(total_spent, $${n + 2}::numeric[]) AS bucket, count(*)::int AS count FROM m WHERE total_spent > 0 GROUP BY 1) x) AS spend,
              (SELECT count(*) FROM m WHERE total_spent <= 0)::int AS "nonBuyers"`,
      [...ids.params, [...CONSENT_CHANNELS], spendEdges],
    );
    return row;
  }

  products(workspaceId: string): Promise<{ value: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT product AS value, count(*)::int AS count FROM order_items
        WHERE workspace_id = $1 GROUP BY product ORDER BY count DESC, value LIMIT ${MAX_PRODUCTS}`,
      [workspaceId],
    );
  }

  /** Custom attribute keys per JSON type with how many (not erased) customers have them. */
  attributeKeys(workspaceId: string): Promise<KeyTypeRow[]> {
    return this.dataSource.query(
      `SELECT a.key, jsonb_typeof(a.value) AS type, count(*)::int AS count,
              COALESCE(bool_and(a.value #>> '{}' ~ $2) FILTER (WHERE jsonb_typeof(a.value) = 'string'), false) AS dates
         FROM customers c, jsonb_each(c.attributes) AS a
        WHERE c.workspace_id = $1 AND c.erased_at IS NULL
        GROUP BY 1, 2`,
      [workspaceId, ISO_DATE],
    );
  }

  /**
   * The event types of the workspace (a loose index scan: one probe per type) with the property keys of
   * each type's latest {@link EVENT_SAMPLE} events; a type without properties has one row with a null key.
   */
  eventTypes(workspaceId: string): Promise<(Omit<KeyTypeRow, 'key'> & { eventType: string; key: string | null })[]> {
    return this.dataSource.query(
      `WITH RECURSIVE types AS (
         (SELECT type FROM customer_events WHERE workspace_id = $1 ORDER BY type LIMIT 1)
         UNION ALL
         SELECT (SELECT e.type FROM customer_events e WHERE e.workspace_id = $1 AND e.type > types.type ORDER BY e.type LIMIT 1)
           FROM types WHERE types.type IS NOT NULL
       )
       SELECT t.type AS "eventType", p.key, p.type, COALESCE(p.count, 0)::int AS count, COALESCE(p.dates, false) AS dates
         FROM (SELECT type FROM types WHERE type IS NOT NULL LIMIT ${MAX_EVENT_TYPES}) t
         LEFT JOIN LATERAL (
           SELECT k.key, jsonb_typeof(k.value) AS type, count(*) AS count,
                  COALESCE(bool_and(k.value #>> '{}' ~ $2) FILTER (WHERE jsonb_typeof(k.value) = 'string'), false) AS dates
             FROM (SELECT e.properties FROM customer_events e
                    WHERE e.workspace_id = $1 AND e.type = t.type ORDER BY e.occurred_at DESC LIMIT ${EVENT_SAMPLE}) s,
                  jsonb_each(s.properties) AS k
            GROUP BY 1, 2
         ) p ON true
        ORDER BY 1, 2, 3`,
      [workspaceId, ISO_DATE],
    );
  }
}
