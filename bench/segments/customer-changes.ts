import type { Client } from 'pg';
import type { ProductProcess } from './product-process';

/** Items per bulk ingestion request (the API's maximum). */
const BATCH = 1000;

export interface ChangePlan {
  /** Members in the US/CA moving to GB: they leave the segment. */
  leavers: string[];
  /** US/CA non-members who opened an email in the last 30 days, placing a 600.00 order: they enter. */
  entrants: string[];
  /** Other customers placing a small order: changed, membership mostly unchanged. */
  others: string[];
}

export interface ChangeResult {
  plan: ChangePlan;
  seconds: number;
  requests: number;
}

/**
 * Picks `total` customers to change (deterministically: by external id): a quarter current members who will
 * leave, a quarter likely entrants, the rest other customers.
 */
export async function planChanges(
  db: Client,
  workspaceId: string,
  segmentId: string,
  total: number,
  since30Days: Date,
): Promise<ChangePlan> {
  const quarter = Math.floor(total / 4);
  const leavers: string[] = (
    await db.query(
      `SELECT c.external_id FROM segment_members m JOIN customers c ON c.id = m.customer_id
       WHERE m.segment_id = $1 AND c.workspace_id = $2 ORDER BY c.external_id LIMIT $3`,
      [segmentId, workspaceId, quarter],
    )
  ).rows.map((r) => r.external_id);
  const entrants: string[] = (
    await db.query(
      `SELECT c.external_id FROM customers c
       WHERE c.workspace_id = $1 AND c.erased_at IS NULL AND c.country IN ('US', 'CA')
         AND NOT EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = $2 AND m.customer_id = c.id)
         AND EXISTS (SELECT 1 FROM customer_events e WHERE e.customer_id = c.id AND e.workspace_id = $1 AND e.type = 'email_opened' AND e.occurred_at >= $3)
       ORDER BY c.external_id LIMIT $4`,
      [workspaceId, segmentId, since30Days, quarter],
    )
  ).rows.map((r) => r.external_id);
  const others: string[] = (
    await db.query(
      `SELECT c.external_id FROM customers c
       WHERE c.workspace_id = $1 AND c.erased_at IS NULL AND NOT (c.external_id = ANY($2::text[]))
       ORDER BY md5(c.external_id) LIMIT $3`,
      [workspaceId, [...leavers, ...entrants], total - leavers.length - entrants.length],
    )
  ).rows.map((r) => r.external_id);
  return { leavers, entrants, others };
}

const order = (customerExternalId: string, n: number, placedAt: string, unitPrice: number, category: string, product: string) => ({
  customerExternalId,
  externalId: `bench-change-${n}`,
  currency: 'USD',
  channel: 'online',
  placedAt,
  items: [{ product, category, quantity: 1, unitPrice }],
});

/**
 * Applies the plan the way an integration would: through the bulk ingestion API (POST /api/ingest/customers for
 * the country changes, /api/ingest/orders for the orders — which update the customers' traits in the same
 * transaction), 1,000 items per request. Every item must be accepted.
 */
export async function applyChanges(product: ProductProcess, plan: ChangePlan): Promise<ChangeResult> {
  const started = performance.now();
  const placedAt = new Date(Date.now() - 60_000).toISOString();
  let n = 0;
  const orders = [
    ...plan.entrants.map((id) => order(id, n++, placedAt, 600, 'Electronics', 'Noise-cancelling headphones')),
    ...plan.others.map((id) => order(id, n++, placedAt, 12, 'Beauty', 'Shampoo bar')),
  ];
  const customers = plan.leavers.map((externalId) => ({ externalId, country: 'GB' }));
  let requests = 0;
  for (const [path, items] of [
    ['/api/ingest/customers', customers],
    ['/api/ingest/orders', orders],
  ] as const) {
    for (let at = 0; at < items.length; at += BATCH) {
      const body = await product.expect<{ summary: { rejected: number }; results: { status: string; reason?: string }[] }>(
        200,
        'POST',
        path,
        {
          items: items.slice(at, at + BATCH),
        },
      );
      requests++;
      if (body.summary.rejected)
        throw new Error(`${path} rejected ${body.summary.rejected} items: ${body.results.find((r) => r.reason)?.reason}`);
    }
  }
  return { plan, seconds: (performance.now() - started) / 1000, requests };
}
