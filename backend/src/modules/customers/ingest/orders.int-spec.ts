import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { ingest, insertCustomer, order } from './ingest.fixtures.test';

describe('bulk ingestion of orders', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let owner: { token: string };
  let knownId: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Orders workspace');
    owner = { token: ws.owner.token };
    knownId = await insertCustomer(app, ws.workspaceId, 'cust-1', 'known@example.com');
  });
  afterAll(() => app.close());

  const ordersOf = (customerId: string) =>
    ds.query('SELECT id, external_id, amount, currency, channel, placed_at FROM orders WHERE customer_id = $1 ORDER BY external_id', [customerId]);
  const linesOf = (orderId: string) =>
    ds.query('SELECT product, category, quantity, unit_price FROM order_items WHERE order_id = $1 ORDER BY product', [orderId]);

  it('stores the good orders of a batch and rejects each bad one with its reason and field', async () => {
    const future = new Date(Date.now() + 60 * 60_000).toISOString();
    const res = await ingest(url, owner, 'orders', [
      order({ externalId: 'p-1' }),
      order({ externalId: 'p-2', currency: 'EURO' }),
      order({ externalId: 'p-3', items: [{ product: 'Socks', category: 'Apparel', quantity: 0, unitPrice: 5 }] }),
      order({ externalId: 'p-4', amount: 100 }),
      order({ externalId: 'p-5', customerExternalId: undefined }),
      order({ externalId: 'p-6', placedAt: future }),
      order({ externalId: 'p-7', placedAt: '2024-05-17T18:42:00' }),
      order({ externalId: 'p-8', coupon: 'SPRING' }),
      order({ externalId: 'p-9', items: [] }),
      order({ externalId: 'p-10', customerExternalId: undefined, customerEmail: 'KNOWN@example.com', currency: 'usd', channel: 'offline', amount: 119.8 }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 2, updated: 0, rejected: 8 });
    expect(res.body.results.map((r: { index: number; status: string; field?: string }) => [r.index, r.status, r.field])).toEqual([
      [0, 'created', undefined],
      [1, 'rejected', 'currency'],
      [2, 'rejected', 'items.0.quantity'],
      [3, 'rejected', 'amount'],
      [4, 'rejected', 'customerExternalId'],
      [5, 'rejected', 'placedAt'],
      [6, 'rejected', 'placedAt'],
      [7, 'rejected', 'coupon'],
      [8, 'rejected', 'items'],
      [9, 'created', undefined],
    ]);
    expect(res.body.results[3].reason).toBe("amount 100.00 differs from the line items' total 119.80 by more than 0.01");
    expect(res.body.results[4].reason).toBe('customerExternalId or customerEmail is required');
    const stored = await ordersOf(knownId);
    expect(stored).toEqual([
      { id: res.body.results[0].id, external_id: 'p-1', amount: '119.80', currency: 'EUR', channel: 'online', placed_at: new Date('2024-05-17T18:42:00Z') },
      { id: res.body.results[9].id, external_id: 'p-10', amount: '119.80', currency: 'USD', channel: 'offline', placed_at: new Date('2024-05-17T18:42:00Z') },
    ]);
    expect(await linesOf(stored[0].id)).toEqual([{ product: 'Trail shoes', category: 'Footwear', quantity: 2, unit_price: '59.90' }]);
  });

  it('accepts an amount within a cent of the line total and rejects a repeated external id within the batch', async () => {
    const res = await ingest(url, owner, 'orders', [
      order({ externalId: 'q-1', amount: 119.81 }),
      order({ externalId: 'q-1' }),
      order({ items: [{ product: 'A', category: 'X', quantity: 3, unitPrice: 0.1 }, { product: 'B', category: 'Y', quantity: 1, unitPrice: 0.2 }] }),
    ]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'rejected', 'created']);
    expect(res.body.results[1]).toMatchObject({ field: 'externalId', reason: 'externalId repeats item 0 of this batch' });
    const [{ amount }] = await ds.query('SELECT amount FROM orders WHERE id = $1', [res.body.results[2].id]);
    expect(amount).toBe('0.50'); // 3 × 0.10 + 0.20, in cents: no floating-point drift
  });

  it('replaces an order and its line items when its external id comes again', async () => {
    const first = await ingest(url, owner, 'orders', [
      order({
        externalId: 'r-1',
        items: [
          { product: 'Tent', category: 'Camping', quantity: 1, unitPrice: 300 },
          { product: 'Stove', category: 'Camping', quantity: 1, unitPrice: 45.5 },
        ],
      }),
    ]);
    expect(first.body.results[0].status).toBe('created');
    const again = await ingest(url, owner, 'orders', [
      order({ externalId: 'r-1', channel: 'offline', placedAt: '2024-06-01T09:00:00+02:00', items: [{ product: 'Tent', category: 'Camping', quantity: 2, unitPrice: 280 }] }),
    ]);
    expect(again.body.results).toEqual([{ index: 0, status: 'updated', id: first.body.results[0].id }]);
    const rows = await ds.query('SELECT amount, channel, placed_at FROM orders WHERE workspace_id = $1 AND external_id = $2', [ws.workspaceId, 'r-1']);
    expect(rows).toEqual([{ amount: '560.00', channel: 'offline', placed_at: new Date('2024-06-01T07:00:00Z') }]);
    expect(await linesOf(first.body.results[0].id)).toEqual([{ product: 'Tent', category: 'Camping', quantity: 2, unit_price: '280.00' }]);
  });

  it('creates an unknown customer from the identifiers of its order', async () => {
    const res = await ingest(url, owner, 'orders', [
      order({ externalId: 's-1', customerExternalId: 'new-7', customerEmail: 'New7@Example.com' }),
      order({ externalId: 's-2', customerExternalId: 'new-7' }),
      order({ externalId: 's-3', customerExternalId: undefined, customerEmail: 'only-email@example.com' }),
    ]);
    expect(res.body.summary).toEqual({ created: 3, updated: 0, rejected: 0 });
    const customers = await ds.query(
      `SELECT c.external_id, c.email, count(o.id)::int AS orders FROM customers c JOIN orders o ON o.customer_id = c.id
       WHERE c.workspace_id = $1 AND o.external_id LIKE 's-%' GROUP BY c.id ORDER BY c.email`,
      [ws.workspaceId],
    );
    expect(customers).toEqual([
      { external_id: 'new-7', email: 'new7@example.com', orders: 2 },
      { external_id: null, email: 'only-email@example.com', orders: 1 },
    ]);
  });

  it('keeps the order count trait current, new orders and replaced ones', async () => {
    const customerId = await insertCustomer(app, ws.workspaceId, 'traits-1');
    await ingest(url, owner, 'orders', [order({ externalId: 't-1', customerExternalId: 'traits-1' }), order({ externalId: 't-2', customerExternalId: 'traits-1' })]);
    await ingest(url, owner, 'orders', [order({ externalId: 't-2', customerExternalId: 'traits-1', items: [{ product: 'Cap', category: 'Hats', quantity: 1, unitPrice: 20 }] })]);
    const [traits] = await ds.query('SELECT order_count, total_spent FROM customer_traits WHERE customer_id = $1', [customerId]);
    expect(traits).toMatchObject({ order_count: 2, total_spent: '139.80' });
  });

  it("never touches another workspace: an order for workspace B's customer id creates a new customer in A", async () => {
    const other = await createWorkspace(app, url, 'Other orders workspace');
    const theirs = await insertCustomer(app, other.workspaceId, 'shared-1');
    const res = await ingest(url, owner, 'orders', [order({ externalId: 'o-1', customerExternalId: 'shared-1' })]);
    expect(res.body.summary.created).toBe(1);
    expect(await ordersOf(theirs)).toEqual([]);
    const [mine] = await ds.query('SELECT id FROM customers WHERE workspace_id = $1 AND external_id = $2', [ws.workspaceId, 'shared-1']);
    expect(mine.id).not.toBe(theirs);
    expect((await ordersOf(mine.id)).map((o: { external_id: string }) => o.external_id)).toEqual(['o-1']);
    // The same order external id in B is B's own order, not an update of A's.
    const inB = await ingest(url, { token: other.owner.token }, 'orders', [order({ externalId: 'o-1', customerExternalId: 'shared-1' })]);
    expect(inB.body.results[0].status).toBe('created');
  });

  it('takes a batch of 1,000 orders', async () => {
    await insertCustomer(app, ws.workspaceId, 'bulk-1');
    const items = Array.from({ length: 1000 }, (_, i) =>
      order({ externalId: `bulk-${i}`, customerExternalId: 'bulk-1', items: [{ product: `P${i % 50}`, category: `C${i % 7}`, quantity: 1 + (i % 3), unitPrice: 10 }] }),
    );
    const res = await ingest(url, owner, 'orders', items);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1000, updated: 0, rejected: 0 });
    const [{ count, total }] = await ds.query(
      `SELECT count(*)::int AS count, sum(amount)::text AS total FROM orders WHERE workspace_id = $1 AND external_id LIKE 'bulk-%'`,
      [ws.workspaceId],
    );
    expect({ count, total }).toEqual({ count: 1000, total: '19990.00' }); // 334×10 + 333×20 + 333×30
  });
});
