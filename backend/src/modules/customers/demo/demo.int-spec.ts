import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { RFM_TIERS } from '../customers.types';
import { DemoService } from './demo.service';
import { blackFriday } from './generator/calendar';
import { COUNTRIES } from './generator/catalog';

// The history ends today, as it does for a real load: traits are computed as of the real clock.
const today = new Date();
const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
const DAY_MS = 86_400_000;
const SMALL = 300;
const system = { type: 'system' as const, id: 'test', label: 'demo test' };

/** Demo data at a small scale (the full 20,000 customers are measured with `npm run demo`, not in CI). */
describe('demo data', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let demo: DemoService;
  let first: TestWorkspace;

  beforeAll(async () => {
    ({ app, url } = await startTestApp({ env: { DEMO_CUSTOMERS: String(SMALL) } }));
    ds = app.get(DataSource);
    demo = app.get(DemoService);
    first = await createWorkspace(app, url, 'Demo A');
    await demo.load(first.workspaceId, system, undefined, { seed: 7, now });
  });
  afterAll(() => app.close());

  /** Every row of a workspace's customers, orders, line items, events and running sums, without ids. */
  async function snapshot(workspaceId: string) {
    const q = (sql: string) => ds.query(sql, [workspaceId]);
    return {
      customers: await q(
        `SELECT external_id, email, phone, first_name, last_name, timezone, locale, country, city, attributes, consent, tags, created_at
         FROM customers WHERE workspace_id = $1 ORDER BY external_id`,
      ),
      orders: await q(
        `SELECT c.external_id AS customer, o.external_id, o.amount, o.currency, o.channel, o.placed_at
         FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.workspace_id = $1 ORDER BY o.external_id`,
      ),
      items: await q(
        `SELECT o.external_id AS order, i.product, i.category, i.quantity, i.unit_price
         FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.workspace_id = $1 ORDER BY o.external_id, i.id`,
      ),
      events: await q(
        `SELECT c.external_id AS customer, e.type, e.properties, e.occurred_at
         FROM customer_events e JOIN customers c ON c.id = e.customer_id WHERE e.workspace_id = $1 ORDER BY c.external_id, e.id`,
      ),
      sums: await q(
        `SELECT c.external_id AS customer, t.total_spent, t.order_count, t.first_order_at, t.last_order_at, t.category_spend, t.hour_counts, t.event_count
         FROM customer_traits t JOIN customers c ON c.id = t.customer_id WHERE t.workspace_id = $1 ORDER BY c.external_id`,
      ),
    };
  }

  it('writes identical rows for the same seed, and other rows for another', async () => {
    const second = await createWorkspace(app, url, 'Demo B');
    const summary = await demo.load(second.workspaceId, system, undefined, { seed: 7, now });
    const [a, b] = [await snapshot(first.workspaceId), await snapshot(second.workspaceId)];
    expect(summary).toMatchObject({ customers: SMALL, orders: a.orders.length, orderItems: a.items.length, events: a.events.length });
    expect(a.customers).toHaveLength(SMALL);
    expect(a.orders.length).toBeGreaterThan(4 * SMALL);
    expect(a.events.length).toBeGreaterThan(10 * SMALL);
    expect(b).toEqual(a);

    const third = await createWorkspace(app, url, 'Demo C');
    await demo.load(third.workspaceId, system, undefined, { seed: 8, now });
    const c = await snapshot(third.workspaceId);
    expect(c.customers.map((r: { email: string }) => r.email)).not.toEqual(a.customers.map((r: { email: string }) => r.email));
  });

  it('looks like a real store: both channels, every month, seasonality, every kind of event, profiles filled in', async () => {
    const ws = first.workspaceId;
    const [channels] = await ds.query(
      `SELECT count(*) FILTER (WHERE channel = 'online')::int AS online, count(*) FILTER (WHERE channel = 'offline')::int AS offline FROM orders WHERE workspace_id = $1`,
      [ws],
    );
    expect(channels.online).toBeGreaterThan(channels.offline);
    expect(channels.offline).toBeGreaterThan(0.1 * (channels.online + channels.offline));

    // Every one of the 23 whole months before this one has orders.
    const months: { month: string }[] = await ds.query(
      `SELECT DISTINCT date_trunc('month', placed_at AT TIME ZONE 'UTC') AS month FROM orders
       WHERE workspace_id = $1 AND placed_at >= date_trunc('month', $2::timestamp) - interval '23 months' AND placed_at < date_trunc('month', $2::timestamp)`,
      [ws, now.toISOString().slice(0, 10)],
    );
    expect(months).toHaveLength(23);

    // The latest Black Friday to Cyber Monday sells more per day than the two weeks before.
    const bf = [now.getUTCFullYear(), now.getUTCFullYear() - 1].map(blackFriday).find((d) => d.getTime() + 4 * DAY_MS <= now.getTime())!;
    const [season] = await ds.query(
      `SELECT count(*) FILTER (WHERE placed_at >= $2 AND placed_at < $2 + interval '4 days')::float / 4 AS peak,
              count(*) FILTER (WHERE placed_at >= $2 - interval '21 days' AND placed_at < $2 - interval '7 days')::float / 14 AS before
       FROM orders WHERE workspace_id = $1`,
      [ws, bf],
    );
    expect(season.peak).toBeGreaterThan(1.8 * season.before);

    const types: { type: string }[] = await ds.query(`SELECT DISTINCT type FROM customer_events WHERE workspace_id = $1 ORDER BY type`, [ws]);
    expect(types.map((t) => t.type)).toEqual(['add_to_cart', 'app_open', 'email_clicked', 'email_opened', 'page_view', 'product_view']);
    const categories: { category: string }[] = await ds.query(`SELECT DISTINCT category FROM order_items WHERE workspace_id = $1 ORDER BY 1`, [ws]);
    expect(categories.map((c) => c.category)).toEqual(['Apparel', 'Beauty', 'Books', 'Electronics', 'Grocery', 'Home', 'Sports', 'Toys']);

    const customers: { country: string; timezone: string; locale: string; email: string; phone: string; attributes: Record<string, unknown>; consent: Record<string, { source: string }> }[] =
      await ds.query(`SELECT country, timezone, locale, email, phone, attributes, consent FROM customers WHERE workspace_id = $1`, [ws]);
    for (const customer of customers) {
      const country = COUNTRIES.find((c) => c.code === customer.country)!;
      expect(country.cities.map((c) => c.timezone)).toContain(customer.timezone);
      expect(customer.locale).toBe(country.locale);
      expect(customer.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(com|net|org)$/);
      expect(customer.phone).toMatch(/^\+\d{10,14}$/);
      expect(Object.keys(customer.attributes)).toEqual(expect.arrayContaining(['plan', 'loyalty_member', 'signup_source', 'birthday']));
      expect(customer.consent.email?.source).toEqual(expect.any(String));
    }
    expect(new Set(customers.map((c) => c.country)).size).toBeGreaterThan(8);
  });

  it('computes every customer’s traits and spreads the base over the RFM tiers', async () => {
    const ws = first.workspaceId;
    const tiers: { tier: string; n: number }[] = await ds.query(
      `SELECT rfm_tier AS tier, count(*)::int AS n FROM customer_traits WHERE workspace_id = $1 AND rfm_tier IS NOT NULL GROUP BY 1`,
      [ws],
    );
    expect(tiers.length).toBeGreaterThanOrEqual(8);
    tiers.forEach((t) => expect(RFM_TIERS).toContain(t.tier));
    const [traits] = await ds.query(
      `SELECT count(*)::int AS customers, count(*) FILTER (WHERE night_buyer)::int AS night_buyers,
              count(DISTINCT churn_risk)::int AS churn_risks, max(engagement_score)::int AS top_engagement,
              count(*) FILTER (WHERE order_count = 0)::int AS browsers
       FROM customer_traits WHERE workspace_id = $1`,
      [ws],
    );
    expect(traits.customers).toBe(SMALL); // everyone ordered or browsed
    expect(traits.night_buyers).toBeGreaterThan(0);
    expect(traits.churn_risks).toBe(3);
    expect(traits.top_engagement).toBeGreaterThan(50);
    expect(traits.browsers).toBeGreaterThan(0);
    const [boundaries] = await ds.query(`SELECT customer_count FROM customer_rfm_boundaries WHERE workspace_id = $1`, [ws]);
    expect(boundaries.customer_count).toBe(SMALL - traits.browsers);
  });

  describe('POST /api/demo', () => {
    it('is for owners only: managers and analysts get 403', async () => {
      const empty = await createWorkspace(app, url, 'Demo roles');
      for (const role of ['manager', 'analyst']) {
        const member = await addMember(app, url, empty.workspaceId, role);
        expect((await call(url, 'POST', '/api/demo', { token: member.token })).status).toBe(403);
      }
    });

    it('refuses a workspace that has customers with 409', async () => {
      const res = await call(url, 'POST', '/api/demo', { token: first.owner.token });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/demo-workspace-not-empty$/), status: 409 });
      expect(res.body.detail ?? res.body.title).toMatch(/already has 300 customers/);
    });

    it('loads an empty workspace in the background, with progress readers can follow', async () => {
      const empty = await createWorkspace(app, url, 'Demo over HTTP');
      const viewer = await addMember(app, url, empty.workspaceId, 'viewer');
      expect((await call(url, 'GET', '/api/demo', { token: viewer.token })).body).toEqual({ state: 'idle', progress: 0, customers: 0, error: null });

      const queued = await call(url, 'POST', '/api/demo', { token: empty.owner.token });
      expect(queued.status).toBe(202);
      expect(['queued', 'running']).toContain(queued.body.state);
      const again = await call(url, 'POST', '/api/demo', { token: empty.owner.token }); // a double click
      expect([202, 409]).toContain(again.status);

      let status = queued.body;
      for (let i = 0; i < 120 && !['completed', 'failed'].includes(status.state); i++) {
        await new Promise((r) => setTimeout(r, 500));
        status = (await call(url, 'GET', '/api/demo', { token: viewer.token })).body;
      }
      expect(status).toEqual({ state: 'completed', progress: 100, customers: SMALL, error: null });
      const [audit] = await ds.query(`SELECT action, actor_label, after FROM audit_events WHERE workspace_id = $1 AND action = 'customer.demo_load'`, [empty.workspaceId]);
      expect(audit).toMatchObject({ actor_label: empty.owner.email, after: { customers: SMALL } });
    });
  });
});
