import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ApiResult, call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { insertCustomer, insertEvent, insertOrder, insertTraits } from './profiles.fixtures.test';

/** `YYYY-MM` of the month `back` months before this one (UTC). */
const monthKey = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
};
/** An instant on the 2nd of that month, 10:00 UTC. */
const inMonth = (back: number) => `${monthKey(back)}-02T10:00:00.000Z`;

/** The customer 360 timeline and spend, and the workspace facets and stats. */
describe('customer activity, facets and stats', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let customerId: string;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Activity');
    const w = ws.workspaceId;
    customerId = await insertCustomer(ds, w, {
      email: 'ada@example.test',
      country: 'GB',
      tags: ['vip', 'newsletter'],
      attributes: { plan: 'pro', age: 36 },
    });
    refs.order1 = await insertOrder(ds, w, customerId, {
      amount: 30,
      placedAt: '2025-01-01T10:00:00Z',
      items: [
        { product: 'Tea', category: 'Drinks', quantity: 2, unitPrice: 5 },
        { product: 'Cup', category: 'Kitchen', quantity: 1, unitPrice: 20 },
      ],
    });
    refs.event1 = await insertEvent(ds, w, customerId, { type: 'page_view', occurredAt: '2025-01-02T10:00:00Z', properties: { path: '/tea' } });
    refs.order2 = await insertOrder(ds, w, customerId, {
      amount: 12.5,
      placedAt: '2025-01-03T10:00:00Z',
      channel: 'offline',
      externalId: 'pos-77',
      items: [{ product: 'Tea', category: 'Drinks', quantity: 1, unitPrice: 12.5 }],
    });
    refs.event2 = await insertEvent(ds, w, customerId, { type: 'email_opened', occurredAt: '2025-01-03T10:00:00Z' });
    refs.event3 = await insertEvent(ds, w, customerId, { type: 'page_view', occurredAt: '2025-01-04T10:00:00Z' });
    await insertTraits(ds, w, customerId, { totalSpent: 42.5, orderCount: 2, rfmTier: 'Loyal', churnRisk: 'low', recencyScore: 4 });

    const other = await insertCustomer(ds, w, { email: 'bo@example.test', country: 'DE', tags: ['vip'], attributes: { age: '40', beta: true } });
    await insertOrder(ds, w, other, { amount: 100, placedAt: inMonth(0), items: [{ product: 'Kettle', category: 'Kitchen', quantity: 1, unitPrice: 100 }] });
    await insertOrder(ds, w, other, { amount: 40.25, placedAt: inMonth(2) });
    await insertOrder(ds, w, other, { amount: 9.75, placedAt: inMonth(2) });
    await insertOrder(ds, w, other, { amount: 1000, placedAt: inMonth(24) }); // outside the 24 months
    await insertTraits(ds, w, other, { totalSpent: 1150, orderCount: 4, rfmTier: 'Champions', churnRisk: 'low' });
    await insertCustomer(ds, w, { email: 'new@example.test', country: 'DE' });
    await insertCustomer(ds, w, { country: 'FR', tags: ['vip'], erasedAt: '2025-01-01T00:00:00Z' });
  });
  afterAll(() => app.close());

  const get = (path: string) => call(url, 'GET', path, { token: ws.owner.token });

  describe('timeline', () => {
    it('merges orders and events newest first (an order before an event at the same instant), page by page', async () => {
      const entries: { kind: string; id: string }[] = [];
      let cursor: string | null = null;
      do {
        const res: ApiResult = await get(`/api/customers/${customerId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        entries.push(...res.body.items.map((e: { kind: string; order: { id: string } | null; event: { id: string } | null }) => ({ kind: e.kind, id: e.order?.id ?? e.event?.id })));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(entries).toEqual([
        { kind: 'event', id: refs.event3 },
        { kind: 'order', id: refs.order2 },
        { kind: 'event', id: refs.event2 },
        { kind: 'event', id: refs.event1 },
        { kind: 'order', id: refs.order1 },
      ]);
    });

    it('shows orders with their line items and events with their properties', async () => {
      const res = await get(`/api/customers/${customerId}/timeline?limit=5`);
      expect(res.body.items[1]).toEqual({
        kind: 'order',
        at: '2025-01-03T10:00:00.000Z',
        order: {
          id: refs.order2,
          externalId: 'pos-77',
          amount: 12.5,
          currency: 'EUR',
          channel: 'offline',
          placedAt: '2025-01-03T10:00:00.000Z',
          items: [{ product: 'Tea', category: 'Drinks', quantity: 1, unitPrice: 12.5 }],
        },
        event: null,
      });
      expect(res.body.items[4].order.items).toHaveLength(2);
      expect(res.body.items[3]).toEqual({
        kind: 'event',
        at: '2025-01-02T10:00:00.000Z',
        order: null,
        event: { id: refs.event1, type: 'page_view', properties: { path: '/tea' }, occurredAt: '2025-01-02T10:00:00.000Z' },
      });
    });

    it('shows only the kinds asked for', async () => {
      const orders = await get(`/api/customers/${customerId}/timeline?kinds=orders`);
      expect(orders.body.items.map((e: { order: { id: string } }) => e.order.id)).toEqual([refs.order2, refs.order1]);
      const events = await get(`/api/customers/${customerId}/timeline?kinds=events&limit=2`);
      expect(events.body.items.map((e: { event: { id: string } }) => e.event.id)).toEqual([refs.event3, refs.event2]);
      expect((await get(`/api/customers/${customerId}/timeline?kinds=messages`)).body.errors[0].field).toBe('kinds');
      expect((await get(`/api/customers/${customerId}/timeline?cursor=abc`)).status).toBe(400);
    });
  });

  it('gives the monthly spend of a customer, zero-filled, oldest first', async () => {
    const other = (await get('/api/customers?q=bo%40example')).body.items[0].id;
    const res = await get(`/api/customers/${other}/spend?months=3`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      months: [
        { month: monthKey(2), revenue: 50, orders: 2 },
        { month: monthKey(1), revenue: 0, orders: 0 },
        { month: monthKey(0), revenue: 100, orders: 1 },
      ],
    });
    expect((await get(`/api/customers/${other}/spend`)).body.months).toHaveLength(24);
    expect((await get(`/api/customers/${other}/spend?months=0`)).body.errors[0].field).toBe('months');
  });

  it('lists facets for filter pickers without erased customers', async () => {
    const res = await get('/api/customers/facets');
    expect(res.status).toBe(200);
    expect(res.body.countries).toEqual([
      { value: 'DE', count: 2 },
      { value: 'GB', count: 1 },
    ]);
    expect(res.body.tags).toEqual([
      { value: 'vip', count: 2 },
      { value: 'newsletter', count: 1 },
    ]);
    expect(res.body.attributes).toEqual([
      { key: 'age', types: ['number', 'string'], count: 2 },
      { key: 'beta', types: ['boolean'], count: 1 },
      { key: 'plan', types: ['string'], count: 1 },
    ]);
    expect(res.body.orderCategories).toEqual([
      { value: 'Drinks', count: 2 },
      { value: 'Kitchen', count: 2 },
    ]);
    expect(res.body.rfmTiers).toHaveLength(10);
    expect(res.body.rfmTiers.filter((t: { count: number }) => t.count)).toEqual([
      { value: 'Champions', count: 1 },
      { value: 'Loyal', count: 1 },
    ]);
    expect(res.body.churnRisks).toEqual([
      { value: 'low', count: 2 },
      { value: 'medium', count: 0 },
      { value: 'high', count: 0 },
    ]);
  });

  it('gives the overview stats: counts, 24 months of revenue, the tier distribution', async () => {
    const res = await get('/api/customers/stats');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalCustomers: 3, customersWithOrders: 2, erasedCustomers: 1, unscoredCustomers: 1 });
    expect(res.body.months).toHaveLength(24);
    expect(res.body.months[0].month).toBe(monthKey(23));
    expect(res.body.months[23]).toEqual({ month: monthKey(0), revenue: 100, orders: 1 });
    expect(res.body.months[21]).toEqual({ month: monthKey(2), revenue: 50, orders: 2 });
    const total = res.body.months.reduce((sum: number, m: { orders: number }) => sum + m.orders, 0);
    // Ada's two orders of January 2025 count while that month is among the last 24.
    const adaInWindow = '2025-01' >= monthKey(23) ? 2 : 0;
    expect(total).toBe(3 + adaInWindow);
    expect(res.body.rfmTiers.find((t: { value: string }) => t.value === 'Champions')).toEqual({ value: 'Champions', count: 1 });
  });

  it('answers 404 for an unknown customer on the 360 routes', async () => {
    for (const path of ['timeline', 'spend']) {
      expect((await get(`/api/customers/00000000-0000-4000-8000-000000000000/${path}`)).status).toBe(404);
    }
  });
});
