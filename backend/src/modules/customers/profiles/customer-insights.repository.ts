import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ValueCount {
  value: string;
  count: number;
}

export interface AttributeKeyCount {
  key: string;
  types: string[];
  count: number;
}

export interface MonthRow {
  month: string;
  revenue: string;
  orders: number;
}

const MAX_TAGS = 200;
const MAX_ATTRIBUTE_KEYS = 200;
const MAX_CATEGORIES = 200;

/**
 * Aggregates over a workspace's customers and orders: facets for filter pickers, the overview stats and
 * per-customer spend. Erased customers are left out of profile facets; their orders still count.
 */
@Injectable()
export class CustomerInsightsRepository {
  constructor(private readonly dataSource: DataSource) {}

  countries(workspaceId: string): Promise<ValueCount[]> {
    return this.dataSource.query(
      `SELECT country AS value, count(*)::int AS count FROM customers
        WHERE workspace_id = $1 AND erased_at IS NULL AND country IS NOT NULL
        GROUP BY country ORDER BY count DESC, value`,
      [workspaceId],
    );
  }

  tags(workspaceId: string): Promise<ValueCount[]> {
    return this.dataSource.query(
      `SELECT tag AS value, count(*)::int AS count FROM customers, unnest(tags) AS tag
        WHERE workspace_id = $1 AND erased_at IS NULL
        GROUP BY tag ORDER BY count DESC, value LIMIT ${MAX_TAGS}`,
      [workspaceId],
    );
  }

  /**
   * Attribute names with the JSON types their values have (`string`, `number`, `boolean`, `array`), most
   * used first. Grouped by name and type in SQL (a plain hash aggregate), folded per name here.
   */
  async attributeKeys(workspaceId: string): Promise<AttributeKeyCount[]> {
    const rows: { key: string; type: string; count: number }[] = await this.dataSource.query(
      `SELECT a.key, jsonb_typeof(a.value) AS type, count(*)::int AS count
         FROM customers c, jsonb_each(c.attributes) AS a
        WHERE c.workspace_id = $1 AND c.erased_at IS NULL
        GROUP BY 1, 2`,
      [workspaceId],
    );
    const byKey = new Map<string, AttributeKeyCount>();
    for (const { key, type, count } of rows) {
      const entry = byKey.get(key) ?? { key, types: [], count: 0 };
      entry.types.push(type);
      entry.count += count; // a customer has one value per key, so per-type counts add up
      byKey.set(key, entry);
    }
    return [...byKey.values()]
      .map((e) => ({ ...e, types: e.types.sort() }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
      .slice(0, MAX_ATTRIBUTE_KEYS);
  }

  orderCategories(workspaceId: string): Promise<ValueCount[]> {
    return this.dataSource.query(
      `SELECT category AS value, count(*)::int AS count FROM order_items
        WHERE workspace_id = $1 GROUP BY category ORDER BY count DESC, value LIMIT ${MAX_CATEGORIES}`,
      [workspaceId],
    );
  }

  /** Customers per value of a traits column (`rfm_tier` or `churn_risk`); NULL counts customers without one. */
  async traitCounts(workspaceId: string, column: 'rfm_tier' | 'churn_risk'): Promise<{ value: string | null; count: number }[]> {
    return this.dataSource.query(
      `SELECT t.${column} AS value, count(*)::int AS count
         FROM customers c LEFT JOIN customer_traits t ON t.customer_id = c.id
        WHERE c.workspace_id = $1 AND c.erased_at IS NULL
        GROUP BY t.${column}`,
      [workspaceId],
    );
  }

  async customerCounts(workspaceId: string): Promise<{ total: number; withOrders: number; erased: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE c.erased_at IS NULL)::int AS total,
              count(*) FILTER (WHERE c.erased_at IS NULL AND t.order_count > 0)::int AS "withOrders",
              count(*) FILTER (WHERE c.erased_at IS NOT NULL)::int AS erased
         FROM customers c LEFT JOIN customer_traits t ON t.customer_id = c.id
        WHERE c.workspace_id = $1`,
      [workspaceId],
    );
    return row;
  }

  /**
   * Revenue and order count per calendar month (UTC) over the last `months` months, this one included,
   * oldest first, zero-filled; optionally of one customer.
   */
  monthly(workspaceId: string, months: number, customerId?: string): Promise<MonthRow[]> {
    return this.dataSource.query(
      `WITH bounds AS (SELECT date_trunc('month', now() AT TIME ZONE 'UTC') AS this_month),
            series AS (
              SELECT generate_series(this_month - make_interval(months => $2::int - 1), this_month, interval '1 month') AS month FROM bounds
            ),
            totals AS (
              SELECT date_trunc('month', o.placed_at AT TIME ZONE 'UTC') AS month, sum(o.amount) AS revenue, count(*)::int AS orders
                FROM orders o, bounds
               WHERE o.workspace_id = $1
                 AND ($3::uuid IS NULL OR o.customer_id = $3)
                 AND o.placed_at >= (bounds.this_month - make_interval(months => $2::int - 1)) AT TIME ZONE 'UTC'
               GROUP BY 1
            )
       SELECT to_char(s.month, 'YYYY-MM') AS month, COALESCE(t.revenue, 0)::text AS revenue, COALESCE(t.orders, 0) AS orders
         FROM series s LEFT JOIN totals t ON t.month = s.month
        ORDER BY s.month`,
      [workspaceId, months, customerId ?? null],
    );
  }
}
