import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { Transactions } from '../../../platform/database/transactions';
import { DAY_MS } from './formulas';
import { daysBefore, insertCustomer, insertEvents, insertOrders, traitsOf, traitsOfWorkspace, TraitRow } from './traits.fixtures.test';
import { TraitsService } from './traits.service';

const asOf = new Date('2025-06-01T12:00:00Z');

/** Incremental trait updates and full recomputation against PostgreSQL, with hand-computed expectations. */
describe('computed traits', () => {
  let app: NestFastifyApplication;
  let url: string;
  let ds: DataSource;
  let traits: TraitsService;
  let tx: Transactions;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    ds = app.get(DataSource);
    traits = app.get(TraitsService);
    tx = app.get(Transactions);
  });
  afterAll(() => app.close());

  const newWorkspace = async () => (await createWorkspace(app, url, 'Traits workspace')).workspaceId;
  const applyOrders = (ws: string, ids: string[], at = asOf) => tx.run((m) => traits.applyOrders(m, ws, ids, at));
  const applyEvents = (ws: string, ids: string[], at = asOf) => tx.run((m) => traits.applyEvents(m, ws, ids, at));

  it('keeps totals, AOV, first/last order and the preferred category and hour in the customer’s time zone', async () => {
    const ws = await newWorkspace();
    const ada = await insertCustomer(ds, ws, { timezone: 'America/New_York' });
    // Three orders of one customer in one batch. New York is UTC−4 in May (EDT), UTC−5 in January (EST).
    const batch1 = await insertOrders(ds, ws, ada, [
      // 01:30 UTC on May 10 = 21:30 on May 9 in New York → hour 21. Lines 2 × 12.50 + 30 = 55.
      { placedAt: new Date('2025-05-10T01:30:00Z'), lines: [{ category: 'Books', quantity: 2, unitPrice: 12.5 }, { category: 'Toys', unitPrice: 30 }] },
      // 01:10 UTC = 21:10 → hour 21. 5.
      { placedAt: new Date('2025-05-20T01:10:00Z'), lines: [{ category: 'Books', unitPrice: 5 }] },
      // 14:00 UTC in January = 09:00 EST → hour 9. 15 + 45 = 60.
      { placedAt: new Date('2025-01-15T14:00:00Z'), lines: [{ category: 'Toys', unitPrice: 15 }, { category: 'Apparel', unitPrice: 45 }] },
    ]);
    await applyOrders(ws, batch1);

    const first = await traitsOf(ds, ada);
    expect(first).toMatchObject({
      total_spent: '120.00', // 55 + 5 + 60
      order_count: 3,
      avg_order_value: '40.00', // 120 / 3
      first_order_at: new Date('2025-01-15T14:00:00Z'),
      last_order_at: new Date('2025-05-20T01:10:00Z'),
      category_spend: { Books: 30, Toys: 45, Apparel: 45 }, // Books 25 + 5; Toys 30 + 15
      preferred_category: 'Apparel', // Toys and Apparel tie at 45: alphabetical
      preferred_hour: 21, // in UTC it would have been 1
      night_buyer: false,
      // No boundaries in this workspace yet: no scores, the fallback tier for repeat buyers.
      recency_score: null,
      frequency_score: null,
      monetary_score: null,
      rfm_tier: 'Potential loyalist',
      // Gap (May 20 01:10 − Jan 15 14:00) / 2 = 62.2 days; 12.45 days since the last order → 0.2 gaps → low.
      churn_risk: 'low',
      // Tenure 136.9 days < 365: 120 × (1 + 365/365 × 3 × 1) = 480.
      clv: '480.00',
      event_count: 0,
      engagement_score: 0,
    });
    expect(first!.hour_counts[21]).toBe(2);
    expect(first!.hour_counts[9]).toBe(1);
    expect(first!.hour_counts.reduce((a, b) => a + b)).toBe(3);

    // A later batch adds to the running sums: 02:00 UTC on May 25 = 22:00 in New York; Books 40.
    await applyOrders(ws, await insertOrders(ds, ws, ada, [{ placedAt: new Date('2025-05-25T02:00:00Z'), lines: [{ category: 'Books', unitPrice: 40 }] }]));
    expect(await traitsOf(ds, ada)).toMatchObject({
      total_spent: '160.00',
      order_count: 4,
      avg_order_value: '40.00',
      last_order_at: new Date('2025-05-25T02:00:00Z'),
      category_spend: { Books: 70, Toys: 45, Apparel: 45 },
      preferred_category: 'Books',
      preferred_hour: 21,
      night_buyer: false, // 1 night order of 4
    });
  });

  it('calls night buyers by local hours, and treats an unknown time zone as UTC', async () => {
    const ws = await newWorkspace();
    const tokyo = await insertCustomer(ds, ws, { timezone: 'Asia/Tokyo' }); // UTC+9
    const utc = await insertCustomer(ds, ws, { timezone: null });
    const single = await insertCustomer(ds, ws, { timezone: 'Asia/Tokyo' });
    const unknown = await insertCustomer(ds, ws, { timezone: 'Mars/Olympus_Mons' });
    const times = [new Date('2025-05-01T14:00:00Z'), new Date('2025-05-02T16:30:00Z'), new Date('2025-05-03T03:00:00Z')];
    const orders = times.map((placedAt) => ({ placedAt, amount: 10 }));
    const ids = [
      ...(await insertOrders(ds, ws, tokyo, orders)), // 23:00, 01:30, 12:00 in Tokyo: 2 of 3 at night
      ...(await insertOrders(ds, ws, utc, orders)), // 14:00, 16:30, 03:00 UTC: 1 of 3 at night
      ...(await insertOrders(ds, ws, single, [orders[0]])), // 23:00 in Tokyo, but a single order
      ...(await insertOrders(ds, ws, unknown, [orders[0]])), // 14:00 as UTC
    ];
    await applyOrders(ws, ids);

    expect(await traitsOf(ds, tokyo)).toMatchObject({ night_buyer: true, preferred_hour: 1 }); // hours 1, 12, 23 tie: earliest
    expect(await traitsOf(ds, utc)).toMatchObject({ night_buyer: false, preferred_hour: 3 });
    expect(await traitsOf(ds, single)).toMatchObject({ night_buyer: false, preferred_hour: 23 });
    expect(await traitsOf(ds, unknown)).toMatchObject({ night_buyer: false, preferred_hour: 14 });
  });

  it('grades churn risk against the customer’s own rhythm and estimates CLV', async () => {
    const ws = await newWorkspace();
    const at = (days: number, amount: number) => ({ placedAt: daysBefore(asOf, days), amount });
    const regular = await insertCustomer(ds, ws);
    const lapsed = await insertCustomer(ds, ws);
    const once = await insertCustomer(ds, ws);
    const recent = await insertCustomer(ds, ws);
    await applyOrders(ws, [
      ...(await insertOrders(ds, ws, regular, [at(100, 50), at(70, 70), at(40, 60)])),
      ...(await insertOrders(ds, ws, lapsed, [at(400, 100), at(380, 50)])),
      ...(await insertOrders(ds, ws, once, [at(150, 80)])),
      ...(await insertOrders(ds, ws, recent, [at(10, 40)])),
    ]);

    // Gap 60 / 2 = 30 days; 40 days since → 1.33 gaps → low. Tenure 100 → 1 year: 180 × (1 + 1 × 3 × 1) = 720.
    expect(await traitsOf(ds, regular)).toMatchObject({ churn_risk: 'low', clv: '720.00', avg_order_value: '60.00', rfm_tier: 'Potential loyalist' });
    // Gap 20 → floored to 30; 380 days since → 12.7 gaps → high. Tenure 400: 150 × (1 + 365/400 × 3 × 0.1) = 191.0625.
    expect(await traitsOf(ds, lapsed)).toMatchObject({ churn_risk: 'high', clv: '191.06', avg_order_value: '75.00' });
    // One order: gap 90; 150 days → 1.67 gaps → medium. 80 × (1 + 1 × 3 × 0.5) = 200.
    expect(await traitsOf(ds, once)).toMatchObject({ churn_risk: 'medium', clv: '200.00', rfm_tier: 'New', recency_score: null });
    // 10 / 90 gaps → low. 40 × (1 + 3) = 160.
    expect(await traitsOf(ds, recent)).toMatchObject({ churn_risk: 'low', clv: '160.00', rfm_tier: 'New' });
  });

  it('decays engagement exactly, with events arriving late and out of order', async () => {
    const ws = await newWorkspace();
    const eve = await insertCustomer(ds, ws);
    await applyEvents(ws, await insertEvents(ds, ws, eve, [{ type: 'email_clicked', occurredAt: daysBefore(asOf, 30) }]));
    // 4 points 30 days ago: 4 × 0.5 = 2 now → 100 × (1 − e^(−2/20)) = 9.52
    expect(await traitsOf(ds, eve)).toMatchObject({ event_count: 1, engagement_points: 4, engagement_at: daysBefore(asOf, 30), engagement_score: 10 });

    await applyEvents(
      ws,
      await insertEvents(ds, ws, eve, [
        { type: 'page_view', occurredAt: daysBefore(asOf, 60) }, // older than what is stored
        { type: 'product_view', occurredAt: asOf },
      ]),
    );
    // As of now: 4 × 0.5^(30/30) + 1 × 0.5^(60/30) + 1.5 = 2 + 0.25 + 1.5 = 3.75 → 100 × (1 − e^−0.1875) = 17.10
    const after = (await traitsOf(ds, eve))!;
    expect(after).toMatchObject({ event_count: 3, last_event_at: asOf, engagement_at: asOf, engagement_score: 17, rfm_tier: null, churn_risk: null, clv: null });
    expect(after.engagement_points).toBeCloseTo(3.75, 10);

    // Thirty days later the daily rescore halves the points: 1.875 → 100 × (1 − e^−0.09375) = 8.95
    await traits.refreshRfm(ws, new Date(asOf.getTime() + 30 * DAY_MS));
    expect(await traitsOf(ds, eve)).toMatchObject({ engagement_score: 9, engagement_points: after.engagement_points });

    // Unknown types count 0.5: 3.75 + 0.5 = 4.25 → 100 × (1 − e^−0.2125) = 19.14
    await applyEvents(ws, await insertEvents(ds, ws, eve, [{ type: 'webinar_joined', occurredAt: asOf }]));
    expect(await traitsOf(ds, eve)).toMatchObject({ event_count: 4, engagement_score: 19 });
  });

  it('gives the same traits incrementally, in several batches, as a full recomputation', async () => {
    const ws = await newWorkspace();
    const zones = ['Europe/Berlin', 'America/Los_Angeles', null, 'Australia/Sydney'];
    const customers = await Promise.all(zones.map((timezone) => insertCustomer(ds, ws, { timezone })));
    const categories = ['Books', 'Home', 'Beauty', 'Sports'];
    const orders = customers.map((customer, c) =>
      Array.from({ length: 3 + c }, (_, i) => ({
        customer,
        spec: {
          placedAt: new Date(asOf.getTime() - (17 * i + 5 * c + 1) * DAY_MS - ((i % 2) * 5 + c) * 3_600_000), // two hours of day each
          lines: [
            { category: categories[(i + c) % 4], quantity: 1 + (i % 2), unitPrice: 10 + 7 * i },
            { category: categories[(i * c + 1) % 4], unitPrice: 5 + c },
          ],
        },
      })),
    )
      .flat()
      .sort((a, b) => b.spec.placedAt.getTime() - a.spec.placedAt.getTime()); // newest first: every batch spans customers
    const orderIds: string[] = [];
    for (const o of orders) orderIds.push(...(await insertOrders(ds, ws, o.customer, [o.spec])));
    const eventIds: string[] = [];
    for (const [c, customer] of customers.entries()) {
      const types = ['page_view', 'email_opened', 'add_to_cart', 'email_clicked', 'app_open'];
      eventIds.push(
        ...(await insertEvents(ds, ws, customer, types.slice(0, 2 + c).map((type, i) => ({ type, occurredAt: daysBefore(asOf, 3 + 11 * i + c) })))),
      );
    }

    // Batches out of time order, several orders of one customer in the first, events in between.
    await applyOrders(ws, orderIds.slice(0, 7));
    await applyEvents(ws, eventIds.filter((_, i) => i % 2 === 1));
    await applyOrders(ws, orderIds.slice(7, 12).reverse());
    await applyEvents(ws, eventIds.filter((_, i) => i % 2 === 0));
    await applyOrders(ws, orderIds.slice(12));
    const incremental = await traitsOfWorkspace(ds, ws);
    expect(incremental.size).toBe(4);

    await tx.run((m) => traits.recomputeCustomers(m, ws, customers, asOf));
    const recomputed = await traitsOfWorkspace(ds, ws);
    for (const customer of customers) expectSameTraits(recomputed.get(customer)!, incremental.get(customer)!);
    expect(recomputed.get(customers[3])!.order_count).toBe(6);
  });

  it('recomputes a whole workspace, and drops the traits of a customer left without orders or events', async () => {
    const ws = await newWorkspace();
    const kept = await insertCustomer(ds, ws);
    const emptied = await insertCustomer(ds, ws);
    await applyOrders(ws, [
      ...(await insertOrders(ds, ws, kept, [{ placedAt: daysBefore(asOf, 5), amount: 20 }])),
      ...(await insertOrders(ds, ws, emptied, [{ placedAt: daysBefore(asOf, 5), amount: 30 }])),
    ]);
    await ds.query(`DELETE FROM orders WHERE customer_id = $1`, [emptied]);

    const boundaries = await traits.recomputeWorkspace(ws, undefined, asOf);
    expect(await traitsOf(ds, emptied)).toBeUndefined();
    expect(boundaries).toMatchObject({ workspaceId: ws, customerCount: 1, recencyDays: [5, 5, 5, 5], frequency: [1, 1, 1, 1], monetary: [20, 20, 20, 20] });
    // One customer: on every cut point, so the lowest score of each; R 5 − 4 = 1 as 5 days is not below 5.
    expect(await traitsOf(ds, kept)).toMatchObject({ total_spent: '20.00', recency_score: 1, frequency_score: 1, monetary_score: 1, rfm_tier: 'Lost' });
  });
});

/** Same sums and derived traits; the decayed points only up to floating-point rounding. */
function expectSameTraits(actual: TraitRow, expected: TraitRow) {
  const { engagement_points: a, ...restActual } = actual;
  const { engagement_points: e, ...restExpected } = expected;
  expect(restActual).toEqual(restExpected);
  expect(a).toBeCloseTo(e, 9);
}
