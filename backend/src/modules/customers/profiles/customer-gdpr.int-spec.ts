import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { auditRows, insertEvent, insertOrder, insertTraits } from './profiles.fixtures.test';

/** GDPR: the personal-data export of one customer and erasure. */
describe('customer GDPR export and erasure', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let ws: TestWorkspace;
  let id: string;
  let orderId: string;
  let eventId: string;

  const PII = ['Grace', 'Hopper', 'grace@navy.test', '+12025550143', 'ext-grace', 'Arlington', 'secret-plan', 'ship-A'];

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    ws = await createWorkspace(app, url, 'GDPR');
    const created = await call(url, 'POST', '/api/customers', {
      token: ws.owner.token,
      body: {
        externalId: 'ext-grace',
        email: 'grace@navy.test',
        phone: '+1 202 555 0143',
        firstName: 'Grace',
        lastName: 'Hopper',
        city: 'Arlington',
        country: 'US',
        timezone: 'America/New_York',
        locale: 'en-US',
        attributes: { plan: 'secret-plan' },
        tags: ['navy'],
        consent: { email: { status: 'subscribed', source: 'signup-form', updatedAt: '2024-03-01T12:00:00Z' } },
      },
    });
    id = created.body.id;
    orderId = await insertOrder(ds, ws.workspaceId, id, {
      amount: 99.9,
      placedAt: '2025-02-01T08:00:00Z',
      items: [{ product: 'Compiler', category: 'Software', quantity: 1, unitPrice: 99.9 }],
    });
    eventId = await insertEvent(ds, ws.workspaceId, id, { type: 'form_submitted', occurredAt: '2025-02-02T08:00:00Z', properties: { ship: 'ship-A' } });
    await insertEvent(ds, ws.workspaceId, id, { type: 'page_view', occurredAt: '2025-02-03T08:00:00Z' });
    await insertTraits(ds, ws.workspaceId, id, { totalSpent: 99.9, orderCount: 1, rfmTier: 'New', recencyScore: 5 });
    // An earlier import rejected two rows: one carried Grace's email (in another case), one someone else's.
    const [imported] = await ds.query(
      `INSERT INTO customer_imports (workspace_id, created_by, file_name, format, size_bytes, storage_key)
       VALUES ($1, 'test', 'people.csv', 'csv', 100, 'k') RETURNING id`,
      [ws.workspaceId],
    );
    await ds.query(
      `INSERT INTO customer_import_errors (workspace_id, import_id, row_number, column_name, value, reason)
       VALUES ($1, $2, 2, 'Phone', 'GRACE@navy.test', 'not a phone number'), ($1, $2, 3, 'Email', 'someone@else.test', 'taken')`,
      [ws.workspaceId, imported.id],
    );
  });
  afterAll(() => app.close());

  it('exports everything about the customer as a JSON attachment, and audits it', async () => {
    const res = await call(url, 'GET', `/api/customers/${id}/personal-data`, { token: ws.owner.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="customer-${id}.json"`);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toMatchObject({
      exportedAt: expect.any(String),
      profile: {
        id,
        externalId: 'ext-grace',
        email: 'grace@navy.test',
        phone: '+12025550143',
        firstName: 'Grace',
        lastName: 'Hopper',
        city: 'Arlington',
        country: 'US',
        timezone: 'America/New_York',
        locale: 'en-US',
        attributes: { plan: 'secret-plan' },
        tags: ['navy'],
        consent: { email: { status: 'subscribed', source: 'signup-form', updatedAt: '2024-03-01T12:00:00.000Z' } },
      },
      traits: { totalSpent: 99.9, orderCount: 1, rfmTier: 'New', recencyScore: 5 },
      orders: [
        {
          id: orderId,
          amount: 99.9,
          currency: 'EUR',
          channel: 'online',
          placedAt: '2025-02-01T08:00:00.000Z',
          items: [{ product: 'Compiler', category: 'Software', quantity: 1, unitPrice: 99.9 }],
        },
      ],
      events: [
        { id: eventId, type: 'form_submitted', properties: { ship: 'ship-A' }, occurredAt: '2025-02-02T08:00:00.000Z' },
        { type: 'page_view', properties: {}, occurredAt: '2025-02-03T08:00:00.000Z' },
      ],
    });
    const audit = (await auditRows(ds, ws.workspaceId, id)).filter((a) => a.action === 'customer.personal_data_export');
    expect(audit).toEqual([{ action: 'customer.personal_data_export', before: null, after: { orders: 1, events: 2 } }]);
  });

  it('erases personal data from the profile and event properties, keeps orders and traits, audits without personal data', async () => {
    const res = await call(url, 'POST', `/api/customers/${id}/erase`, { token: ws.owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id,
      erasedAt: expect.any(String),
      erasedFields: ['externalId', 'email', 'phone', 'firstName', 'lastName', 'city', 'locale', 'timezone', 'attributes', 'tags', 'consent'],
      eventsScrubbed: 1,
      ordersKept: 1,
    });

    const [row] = await ds.query('SELECT * FROM customers WHERE id = $1', [id]);
    expect(row).toMatchObject({
      external_id: null,
      email: null,
      phone: null,
      first_name: null,
      last_name: null,
      city: null,
      locale: null,
      timezone: null,
      attributes: {},
      consent: {},
      tags: [],
      country: 'US',
      erased_at: expect.any(Date),
    });
    const events = await ds.query('SELECT type, properties FROM customer_events WHERE customer_id = $1 ORDER BY occurred_at', [id]);
    expect(events).toEqual([
      { type: 'form_submitted', properties: {} },
      { type: 'page_view', properties: {} },
    ]);
    const [order] = await ds.query('SELECT amount FROM orders WHERE id = $1', [orderId]);
    expect(order.amount).toBe('99.90');
    expect(await ds.query('SELECT count(*)::int AS n FROM order_items WHERE order_id = $1', [orderId])).toEqual([{ n: 1 }]);
    const [traits] = await ds.query('SELECT total_spent, rfm_tier FROM customer_traits WHERE customer_id = $1', [id]);
    expect(traits).toEqual({ total_spent: '99.90', rfm_tier: 'New' });

    const audit = await auditRows(ds, ws.workspaceId, id);
    expect(audit.find((a) => a.action === 'customer.erase')?.after).toEqual({
      erasedFields: res.body.erasedFields,
      eventsScrubbed: 1,
      importValuesCleared: 1,
      ordersKept: 1,
    });
    const importErrors = await ds.query('SELECT row_number, value FROM customer_import_errors WHERE workspace_id = $1 ORDER BY row_number', [ws.workspaceId]);
    expect(importErrors).toEqual([
      { row_number: 2, value: null },
      { row_number: 3, value: 'someone@else.test' },
    ]);
    const everything = JSON.stringify(await ds.query('SELECT * FROM audit_events WHERE workspace_id = $1', [ws.workspaceId]));
    for (const value of PII) expect({ value, inAudit: everything.includes(value) }).toEqual({ value, inAudit: false });
  });

  it('refuses to erase twice or to change an erased customer (409), and lists it only when asked', async () => {
    const again = await call(url, 'POST', `/api/customers/${id}/erase`, { token: ws.owner.token });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/customer-erased$/);
    const patch = await call(url, 'PATCH', `/api/customers/${id}`, { token: ws.owner.token, body: { firstName: 'Back' } });
    expect(patch.status).toBe(409);
    const ids = async (query: string) => (await call(url, 'GET', `/api/customers${query}`, { token: ws.owner.token })).body.items.map((c: { id: string }) => c.id);
    expect(await ids('')).not.toContain(id);
    expect(await ids('?includeErased=true')).toContain(id);
    const detail = await call(url, 'GET', `/api/customers/${id}`, { token: ws.owner.token });
    expect(detail.body).toMatchObject({ email: null, erasedAt: expect.any(String), traits: { totalSpent: 99.9 } });
    // and revenue still counts the order
    const stats = await call(url, 'GET', '/api/customers/stats', { token: ws.owner.token });
    expect(stats.body).toMatchObject({ totalCustomers: 0, erasedCustomers: 1 });
    const revenue = stats.body.months.reduce((sum: number, m: { revenue: number }) => sum + m.revenue, 0);
    expect(revenue).toBe(stats.body.months[0].month <= '2025-02' ? 99.9 : 0); // while February 2025 is among the last 24 months
  });

  it('deletes an erased customer with its orders and events', async () => {
    expect((await call(url, 'DELETE', `/api/customers/${id}`, { token: ws.owner.token })).status).toBe(204);
    expect(await ds.query('SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [id])).toEqual([{ n: 0 }]);
    expect(await ds.query('SELECT count(*)::int AS n FROM customer_events WHERE customer_id = $1', [id])).toEqual([{ n: 0 }]);
    const audit = await auditRows(ds, ws.workspaceId, id);
    expect(audit.find((a) => a.action === 'customer.delete')?.before).toEqual({ orders: 1, events: 2, erased: true });
  });
});
