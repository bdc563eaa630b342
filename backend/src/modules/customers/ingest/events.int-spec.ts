import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { event, ingest, insertCustomer } from './ingest.fixtures.test';

describe('bulk ingestion of events', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let owner: { token: string };
  let knownId: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Events workspace');
    owner = { token: ws.owner.token };
    knownId = await insertCustomer(app, ws.workspaceId, 'cust-1', 'known@example.com');
  });
  afterAll(() => app.close());

  it('stores the good events of a batch and rejects each bad one with its reason and field', async () => {
    const res = await ingest(url, owner, 'events', [
      event({ type: 'page_view', properties: { path: '/shoes' } }),
      event({ type: 'Page View' }),
      event({ properties: { blob: 'x'.repeat(16 * 1024) } }),
      event({ properties: ['not', 'an', 'object'] }),
      event({ occurredAt: 'yesterday' }),
      event({ customerExternalId: undefined }),
      event({ customerExternalId: undefined, customerEmail: 'Known@Example.com', type: 'cart.add', properties: undefined }),
      event({ properties: { text: 'nul \u0000 inside' } }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 2, updated: 0, rejected: 6 });
    expect(res.body.results.map((r: { index: number; status: string; field?: string }) => [r.index, r.status, r.field])).toEqual([
      [0, 'created', undefined],
      [1, 'rejected', 'type'],
      [2, 'rejected', 'properties'],
      [3, 'rejected', 'properties'],
      [4, 'rejected', 'occurredAt'],
      [5, 'rejected', 'customerExternalId'],
      [6, 'created', undefined],
      [7, 'rejected', 'properties'],
    ]);
    expect(res.body.results[2].reason).toBe('properties must be a JSON object of at most 16 KB without NUL characters');
    const rows = await ds.query('SELECT id::text, customer_id, type, properties, occurred_at FROM customer_events WHERE workspace_id = $1 ORDER BY id', [ws.workspaceId]);
    expect(rows).toEqual([
      { id: res.body.results[0].id, customer_id: knownId, type: 'page_view', properties: { path: '/shoes' }, occurred_at: new Date('2024-05-17T18:40:12.250Z') },
      { id: res.body.results[6].id, customer_id: knownId, type: 'cart.add', properties: {}, occurred_at: new Date('2024-05-17T18:40:12.250Z') },
    ]);
  });

  it('creates an unknown customer from the identifiers of its event, once per batch', async () => {
    const res = await ingest(url, owner, 'events', [
      event({ customerExternalId: undefined, customerEmail: 'visitor@example.com', type: 'signup' }),
      event({ customerExternalId: undefined, customerEmail: 'VISITOR@example.com', type: 'login' }),
    ]);
    expect(res.body.summary).toEqual({ created: 2, updated: 0, rejected: 0 });
    const rows = await ds.query(
      `SELECT c.email, array_agg(e.type ORDER BY e.id) AS types FROM customers c JOIN customer_events e ON e.customer_id = c.id
       WHERE c.workspace_id = $1 AND c.email = 'visitor@example.com' GROUP BY c.id`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ email: 'visitor@example.com', types: ['signup', 'login'] }]);
  });

  it("updates the customer's engagement traits in the same request, and the events show on the customer's timeline", async () => {
    const customerId = await insertCustomer(app, ws.workspaceId, 'engaged-1');
    await ingest(url, owner, 'events', [
      event({ customerExternalId: 'engaged-1' }),
      event({ customerExternalId: 'engaged-1', type: 'checkout.started', properties: { cart: 3 }, occurredAt: '2024-05-18T10:00:00Z' }),
    ]);
    const [traits] = await ds.query('SELECT event_count, last_event_at FROM customer_traits WHERE customer_id = $1', [customerId]);
    expect(traits).toEqual({ event_count: 2, last_event_at: new Date('2024-05-18T10:00:00Z') });
    const timeline = await call(url, 'GET', `/api/customers/${customerId}/timeline?kinds=events`, owner);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: { event: { type: string; properties: object; occurredAt: string } }) => e.event)).toEqual([
      expect.objectContaining({ type: 'checkout.started', properties: { cart: 3 }, occurredAt: '2024-05-18T10:00:00.000Z' }),
      expect.objectContaining({ type: 'product_viewed', properties: { sku: 'TRS-42' }, occurredAt: '2024-05-17T18:40:12.250Z' }),
    ]);
  });

  it('keeps events in their workspace', async () => {
    const other = await createWorkspace(app, url, 'Other events workspace');
    const theirs = await insertCustomer(app, other.workspaceId, 'cust-1');
    await ingest(url, owner, 'events', [event({ type: 'mine_only' })]);
    expect(await ds.query('SELECT type FROM customer_events WHERE customer_id = $1', [theirs])).toEqual([]);
  });
});
