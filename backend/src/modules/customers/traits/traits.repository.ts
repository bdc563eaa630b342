import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RfmBoundaries } from '../entities/rfm-boundaries.entity';
import {
  CHURN_RATIOS,
  CLV_HORIZON_YEARS,
  CLV_RETENTION,
  DEFAULT_EVENT_WEIGHT,
  ENGAGEMENT_HALF_LIFE_DAYS,
  ENGAGEMENT_SCALE,
  ENGAGEMENT_WEIGHTS,
  FALLBACK_TIERS,
  MIN_GAP_DAYS,
  NIGHT_BUYER_MIN_ORDERS,
  NIGHT_HOURS,
  ONE_ORDER_GAP_DAYS,
  RFM_QUANTILES,
  RFM_TIER_GRID,
} from './formulas';

/*
 * The SQL of the computed traits. Every formula is defined in `formulas.ts`; the statements below
 * compute the same for a whole batch or workspace at once (one statement per step, never a loop
 * over customers). Numeric constants are spliced from `formulas.ts` (code, never input); everything
 * else is a bind parameter.
 */

/** Fractional days of an interval expression. */
const days = (interval: string) => `(extract(epoch FROM ${interval})::float8 / 86400)`;
/** 0.5^(days / half-life) of an interval expression. */
const decay = (interval: string) => `power(0.5, ${days(interval)} / ${ENGAGEMENT_HALF_LIFE_DAYS})`;

const EVENT_TYPES = Object.keys(ENGAGEMENT_WEIGHTS);
const EVENT_WEIGHTS = Object.values(ENGAGEMENT_WEIGHTS);

/**
 * Per-customer order aggregates of the `batch` relation (id, customer_id, amount, placed_at, local_hour),
 * as the CTEs `totals`, `hours` (24 counters) and `categories` (jsonb of spend per category).
 * `$1` is the workspace; `items` narrows the line items read (the batch's order ids, so that a small
 * batch probes the order index instead of hashing every line item of the workspace).
 */
const orderAggregates = (items = 'true') => `
  totals AS (
    SELECT customer_id, sum(amount) AS spent, count(*)::int AS n, min(placed_at) AS first_at, max(placed_at) AS last_at
    FROM batch GROUP BY customer_id
  ),
  hours AS (
    SELECT tot.customer_id, array_agg(coalesce(h.n, 0) ORDER BY g.hour) AS counts
    FROM totals tot
    CROSS JOIN generate_series(0, 23) AS g(hour)
    LEFT JOIN (SELECT customer_id, local_hour, count(*)::int AS n FROM batch GROUP BY 1, 2) h
      ON h.customer_id = tot.customer_id AND h.local_hour = g.hour
    GROUP BY tot.customer_id
  ),
  categories AS (
    SELECT customer_id, jsonb_object_agg(category, spend) AS spend
    FROM (
      SELECT b.customer_id, i.category, sum(i.quantity * i.unit_price) AS spend
      FROM batch b JOIN order_items i ON i.order_id = b.id AND i.workspace_id = $1
      WHERE ${items}
      GROUP BY 1, 2
    ) per_category
    GROUP BY customer_id
  )`;

/**
 * Orders `o` of `from` (joined to their customer `c`) matching `where`, with the hour of placement in
 * the customer's time zone; `zones` is the placeholder of the known zone names (others count as UTC).
 */
const orderBatch = (from: string, where: string, zones: string) => `
  batch AS (
    SELECT o.id, o.customer_id, o.amount, o.placed_at,
           extract(hour FROM o.placed_at AT TIME ZONE coalesce(z.name, 'UTC'))::int AS local_hour
    FROM ${from}
    LEFT JOIN unnest(${zones}::text[]) AS z(name) ON z.name = c.timezone
    WHERE ${where}
  )`;

/**
 * Per-customer engagement of the `event_batch` relation (customer_id, type, occurred_at) as the CTE
 * `engagement`: count, latest time, and points as of the latest event (formulas.ts `addEvents`).
 * `types` and `weights` are the placeholders of the weighted types and their weights.
 */
const eventAggregates = (types: string, weights: string) => `
  weighted AS (
    SELECT e.customer_id, e.occurred_at, coalesce(w.weight, ${DEFAULT_EVENT_WEIGHT}) AS weight,
           max(e.occurred_at) OVER (PARTITION BY e.customer_id) AS ref_at
    FROM event_batch e LEFT JOIN unnest(${types}::text[], ${weights}::float8[]) AS w(type, weight) ON w.type = e.type
  ),
  engagement AS (
    SELECT customer_id, count(*)::int AS n, max(ref_at) AS ref_at, sum(weight * ${decay('ref_at - occurred_at')}) AS points
    FROM weighted GROUP BY customer_id
  )`;

/** Values of the derived traits of `s` (a `customer_traits` row) at `$3`, against boundaries `b` (may be null); `$4` is the tier grid. */
const DERIVED = `
  SELECT s.customer_id,
    CASE WHEN s.order_count > 0 THEN round(s.total_spent / s.order_count, 2) END AS avg_order_value,
    (SELECT c.key FROM jsonb_each(s.category_spend) c ORDER BY c.value::numeric DESC, c.key COLLATE "C" LIMIT 1) AS preferred_category,
    (SELECT u.hour - 1 FROM unnest(s.hour_counts) WITH ORDINALITY AS u(n, hour) WHERE u.n > 0 ORDER BY u.n DESC, u.hour LIMIT 1) AS preferred_hour,
    s.order_count >= ${NIGHT_BUYER_MIN_ORDERS}
      AND 2 * (SELECT sum(s.hour_counts[h + 1]) FROM unnest(ARRAY[${NIGHT_HOURS.join(', ')}]) AS h) >= s.order_count AS night_buyer,
    sc.r AS recency_score, sc.f AS frequency_score, sc.m AS monetary_score,
    CASE
      WHEN s.order_count = 0 THEN NULL
      WHEN sc.r IS NULL THEN CASE WHEN s.order_count = 1 THEN $5::text ELSE $6::text END
      ELSE ($4::text[])[(sc.r - 1) * 5 + (sc.f + sc.m) / 2]
    END AS rfm_tier,
    ch.churn AS churn_risk,
    CASE WHEN s.order_count > 0 THEN round((s.total_spent * (1 + 365.0 / greatest(x.tenure_days, 365) * ${CLV_HORIZON_YEARS}
      * CASE ch.churn WHEN 'low' THEN ${CLV_RETENTION.low} WHEN 'medium' THEN ${CLV_RETENTION.medium} ELSE ${CLV_RETENTION.high} END))::numeric, 2)
    END AS clv,
    CASE WHEN s.engagement_at IS NULL THEN 0 ELSE
      round(100 * (1 - exp(-(s.engagement_points * ${decay(`greatest($3::timestamptz - s.engagement_at, interval '0')`)}) / ${ENGAGEMENT_SCALE})))
    END::smallint AS engagement_score
  FROM customer_traits s
  LEFT JOIN customer_rfm_boundaries b ON b.workspace_id = s.workspace_id
  CROSS JOIN LATERAL (
    SELECT ${days('$3::timestamptz - s.last_order_at')} AS recency_days,
           ${days('$3::timestamptz - s.first_order_at')} AS tenure_days,
           CASE WHEN s.order_count >= 2 THEN greatest(${days('s.last_order_at - s.first_order_at')} / (s.order_count - 1), ${MIN_GAP_DAYS})
                ELSE ${ONE_ORDER_GAP_DAYS} END AS gap_days
  ) x
  CROSS JOIN LATERAL (
    SELECT CASE WHEN s.order_count > 0 AND b.workspace_id IS NOT NULL THEN
             1 + (SELECT count(*) FROM unnest(b.recency_days) cut WHERE x.recency_days < cut)::int END AS r,
           CASE WHEN s.order_count > 0 AND b.workspace_id IS NOT NULL THEN
             1 + (SELECT count(*) FROM unnest(b.frequency) cut WHERE s.order_count > cut)::int END AS f,
           CASE WHEN s.order_count > 0 AND b.workspace_id IS NOT NULL THEN
             1 + (SELECT count(*) FROM unnest(b.monetary) cut WHERE s.total_spent::float8 > cut)::int END AS m
  ) sc
  CROSS JOIN LATERAL (
    SELECT CASE WHEN s.order_count = 0 THEN NULL
                WHEN x.recency_days / x.gap_days <= ${CHURN_RATIOS.low} THEN 'low'
                WHEN x.recency_days / x.gap_days <= ${CHURN_RATIOS.medium} THEN 'medium'
                ELSE 'high' END AS churn
  ) ch
  WHERE s.workspace_id = $1 AND ($2::uuid[] IS NULL OR s.customer_id = ANY($2::uuid[]))`;

const TIME_DEPENDENT = ['recency_score', 'frequency_score', 'monetary_score', 'rfm_tier', 'churn_risk', 'clv', 'engagement_score'];
const FROM_SUMS = ['avg_order_value', 'preferred_category', 'preferred_hour', 'night_buyer'];

/**
 * Writes derived traits from `DERIVED`; only rows whose values change are written.
 * With `all`, every derived column; otherwise only those that move with time.
 */
const deriveStatement = (columns: string[]) => `
  UPDATE customer_traits t SET ${columns.map((c) => `${c} = d.${c}`).join(', ')}, updated_at = now()
  FROM (${DERIVED}) d
  WHERE t.customer_id = d.customer_id
    AND (${columns.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `d.${c}`).join(', ')})`;

const DERIVE_ALL = deriveStatement([...FROM_SUMS, ...TIME_DEPENDENT]);
const DERIVE_TIME_DEPENDENT = deriveStatement(TIME_DEPENDENT);

export interface TraitsTierCount {
  tier: string;
  customers: number;
}

/** The only place that touches `customer_traits` and `customer_rfm_boundaries`; every statement is scoped to one workspace. */
@Injectable()
export class TraitsRepository {
  private zones?: Promise<string[]>;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds newly stored orders to their customers' running sums (creating trait rows as needed).
   * Returns the customers touched.
   */
  async foldOrders(manager: EntityManager, workspaceId: string, orderIds: string[]): Promise<string[]> {
    const rows: { customer_id: string }[] = await manager.query(
      `WITH ${orderBatch('orders o JOIN customers c ON c.id = o.customer_id AND c.workspace_id = $1', 'o.workspace_id = $1 AND o.id = ANY($2::uuid[])', '$3')},
       ${orderAggregates('i.order_id = ANY($2::uuid[])')}
       INSERT INTO customer_traits AS t (customer_id, workspace_id, total_spent, order_count, first_order_at, last_order_at, category_spend, hour_counts)
       SELECT tot.customer_id, $1, tot.spent, tot.n, tot.first_at, tot.last_at, coalesce(cat.spend, '{}'), h.counts
       FROM totals tot JOIN hours h USING (customer_id) LEFT JOIN categories cat USING (customer_id)
       ON CONFLICT (customer_id) DO UPDATE SET
         total_spent = t.total_spent + EXCLUDED.total_spent,
         order_count = t.order_count + EXCLUDED.order_count,
         first_order_at = least(t.first_order_at, EXCLUDED.first_order_at),
         last_order_at = greatest(t.last_order_at, EXCLUDED.last_order_at),
         category_spend = (
           SELECT coalesce(jsonb_object_agg(k, coalesce((t.category_spend ->> k)::numeric, 0) + coalesce((EXCLUDED.category_spend ->> k)::numeric, 0)), '{}')
           FROM (SELECT jsonb_object_keys(t.category_spend) UNION SELECT jsonb_object_keys(EXCLUDED.category_spend)) AS keys(k)
         ),
         hour_counts = ARRAY(SELECT a + b FROM unnest(t.hour_counts, EXCLUDED.hour_counts) WITH ORDINALITY AS u(a, b, i) ORDER BY i),
         updated_at = now()
       RETURNING customer_id`,
      [workspaceId, orderIds, await this.knownZones()],
    );
    return rows.map((r) => r.customer_id);
  }

  /** Adds newly stored events to their customers' event count and decayed points. Returns the customers touched. */
  async foldEvents(manager: EntityManager, workspaceId: string, eventIds: string[]): Promise<string[]> {
    const rows: { customer_id: string }[] = await manager.query(
      `WITH event_batch AS (
         SELECT customer_id, type, occurred_at FROM customer_events WHERE workspace_id = $1 AND id = ANY($2::bigint[])
       ),
       ${eventAggregates('$3', '$4')}
       INSERT INTO customer_traits AS t (customer_id, workspace_id, event_count, last_event_at, engagement_points, engagement_at)
       SELECT customer_id, $1, n, ref_at, points, ref_at FROM engagement
       ON CONFLICT (customer_id) DO UPDATE SET
         event_count = t.event_count + EXCLUDED.event_count,
         last_event_at = greatest(t.last_event_at, EXCLUDED.last_event_at),
         engagement_points = CASE WHEN t.engagement_at IS NULL THEN EXCLUDED.engagement_points ELSE
           t.engagement_points * ${decay(`greatest(EXCLUDED.engagement_at - t.engagement_at, interval '0')`)}
           + EXCLUDED.engagement_points * ${decay(`greatest(t.engagement_at - EXCLUDED.engagement_at, interval '0')`)} END,
         engagement_at = greatest(t.engagement_at, EXCLUDED.engagement_at),
         updated_at = now()
       RETURNING customer_id`,
      [workspaceId, eventIds, EVENT_TYPES, EVENT_WEIGHTS],
    );
    return rows.map((r) => r.customer_id);
  }

  /**
   * Rebuilds the running sums of some customers (all of the workspace's with `null`) from their full
   * history, and removes the trait rows of those left without orders and events.
   */
  async rebuild(manager: EntityManager, workspaceId: string, customerIds: string[] | null): Promise<void> {
    const scope = `workspace_id = $1 AND ($2::uuid[] IS NULL OR customer_id = ANY($2::uuid[]))`;
    await manager.query(
      `DELETE FROM customer_traits t WHERE ${scope}
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = t.customer_id)
         AND NOT EXISTS (SELECT 1 FROM customer_events e WHERE e.workspace_id = $1 AND e.customer_id = t.customer_id)`,
      [workspaceId, customerIds],
    );
    await manager.query(
      `WITH target AS (
         SELECT id, timezone FROM customers WHERE workspace_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       ),
       ${orderBatch('orders o JOIN target c ON c.id = o.customer_id', 'o.workspace_id = $1', '$3')},
       ${orderAggregates()},
       event_batch AS (
         SELECT e.customer_id, e.type, e.occurred_at FROM customer_events e JOIN target c ON c.id = e.customer_id WHERE e.workspace_id = $1
       ),
       ${eventAggregates('$4', '$5')}
       INSERT INTO customer_traits AS t (customer_id, workspace_id, total_spent, order_count, first_order_at, last_order_at, category_spend,
                                         hour_counts, event_count, last_event_at, engagement_points, engagement_at)
       SELECT customer_id, $1, coalesce(tot.spent, 0), coalesce(tot.n, 0), tot.first_at, tot.last_at,
              coalesce(cat.spend, '{}'), coalesce(h.counts, array_fill(0, ARRAY[24])),
              coalesce(en.n, 0), en.ref_at, coalesce(en.points, 0), en.ref_at
       FROM totals tot
       JOIN hours h USING (customer_id)
       LEFT JOIN categories cat USING (customer_id)
       FULL JOIN engagement en USING (customer_id)
       ON CONFLICT (customer_id) DO UPDATE SET
         total_spent = EXCLUDED.total_spent, order_count = EXCLUDED.order_count,
         first_order_at = EXCLUDED.first_order_at, last_order_at = EXCLUDED.last_order_at,
         category_spend = EXCLUDED.category_spend, hour_counts = EXCLUDED.hour_counts,
         event_count = EXCLUDED.event_count, last_event_at = EXCLUDED.last_event_at,
         engagement_points = EXCLUDED.engagement_points, engagement_at = EXCLUDED.engagement_at,
         updated_at = now()`,
      [workspaceId, customerIds, await this.knownZones(), EVENT_TYPES, EVENT_WEIGHTS],
    );
  }

  /** Recomputes every derived trait of some customers (all of the workspace's with `null`) from their sums, at `asOf`. */
  async derive(manager: EntityManager, workspaceId: string, customerIds: string[] | null, asOf: Date): Promise<void> {
    await manager.query(DERIVE_ALL, [workspaceId, customerIds, asOf, RFM_TIER_GRID.flat(), FALLBACK_TIERS.oneOrder, FALLBACK_TIERS.repeat]);
  }

  /** Rescores every customer of the workspace at `asOf` (RFM, tier, churn risk, CLV, engagement): one UPDATE. */
  async rescoreWorkspace(manager: EntityManager, workspaceId: string, asOf: Date): Promise<number> {
    const [, affected] = (await manager.query(DERIVE_TIME_DEPENDENT, [
      workspaceId,
      null,
      asOf,
      RFM_TIER_GRID.flat(),
      FALLBACK_TIERS.oneOrder,
      FALLBACK_TIERS.repeat,
    ])) as [unknown, number];
    return affected;
  }

  /**
   * Stores the quintile cut points of recency (days since the last order at `asOf`), frequency and
   * monetary value over the workspace's customers with orders. A workspace without any loses its row.
   */
  async computeBoundaries(manager: EntityManager, workspaceId: string, asOf: Date): Promise<RfmBoundaries | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO customer_rfm_boundaries AS r (workspace_id, recency_days, frequency, monetary, customer_count, computed_at)
       SELECT $1,
              percentile_cont($3::float8[]) WITHIN GROUP (ORDER BY ${days('$2::timestamptz - last_order_at')}),
              percentile_cont($3::float8[]) WITHIN GROUP (ORDER BY order_count::float8),
              percentile_cont($3::float8[]) WITHIN GROUP (ORDER BY total_spent::float8),
              count(*), $2
       FROM customer_traits WHERE workspace_id = $1 AND order_count > 0
       HAVING count(*) > 0
       ON CONFLICT (workspace_id) DO UPDATE SET
         recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency, monetary = EXCLUDED.monetary,
         customer_count = EXCLUDED.customer_count, computed_at = EXCLUDED.computed_at
       RETURNING workspace_id`,
      [workspaceId, asOf, RFM_QUANTILES],
    );
    if (!rows.length) {
      await manager.delete(RfmBoundaries, { workspaceId });
      return null;
    }
    return manager.findOneBy(RfmBoundaries, { workspaceId });
  }

  findBoundaries(workspaceId: string): Promise<RfmBoundaries | null> {
    return this.dataSource.manager.findOneBy(RfmBoundaries, { workspaceId });
  }

  /** Customers with orders per RFM tier, largest first. */
  async tierCounts(workspaceId: string): Promise<TraitsTierCount[]> {
    const rows: { tier: string; customers: number }[] = await this.dataSource.query(
      `SELECT rfm_tier AS tier, count(*)::int AS customers FROM customer_traits
       WHERE workspace_id = $1 AND rfm_tier IS NOT NULL GROUP BY rfm_tier ORDER BY customers DESC, tier`,
      [workspaceId],
    );
    return rows;
  }

  /** Workspaces with at least one trait row: those the daily RFM run visits. */
  async workspacesWithTraits(): Promise<string[]> {
    // A loose index scan: one index probe per workspace instead of reading every trait row.
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE w AS (
         (SELECT workspace_id AS id FROM customer_traits ORDER BY workspace_id LIMIT 1)
         UNION ALL
         SELECT (SELECT workspace_id FROM customer_traits WHERE workspace_id > w.id ORDER BY workspace_id LIMIT 1) FROM w WHERE w.id IS NOT NULL
       )
       SELECT id FROM w WHERE id IS NOT NULL`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Time zone names PostgreSQL knows, read once per process: a customer's zone outside this list
   * counts as UTC instead of failing the statement.
   */
  private knownZones(): Promise<string[]> {
    this.zones ??= this.dataSource
      .query(`SELECT name FROM pg_timezone_names`)
      .then((rows: { name: string }[]) => rows.map((r) => r.name))
      .catch((error) => {
        this.zones = undefined;
        throw error;
      });
    return this.zones;
  }
}
