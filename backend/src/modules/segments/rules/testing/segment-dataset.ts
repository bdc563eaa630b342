/**
 * A generated data set for the segment equivalence tests: a few thousand customers with deliberately nasty
 * edges — NULLs, empty strings, mixed case, `%` `_` `\` and quotes in strings, malformed custom attributes
 * (a string where a number is expected, impossible dates), customers without orders, events or a traits row,
 * orders and events exactly on window boundaries (asOf − N days ± 1 ms, day boundaries), orders of several
 * categories, erased customers, future-dated rows, every RFM tier, consent status and missing consent.
 * Same seed → the same data, except the row ids (random, so two loads never collide).
 */
import { randomUUID } from 'node:crypto';
import type { SimpleFaker } from '@faker-js/faker';
import type { DataSource } from 'typeorm';
import { copyInto, copyLine, textArrayLiteral } from '../../../../platform/database/copy-text';
import { CONSENT_CHANNELS, CONSENT_STATUSES, RFM_TIERS } from '../../../customers/customers.types';
import type { OracleCustomer, OracleDataSet, OracleEvent, OracleOrder, OracleTraits } from './oracle-data';
import { DAY_MS } from './oracle-values';
import { seededRandom } from './seeded-random';

/** The evaluation time of the equivalence tests (fixed: results must not depend on the day they run). */
export const DATASET_AS_OF = new Date('2025-06-15T12:00:00.000Z');
/** Window lengths that have rows exactly on their edge; random rules favour them. */
export const EDGE_WINDOW_DAYS = [1, 7, 30, 90, 365];
/** Calendar days that have rows on their first and last millisecond (and just outside); random rules favour them. */
export const EDGE_DAYS = ['2024-11-29', '2025-01-01', '2025-03-31', '2025-06-15'];

/** Strings a compiler could get wrong: LIKE wildcards, escapes, quotes, SQL, case and accents. */
export const NASTY_STRINGS = [
  "O'Brien",
  "o'brien",
  'O\'Brien"); --',
  '100% Cotton',
  '50%',
  'a_b',
  'axb',
  'a\\b',
  'back\\slash\\',
  '"quoted"',
  "'; DROP TABLE customers; --",
  '$1',
  '$2::text',
  'Zoë',
  'ZOË',
  'École',
  'école',
  'Straße',
  '  padded  ',
  '',
  'null',
  '日本語',
  'emoji 🎉',
  'tab\there',
  'line\nbreak',
];

const FIRST_NAMES = ['Anna', 'ANNA', 'anna', 'Ben', 'Chloé', "D'Arcy", 'Émile', 'Zoë', 'Li', 'Mo_', 'Noor', 'Ola', 'Pía', 'Quinn', 'Raj'];
const LAST_NAMES = ['Smith', 'SMITH', "O'Brien", 'Müller', 'van der Berg', 'Nguyen', 'García', 'Kowalski', 'Dubois', 'Lee', 'Rossi'];
const CITIES = ['Berlin', 'berlin', 'BERLIN', 'New York', 'São Paulo', "O'Fallon", 'Paris', 'Lyon', 'Toronto', 'Mont-Royal', 'Köln'];
const COUNTRIES = ['US', 'US', 'US', 'CA', 'DE', 'DE', 'FR', 'GB', 'NL', 'BR'];
const TIMEZONES = ['Europe/Berlin', 'America/New_York', 'America/Toronto', 'Europe/Paris', 'America/Sao_Paulo'];
const LOCALES = ['de-DE', 'en-US', 'fr-FR', 'en-GB', 'pt-BR'];
const TAGS = ['vip', 'VIP', 'newsletter', 'wholesale', '50%off', 'a_b', "o'reilly", 'back\\slash', 'Zoë', 'b2b'];
const PLANS = ['Gold', 'gold', 'GOLD', 'Silver', 'bronze', 'Platinum Plus'];
const INTERESTS = ['running', 'Yoga', 'cooking', '50%', 'a_b'];
const CATEGORIES: Record<string, string[]> = {
  Shoes: ['Trail Runner', 'City Sneaker', 'Sandal'],
  shoes: ['Trail Runner', 'Slipper'],
  'Bags & Co': ['Tote', 'Backpack 20L'],
  '100% Cotton': ['T-Shirt', 'Hoodie'],
  under_score: ['Widget_1', 'Widget%2'],
  'Back\\slash': ['Slash \\ Tool'],
  "Kids' Wear": ["Kids' Jacket", 'Romper'],
  Électronique: ['Câble', 'Écouteurs'],
};
const CAMPAIGNS = ['c-1', 'c-2', 'C-2', 'c-3', 'spring_sale', 'spring%sale', "o'brien-promo"];
const PAGES = ['/home', '/sale', '/sale%', '/a_b', "/o'brien", '/Home', '/checkout'];
const EVENT_TYPES = ['page_view', 'email_opened', 'email_clicked', 'visit', 'cart_abandoned', 'Signup', 'signup', "it's", '50%_off'];

export interface DataSetOptions {
  seed: number;
  customers: number;
  asOf: Date;
}

/** Generates the data set (deterministic for a seed, size and asOf; see the file header). */
export function generateDataSet(options: DataSetOptions): OracleDataSet {
  const generator = new DataSetGenerator(seededRandom(options.seed), options.asOf);
  return { customers: Array.from({ length: options.customers }, (_, i) => generator.customer(i)) };
}

class DataSetGenerator {
  constructor(
    private readonly r: SimpleFaker,
    private readonly asOf: Date,
  ) {}

  customer(index: number): OracleCustomer {
    const r = this.r;
    const maybe = <T>(p: number, value: () => T): T | null => (r.datatype.boolean(p) ? value() : null);
    const pick = <T>(values: readonly T[]) => r.helpers.arrayElement(values);
    const text = (values: string[]) => (r.datatype.boolean(0.1) ? pick(NASTY_STRINGS) : pick(values));
    const orders = this.orders();
    const events = this.events();
    const customer: OracleCustomer = {
      id: randomUUID(),
      externalId: maybe(0.9, () =>
        r.datatype.boolean(0.1) ? `EXT-${index}` : r.datatype.boolean(0.05) ? pick(NASTY_STRINGS) + index : `ext-${index}`,
      ),
      email: maybe(
        0.85,
        () => `${pick(['anna', 'ben', 'o.brien', 'a_b', 'zoe+promo', 'x'])}${index}@${pick(['example.com', 'mail.test', 'shop.de'])}`,
      ),
      phone: maybe(0.6, () => `+1415555${String(r.number.int(9999)).padStart(4, '0')}`),
      firstName: maybe(0.9, () => text(FIRST_NAMES)),
      lastName: maybe(0.85, () => text(LAST_NAMES)),
      timezone: maybe(0.8, () => pick(TIMEZONES)),
      locale: maybe(0.75, () => pick(LOCALES)),
      country: maybe(0.9, () => pick(COUNTRIES)),
      city: maybe(0.85, () => text(CITIES)),
      attributes: this.attributes(),
      consent: this.consent(),
      tags: r.datatype.boolean(0.35) ? [] : r.helpers.arrayElements(TAGS, { min: 1, max: 4 }),
      createdAt: this.time(r.number.int({ min: -3, max: 900 })),
      erasedAt: null,
      traits: null,
      orders,
      events,
    };
    // A row once something happened (the traits job may lag: a few customers with orders have none yet).
    if ((orders.length || events.length) && r.datatype.boolean(0.97)) customer.traits = this.traits(orders, events);
    if (r.datatype.boolean(0.03)) this.erase(customer);
    return customer;
  }

  /** Blanks what erasure blanks; country, orders, events and traits stay (and must still never match). */
  private erase(c: OracleCustomer): void {
    Object.assign(c, {
      externalId: null,
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      city: null,
      locale: null,
      timezone: null,
    });
    Object.assign(c, { attributes: {}, consent: {}, tags: [], erasedAt: new Date(this.asOf.getTime() - 5 * DAY_MS) });
  }

  /** A time `days` days before asOf at a random millisecond of that day; 5 % land exactly on a window or day edge. */
  private time(days: number): Date {
    const r = this.r;
    if (r.datatype.boolean(0.05)) {
      const jitter = r.helpers.arrayElement([-1, 0, 1]);
      if (r.datatype.boolean(0.5)) return new Date(this.asOf.getTime() - r.helpers.arrayElement(EDGE_WINDOW_DAYS) * DAY_MS + jitter);
      const day = Date.parse(r.helpers.arrayElement(EDGE_DAYS));
      return new Date((r.datatype.boolean(0.5) ? day : day + DAY_MS) + jitter);
    }
    return new Date(this.asOf.getTime() - days * DAY_MS + r.number.int(DAY_MS - 1) - DAY_MS / 2);
  }

  private attributes(): Record<string, unknown> {
    const r = this.r;
    const attributes: Record<string, unknown> = {};
    const set = (key: string, p: number, value: () => unknown) => {
      if (r.datatype.boolean(p)) attributes[key] = value();
    };
    const malformed = (good: () => unknown, bad: unknown[]) => (r.datatype.boolean(0.12) ? r.helpers.arrayElement(bad) : good());
    set('plan', 0.7, () =>
      malformed(
        () => (r.datatype.boolean(0.15) ? r.helpers.arrayElement(NASTY_STRINGS) : r.helpers.arrayElement(PLANS)),
        [3, true, null, ['gold']],
      ),
    );
    set('score', 0.6, () =>
      malformed(
        () => r.helpers.arrayElement([r.number.int({ min: -50, max: 1000 }), r.number.int(400) / 4, 0]),
        // Numeric strings count as numbers (exactly: no spaces, no '+', no bare '.5'); the rest are no numbers.
        ['42', '-7.25', '1e3', '007', '-0', ' 42', '+5', '.5', '4.', '0x1F', 'abc', '', true, null],
      ),
    );
    set('vip', 0.5, () => malformed(() => r.datatype.boolean(), ['true', 'FALSE', 'True', ' true', 'yes', 1, null]));
    set('birthday', 0.5, () =>
      malformed(
        () => new Date(Date.UTC(1950, 0, 1) + r.number.int(55 * 365) * DAY_MS).toISOString().slice(0, 10),
        [
          '2025-02-30',
          'not a date',
          '',
          19900101,
          '1990-01-01T00:00:00',
          '1990-01-01T00:00:00+15:00',
          '1990-13-01',
          '2025-06-01 10:00:00Z',
        ],
      ),
    );
    set('lastVisit', 0.6, () => {
      const at = this.time(r.number.int({ min: -2, max: 400 }));
      // A day, an offset, microseconds, UTC — and an offset without its colon, which is no date.
      const local = new Date(at.getTime() + 2 * 3600_000).toISOString();
      switch (r.number.int(4)) {
        case 0:
          return at.toISOString().slice(0, 10);
        case 1:
          return local.replace('Z', '+02:00');
        case 2:
          return local.replace('Z', '+0200');
        case 3:
          return at.toISOString().replace('Z', r.helpers.arrayElement(['000Z', '001Z', '999Z', '500Z']));
        default:
          return at.toISOString();
      }
    });
    set('interests', 0.4, () => malformed(() => r.helpers.arrayElements(INTERESTS, { min: 0, max: 3 }), ['running', 7]));
    set('source', 0.3, () => r.helpers.arrayElement(['web', 'Web', 'WEB', 'store', 'import', 'a%b', 'a_b']));
    return attributes;
  }

  private consent(): OracleCustomer['consent'] {
    const r = this.r;
    const consent: OracleCustomer['consent'] = {};
    if (r.datatype.boolean(0.1)) return consent;
    for (const channel of CONSENT_CHANNELS) {
      if (r.datatype.boolean(0.25)) continue;
      consent[channel] = {
        status: r.helpers.arrayElement(CONSENT_STATUSES),
        source: 'import',
        updatedAt: this.time(r.number.int(300)).toISOString(),
      };
    }
    return consent;
  }

  private orders(): OracleOrder[] {
    const r = this.r;
    const count = r.helpers.weightedArrayElement([
      { weight: 30, value: 0 },
      { weight: 40, value: r.number.int({ min: 1, max: 3 }) },
      { weight: 30, value: r.number.int({ min: 4, max: 12 }) },
    ]);
    return Array.from({ length: count }, () => {
      const items = Array.from(
        { length: r.helpers.weightedArrayElement([0, 1, 1, 1, 2, 2, 3, 4].map((value) => ({ weight: 1, value }))) },
        () => {
          const category = r.helpers.objectKey(CATEGORIES);
          return {
            category,
            product: r.helpers.arrayElement(CATEGORIES[category]),
            quantity: r.helpers.arrayElement([1, 1, 1, 2, 3]),
            unitPriceCents: r.datatype.boolean(0.05) ? 0 : r.number.int({ min: 1, max: 300 }) * 100 - 1,
          };
        },
      );
      const lines = items.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
      // Shipping or a discount: the order total is not always the sum of its lines.
      const amountCents = r.datatype.boolean(0.2) ? Math.max(0, lines + r.helpers.arrayElement([499, -500, 1])) : lines;
      return { id: randomUUID(), amountCents, placedAt: this.time(r.number.int({ min: -2, max: 800 })), items };
    });
  }

  private events(): OracleEvent[] {
    const r = this.r;
    const count = r.datatype.boolean(0.25) ? 0 : r.number.int({ min: 1, max: 20 });
    return Array.from({ length: count }, () => {
      const type = r.helpers.arrayElement(EVENT_TYPES);
      return { type, properties: this.properties(type), occurredAt: this.time(r.number.int({ min: -2, max: 500 })) };
    });
  }

  private properties(type: string): Record<string, unknown> {
    const r = this.r;
    if (r.datatype.boolean(0.1)) return {};
    const malformed = (good: unknown, bad: unknown[]) => (r.datatype.boolean(0.1) ? r.helpers.arrayElement(bad) : good);
    switch (type) {
      case 'email_opened':
      case 'email_clicked':
        return {
          campaignId: malformed(r.helpers.arrayElement(CAMPAIGNS), [null, 2, r.helpers.arrayElement(NASTY_STRINGS)]),
          ...(r.datatype.boolean(0.5) ? { link: r.helpers.arrayElement(PAGES) } : {}),
        };
      case 'page_view':
        return { page: r.helpers.arrayElement(PAGES), durationMs: malformed(r.number.int(60_000), ['12', '1.5e4', 'slow', null]) };
      case 'cart_abandoned':
        return {
          value: malformed(r.number.int(50_000) / 100, ['12.5', true]),
          items: r.number.int({ min: 1, max: 6 }),
          at: this.time(r.number.int(30)).toISOString(),
        };
      case 'visit':
        return {
          store: r.helpers.arrayElement(['Berlin', 'berlin', "O'Fallon", '100%']),
          returning: malformed(r.datatype.boolean(), ['yes', 'false', 'TRUE']),
        };
      default:
        return r.datatype.boolean(0.5) ? { plan: r.helpers.arrayElement(PLANS) } : { source: r.helpers.arrayElement(NASTY_STRINGS) };
    }
  }

  private traits(orders: OracleOrder[], events: OracleEvent[]): OracleTraits {
    const r = this.r;
    const times = orders.map((o) => o.placedAt.getTime()).sort((a, b) => a - b);
    const total = orders.reduce((sum, o) => sum + o.amountCents, 0);
    const score = () => (orders.length ? r.number.int({ min: 1, max: 5 }) : null);
    const eventTimes = events.map((e) => e.occurredAt.getTime());
    return {
      totalSpentCents: total,
      orderCount: orders.length,
      avgOrderValueCents: orders.length ? Math.round(total / orders.length) : null,
      firstOrderAt: times.length ? new Date(times[0]) : null,
      lastOrderAt: times.length ? new Date(times[times.length - 1]) : null,
      recencyScore: score(),
      frequencyScore: score(),
      monetaryScore: score(),
      rfmTier: orders.length ? r.helpers.arrayElement(RFM_TIERS) : null,
      clvCents: orders.length && r.datatype.boolean(0.8) ? total + r.number.int(100_000) : null,
      churnRisk: orders.length ? r.helpers.arrayElement(['low', 'medium', 'high'] as const) : null,
      preferredCategory: orders.length && orders.some((o) => o.items.length) ? r.helpers.objectKey(CATEGORIES) : null,
      preferredHour: orders.length ? r.number.int(23) : null,
      nightBuyer: r.datatype.boolean(0.15),
      engagementScore: events.length ? r.number.int(100) : 0,
      eventCount: events.length,
      lastEventAt: eventTimes.length ? new Date(Math.max(...eventTimes)) : null,
    };
  }
}

const money = (cents: number | null) => (cents === null ? null : `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);

/** Writes the data set into a workspace with COPY, as plain rows (traits as given, not recomputed). */
export async function insertDataSet(ds: DataSource, workspaceId: string, data: OracleDataSet): Promise<void> {
  const w = workspaceId;
  const customers = data.customers;
  const orders = customers.flatMap((c) => c.orders.map((o) => ({ customerId: c.id, ...o })));
  await ds.transaction(async (m) => {
    await copyInto(
      m,
      'customers (id, workspace_id, external_id, email, phone, first_name, last_name, timezone, locale, country, city, attributes, consent, tags, created_at, updated_at, erased_at)',
      customers.map((c) =>
        copyLine([
          c.id,
          w,
          c.externalId,
          c.email,
          c.phone,
          c.firstName,
          c.lastName,
          c.timezone,
          c.locale,
          c.country,
          c.city,
          JSON.stringify(c.attributes),
          JSON.stringify(c.consent),
          textArrayLiteral(c.tags),
          c.createdAt,
          c.createdAt,
          c.erasedAt,
        ]),
      ),
    );
    await copyInto(
      m,
      `customer_traits (customer_id, workspace_id, total_spent, order_count, avg_order_value, first_order_at, last_order_at, recency_score,
        frequency_score, monetary_score, rfm_tier, clv, churn_risk, preferred_category, preferred_hour, night_buyer, engagement_score, event_count, last_event_at)`,
      customers.flatMap(({ id, traits: t }) =>
        t
          ? [
              copyLine([
                id,
                w,
                money(t.totalSpentCents),
                t.orderCount,
                money(t.avgOrderValueCents),
                t.firstOrderAt,
                t.lastOrderAt,
                t.recencyScore,
                t.frequencyScore,
                t.monetaryScore,
                t.rfmTier,
                money(t.clvCents),
                t.churnRisk,
                t.preferredCategory,
                t.preferredHour,
                t.nightBuyer,
                t.engagementScore,
                t.eventCount,
                t.lastEventAt,
              ]),
            ]
          : [],
      ),
    );
    await copyInto(
      m,
      'orders (id, workspace_id, customer_id, amount, currency, channel, placed_at)',
      orders.map((o) => copyLine([o.id, w, o.customerId, money(o.amountCents), 'USD', 'online', o.placedAt])),
    );
    await copyInto(
      m,
      'order_items (workspace_id, order_id, product, category, quantity, unit_price)',
      orders.flatMap((o) => o.items.map((i) => copyLine([w, o.id, i.product, i.category, i.quantity, money(i.unitPriceCents)]))),
    );
    await copyInto(
      m,
      'customer_events (workspace_id, customer_id, type, properties, occurred_at)',
      customers.flatMap((c) => c.events.map((e) => copyLine([w, c.id, e.type, JSON.stringify(e.properties), e.occurredAt]))),
    );
  });
  await ds.query('ANALYZE customers, customer_traits, orders, order_items, customer_events');
}
