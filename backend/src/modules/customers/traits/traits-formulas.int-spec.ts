import { SimpleFaker } from '@faker-js/faker';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';
import { Transactions } from '../../../platform/database/transactions';
import { DAY_MS, deriveTraits, ENGAGEMENT_WEIGHTS } from './formulas';
import { insertCustomer, insertEvents, insertOrders, OrderSpec, traitsOfWorkspace } from './traits.fixtures.test';
import { TraitsService } from './traits.service';

const asOf = new Date('2025-06-01T12:00:00Z');
const ZONES = [null, 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo'];
const CATEGORIES = ['Apparel', 'Books', 'Electronics', 'Home', 'Toys'];
const EVENT_TYPES = [...Object.keys(ENGAGEMENT_WEIGHTS), 'search'];

/** The set-based SQL against the reference formulas of formulas.ts, on random (seeded) histories. */
describe('traits SQL and formulas.ts', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => ({ app, url } = await startTestApp()));
  afterAll(() => app.close());

  it('agree on every derived trait of 60 random customers', async () => {
    const ds = app.get(DataSource);
    const traits = app.get(TraitsService);
    const tx = app.get(Transactions);
    const { workspaceId } = await createWorkspace(app, url, 'Formulas');
    const random = new SimpleFaker();
    random.seed(20250601);
    const at = () => new Date(asOf.getTime() - random.number.int({ min: 0, max: 800 * 24 * 60 }) * 60_000);

    const orderIds: string[] = [];
    const eventIds: string[] = [];
    for (let i = 0; i < 60; i++) {
      const customer = await insertCustomer(ds, workspaceId, { timezone: random.helpers.arrayElement(ZONES) });
      const orders = Array.from({ length: random.number.int({ min: 0, max: 8 }) }, (): OrderSpec => ({
        placedAt: at(),
        lines: Array.from({ length: random.number.int({ min: 1, max: 3 }) }, () => ({
          category: random.helpers.arrayElement(CATEGORIES),
          quantity: random.number.int({ min: 1, max: 3 }),
          unitPrice: random.number.int({ min: 100, max: 20000 }) / 100,
        })),
      }));
      orderIds.push(...(await insertOrders(ds, workspaceId, customer, orders)));
      const events = Array.from({ length: random.number.int({ min: 0, max: 10 }) }, () => ({ type: random.helpers.arrayElement(EVENT_TYPES), occurredAt: at() }));
      eventIds.push(...(await insertEvents(ds, workspaceId, customer, events)));
    }
    const shuffledOrders = random.helpers.shuffle(orderIds);
    const shuffledEvents = random.helpers.shuffle(eventIds);
    for (let part = 0; part < 3; part++) {
      const slice = <T>(list: T[]) => list.slice(Math.floor((list.length * part) / 3), Math.floor((list.length * (part + 1)) / 3));
      await tx.run(async (m) => {
        await traits.applyOrders(m, workspaceId, slice(shuffledOrders), asOf);
        await traits.applyEvents(m, workspaceId, slice(shuffledEvents), asOf);
      });
    }
    const boundaries = await traits.refreshRfm(workspaceId, asOf);
    const cuts = { recencyDays: boundaries!.recencyDays, frequency: boundaries!.frequency, monetary: boundaries!.monetary };

    const rows = [...(await traitsOfWorkspace(ds, workspaceId)).values()];
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.rfm_tier)).size).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      const expected = deriveTraits(
        {
          totalSpent: Number(row.total_spent),
          orderCount: row.order_count,
          firstOrderAt: row.first_order_at,
          lastOrderAt: row.last_order_at,
          categorySpend: row.category_spend,
          hourCounts: row.hour_counts,
          engagementPoints: row.engagement_points,
          engagementAt: row.engagement_at,
        },
        cuts,
        asOf,
      );
      const actual = {
        avgOrderValue: row.avg_order_value === null ? null : Number(row.avg_order_value),
        preferredCategory: row.preferred_category,
        preferredHour: row.preferred_hour,
        nightBuyer: row.night_buyer,
        recencyScore: row.recency_score,
        frequencyScore: row.frequency_score,
        monetaryScore: row.monetary_score,
        rfmTier: row.rfm_tier,
        churnRisk: row.churn_risk,
        clv: row.clv === null ? null : Number(row.clv),
        engagementScore: row.engagement_score,
      };
      expect({ customer: row.customer_id, ...actual }).toEqual({ customer: row.customer_id, ...expected });
    }
    // The fixture spans the range the formulas care about.
    expect(rows.some((r) => r.night_buyer)).toBe(true);
    expect(new Set(rows.map((r) => r.churn_risk))).toEqual(new Set(['low', 'medium', 'high', null]));
    expect(rows.some((r) => r.last_order_at && asOf.getTime() - r.last_order_at.getTime() > 365 * DAY_MS)).toBe(true);
  });
});
