/**
 * A small hand-made workspace for the compiler and explain tests: six customers whose every value is
 * chosen so each operator splits them in a known way (see the table in segment-compiler.int-spec.ts).
 * (The `.test.ts` suffix keeps this file out of the app build.)
 */
import { DataSource } from 'typeorm';
import { TEST_DB_ENV } from '../../../../test/test-env';
import { dataSourceOptions } from '../../../platform/database/data-source-options';
import { insertCustomer, insertEvent, insertOrder } from '../../customers/profiles/profiles.fixtures.test';
import type { CustomerFixture, OrderFixture } from '../../customers/profiles/profiles.fixtures.test';

export const AS_OF = new Date('2025-06-01T12:00:00Z');
export type Name = 'ann' | 'bob' | 'cat' | 'dan' | 'fay' | 'eve';

interface Person {
  profile: CustomerFixture;
  traits?: Record<string, unknown>;
  orders?: OrderFixture[];
  events?: { type: string; occurredAt: string; properties?: Record<string, unknown> }[];
}

const visits = (days: string[], properties?: Record<string, unknown>) => days.map((d) => ({ type: 'visit', occurredAt: `${d}T10:00:00Z`, properties }));

export const PEOPLE: Record<Name, Person> = {
  ann: {
    profile: {
      email: 'ann@example.com',
      firstName: 'Ann',
      lastName: 'Lee',
      country: 'US',
      city: 'New York',
      tags: ['vip', 'newsletter'],
      createdAt: '2024-01-10T09:00:00Z',
      attributes: { plan: 'Gold', age: 34, birthday: '1990-05-20', beta: true, interests: ['golf', 'wine'], score: '42', codes: ['a'], seen: '2025-05-15T08:00:00+02:00' },
      consent: { email: { status: 'subscribed', source: 'api', updatedAt: '2024-01-10T09:00:00Z' }, sms: { status: 'unsubscribed', source: 'api', updatedAt: '2024-01-10T09:00:00Z' } },
    },
    traits: {
      total_spent: 1200, order_count: 3, avg_order_value: 400, first_order_at: '2025-01-10T10:00:00Z', last_order_at: '2025-05-25T10:00:00Z',
      recency_score: 5, frequency_score: 4, monetary_score: 5, rfm_tier: 'Champions', clv: 3000, churn_risk: 'low', preferred_category: 'Books',
      preferred_hour: 22, night_buyer: true, engagement_score: 80, event_count: 5, last_event_at: '2025-05-30T10:00:00Z',
    },
    orders: [
      { amount: 300, placedAt: '2025-05-25T10:00:00Z', items: [{ product: 'Novel', category: 'Books', quantity: 2, unitPrice: 100 }, { product: 'Robot', category: 'Toys', quantity: 1, unitPrice: 100 }] },
      { amount: 400, placedAt: '2025-04-20T10:00:00Z', items: [{ product: 'Phone', category: 'Electronics', quantity: 1, unitPrice: 400 }] },
      { amount: 500, placedAt: '2025-01-10T10:00:00Z', items: [{ product: 'Atlas', category: 'Books', quantity: 5, unitPrice: 100 }] },
    ],
    events: [
      { type: 'email_opened', occurredAt: '2025-05-28T10:00:00Z', properties: { campaignId: 'c1' } },
      ...visits(['2025-05-20', '2025-05-25', '2025-05-30'], { page: '/home', ms: 1200, mobile: true, at: '2025-05-20' }),
      { type: 'email_clicked', occurredAt: '2025-03-01T10:00:00Z', properties: { campaignId: 'c2' } },
    ],
  },
  bob: {
    profile: {
      email: 'bob@example.org',
      firstName: 'Bob',
      country: 'CA',
      city: 'Toronto',
      tags: ['newsletter'],
      createdAt: '2024-06-01T09:00:00Z',
      // Every attribute malformed for the type the tests read it as.
      attributes: { plan: 'silver', age: '29', birthday: '1985-02-30', beta: 'yes', interests: 'golf', score: 'abc' },
      consent: { email: { status: 'unsubscribed', source: 'api', updatedAt: '2024-06-01T09:00:00Z' } },
    },
    traits: { total_spent: 80, order_count: 1, avg_order_value: 80, first_order_at: '2024-12-01T10:00:00Z', last_order_at: '2024-12-01T10:00:00Z', rfm_tier: 'At risk', churn_risk: 'high', event_count: 3 },
    orders: [{ amount: 80, placedAt: '2024-12-01T10:00:00Z', items: [{ product: 'Robot', category: 'Toys', quantity: 1, unitPrice: 80 }] }],
    events: [...visits(['2025-05-22', '2025-05-29'], { page: '/HOME', ms: '900' }), { type: 'email_opened', occurredAt: '2025-04-01T10:00:00Z', properties: { campaignId: 'c1' } }],
  },
  cat: {
    profile: { firstName: 'Cat', createdAt: '2025-05-30T09:00:00Z' },
  },
  dan: {
    profile: {
      email: 'dan_100%@example.com',
      firstName: 'Dan',
      lastName: "O'Neil",
      country: 'US',
      createdAt: '2025-02-01T09:00:00Z',
      attributes: { plan: 'Gold Plus', age: 51.5, birthday: '2025-05-15T08:00:00Z', beta: false, interests: [], codes: [1, 2], seen: '2025-05-15T08:00:00+0200' },
      consent: { email: { status: 'pending', source: 'api', updatedAt: '2025-02-01T09:00:00Z' }, push: { status: 'subscribed', source: 'api', updatedAt: '2025-02-01T09:00:00Z' } },
    },
    traits: { total_spent: 650, order_count: 2, avg_order_value: 325, last_order_at: '2025-05-31T10:00:00Z', rfm_tier: 'New', churn_risk: 'medium', engagement_score: 40, event_count: 6 },
    orders: [
      { amount: 0, placedAt: '2025-05-31T10:00:00Z', items: [{ product: 'Free ebook', category: 'Books', quantity: 1, unitPrice: 0 }] },
      { amount: 650, placedAt: '2025-05-01T10:00:00Z', items: [{ product: 'Phone', category: 'Electronics', quantity: 1, unitPrice: 650 }] },
    ],
    events: [
      ...visits(['2025-05-19', '2025-05-21', '2025-05-23', '2025-05-27'], { page: '/sale', ms: 300 }),
      ...visits(['2025-05-31'], { page: '/home' }),
      { type: 'email_opened', occurredAt: '2025-05-10T10:00:00Z', properties: { campaignId: 'c1' } },
    ],
  },
  fay: {
    profile: { email: 'fay@example.net', firstName: 'Fay', country: 'CA', tags: ['VIP'], createdAt: '2023-03-01T09:00:00Z', attributes: { plan: 'gold', interests: ['wine'], beta: 'TRUE' } },
    traits: { total_spent: 0, order_count: 0, rfm_tier: null, event_count: 1, last_event_at: '2024-01-01T10:00:00Z' },
    events: [{ type: 'email_opened', occurredAt: '2024-01-01T10:00:00Z', properties: { campaignId: 'c3' } }],
  },
  eve: {
    profile: { firstName: 'Eve', country: 'US', tags: ['vip'], createdAt: '2024-01-10T09:00:00Z', erasedAt: '2025-05-01T00:00:00Z' },
    traits: { total_spent: 5000, order_count: 1, rfm_tier: 'Champions' },
    orders: [{ amount: 5000, placedAt: '2025-05-20T10:00:00Z' }],
    events: visits(['2025-05-28', '2025-05-29', '2025-05-30']),
  },
};

/** Writes the people into the workspace; returns their ids by name. */
export async function insertPeople(ds: DataSource, workspaceId: string): Promise<Record<Name, string>> {
  const ids = {} as Record<Name, string>;
  for (const [name, person] of Object.entries(PEOPLE) as [Name, Person][]) {
    const id = await insertCustomer(ds, workspaceId, { externalId: name, ...person.profile });
    ids[name] = id;
    if (person.traits) {
      const columns = Object.keys(person.traits);
      await ds.query(
        `INSERT INTO customer_traits (customer_id, workspace_id, ${columns.join(', ')}) VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})`,
        [id, workspaceId, ...Object.values(person.traits)],
      );
    }
    for (const order of person.orders ?? []) await insertOrder(ds, workspaceId, id, order);
    for (const event of person.events ?? []) await insertEvent(ds, workspaceId, id, event);
  }
  return ids;
}

/** A connection to this run's database (the compiler needs no app around it). */
export async function connect(): Promise<DataSource> {
  return new DataSource(dataSourceOptions(process.env[TEST_DB_ENV]!, [], [])).initialize();
}

export async function insertWorkspace(ds: DataSource, name: string): Promise<string> {
  const [row] = await ds.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [name]);
  return row.id;
}
