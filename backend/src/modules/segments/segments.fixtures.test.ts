/**
 * A small customer base with known answers for the segments tests, written with SQL through the customers
 * test fixtures (the `.test.ts` suffix keeps this file out of the app build), and helpers over HTTP.
 */
import type { DataSource } from 'typeorm';
import { call } from '../../../test/auth-helpers';
import { insertCustomer, insertEvent, insertOrder, insertTraits } from '../customers/profiles/profiles.fixtures.test';
import type { SegmentRules } from './rules/segment-rules.types';

const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const consent = (status: string) => ({ status, source: 'test', updatedAt: '2025-01-01T00:00:00.000Z' });

export interface SegmentsFixture {
  ada: string;
  bob: string;
  cy: string;
  dee: string;
  eve: string;
  /** Erased: never in a count, a sample or a breakdown. */
  gone: string;
}

/**
 * Six customers: Ada (DE, Champions, 1,200 spent, vip, email subscribed, opened an email), Bob (US, Loyal, 300,
 * email unsubscribed, sms subscribed), Cy (US, never bought, no traits, three page views this week), Dee (CA,
 * At risk, 60), Eve (DE, New, 30, her first name is a spreadsheet formula) and an erased US champion.
 */
export async function seedCustomers(ds: DataSource, ws: string): Promise<SegmentsFixture> {
  const ada = await insertCustomer(ds, ws, {
    email: 'ada@example.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    country: 'DE',
    tags: ['vip', 'newsletter'],
    attributes: { plan: 'pro', signupDate: '2024-01-05', seats: 12 },
    consent: { email: consent('subscribed') },
  });
  await insertTraits(ds, ws, ada, { totalSpent: 1200, orderCount: 2, rfmTier: 'Champions', churnRisk: 'low', clv: 2400, lastOrderAt: daysAgo(3) });
  await insertOrder(ds, ws, ada, { amount: 1000, placedAt: daysAgo(3), items: [{ product: 'Desk', category: 'Furniture', quantity: 1, unitPrice: 1000 }] });
  await insertOrder(ds, ws, ada, { amount: 200, placedAt: daysAgo(40), items: [{ product: 'Lamp', category: 'Lighting', quantity: 2, unitPrice: 100 }] });
  await insertEvent(ds, ws, ada, { type: 'email_opened', occurredAt: daysAgo(2), properties: { campaign: 'spring' } });

  const bob = await insertCustomer(ds, ws, {
    email: 'bob@example.test',
    firstName: 'Bob',
    lastName: 'Brown',
    country: 'US',
    tags: ['newsletter'],
    attributes: { plan: 'free' },
    consent: { email: consent('unsubscribed'), sms: consent('subscribed') },
  });
  await insertTraits(ds, ws, bob, { totalSpent: 300, orderCount: 1, rfmTier: 'Loyal', churnRisk: 'medium', clv: 400, lastOrderAt: daysAgo(20) });
  await insertOrder(ds, ws, bob, { amount: 300, placedAt: daysAgo(20), items: [{ product: 'Lamp', category: 'Lighting', quantity: 3, unitPrice: 100 }] });

  const cy = await insertCustomer(ds, ws, { email: 'cy@example.test', firstName: 'Cy', country: 'US' });
  for (const d of [1, 2, 3]) await insertEvent(ds, ws, cy, { type: 'page_view', occurredAt: daysAgo(d), properties: { path: '/pricing' } });

  const dee = await insertCustomer(ds, ws, { email: 'dee@example.test', firstName: 'Dee', country: 'CA', consent: { email: consent('pending') } });
  await insertTraits(ds, ws, dee, { totalSpent: 60, orderCount: 1, rfmTier: 'At risk', churnRisk: 'high', clv: 90, lastOrderAt: daysAgo(200) });

  const eve = await insertCustomer(ds, ws, { email: 'eve@example.test', firstName: '=HYPERLINK("http://evil")', country: 'DE', consent: { email: consent('subscribed') } });
  await insertTraits(ds, ws, eve, { totalSpent: 30, orderCount: 1, rfmTier: 'New', churnRisk: 'low', clv: 60, lastOrderAt: daysAgo(5) });

  const gone = await insertCustomer(ds, ws, { country: 'US', erasedAt: daysAgo(1) });
  await insertTraits(ds, ws, gone, { totalSpent: 5000, orderCount: 9, rfmTier: 'Champions' });
  return { ada, bob, cy, dee, eve, gone };
}

/** A tree of one group over the given conditions. */
export const all = (...children: unknown[]): SegmentRules => ({ version: 1, root: { type: 'group', operator: 'and', children } }) as SegmentRules;
export const countryIn = (...countries: string[]) => all({ type: 'field', field: 'profile.country', operator: 'in', value: countries });

/** Waits until the segment's membership is materialized (its first refresh completed). */
export async function waitUntilReady(url: string, token: string, id: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(url, 'GET', `/api/segments/${id}`, { token });
    if (res.body?.status === 'ready') return res.body;
    if (res.body?.status === 'failed') throw new Error(`refresh of ${id} failed: ${res.body.refreshError}`);
    if (Date.now() > until) throw new Error(`segment ${id} not ready after ${timeoutMs} ms: ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
