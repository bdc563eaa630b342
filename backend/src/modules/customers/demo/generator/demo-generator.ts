import { base, Faker, generateMersenne53Randomizer, SimpleFaker } from '@faker-js/faker';
import type { ChannelConsent, ConsentStatus, CustomerConsent, OrderChannel } from '../../customers.types';
import { ARCHETYPES } from './archetypes';
import type { Archetype } from './archetypes';
import { blackFriday, DAY_HOURS, DemoCalendar, NIGHT_HOURS, STORE_HOURS } from './calendar';
import { CATEGORIES, COUNTRIES, EMAIL_DOMAINS, FALLBACK_LOCALES, PAGES, SIGNUP_SOURCES } from './catalog';
import type { DemoCategory, DemoCountry } from './catalog';

export interface DemoOptions {
  /** Same seed, size and `now` → the same data, row for row. */
  seed: number;
  customers: number;
  /** End of the demo history (the CLI and the job use the start of the current UTC day). */
  now: Date;
}

export interface DemoCustomer {
  externalId: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  timezone: string;
  locale: string;
  country: string;
  city: string;
  attributes: Record<string, string | number | boolean>;
  consent: CustomerConsent;
  tags: string[];
  createdAt: Date;
}

export interface DemoLine {
  product: string;
  category: string;
  quantity: number;
  unitPriceCents: number;
}

export interface DemoOrder {
  externalId: string;
  amountCents: number;
  currency: string;
  channel: OrderChannel;
  placedAt: Date;
  lines: DemoLine[];
}

export interface DemoEvent {
  type: string;
  properties: Record<string, string | number>;
  occurredAt: Date;
}

/** One customer with everything they did. */
export interface DemoBundle {
  archetype: string;
  customer: DemoCustomer;
  orders: DemoOrder[];
  events: DemoEvent[];
}

/** Two years of history. */
export const DEMO_DAYS = 730;
const NEWSLETTER_EVERY_DAYS = 14;
const STORE_CURRENCY = 'USD';

type Weighted<T> = { weight: number; value: T }[];
const weighted = <T>(weights: number[], values: T[]): Weighted<T> => weights.map((weight, i) => ({ weight, value: values[i] })).filter((w) => w.weight > 0);
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Generates the demo store's customers one at a time, deterministically: every random choice (and
 * Faker's names) comes from one Mersenne Twister seeded with `options.seed`.
 */
export function* generateDemoData(options: DemoOptions): Generator<DemoBundle> {
  const randomizer = generateMersenne53Randomizer();
  randomizer.seed(options.seed);
  const generator = new DemoGenerator(new SimpleFaker({ randomizer }), (names) => new Faker({ locale: [names, ...FALLBACK_LOCALES, base], randomizer }), options);
  for (let i = 0; i < options.customers; i++) yield generator.customer(i);
}

class DemoGenerator {
  private readonly calendar: DemoCalendar;
  private readonly fakers = new Map<string, Faker>();
  private readonly countries: Weighted<DemoCountry>;
  private readonly archetypes: Weighted<Archetype>;
  private readonly dayHours = weighted(DAY_HOURS, HOURS);
  private readonly nightHours = weighted(NIGHT_HOURS, HOURS);
  private readonly storeHours = weighted(STORE_HOURS, HOURS);
  private readonly categoriesByMonth: Weighted<DemoCategory>[];
  private readonly newsletters: { day: number; campaign: string }[];

  constructor(
    private readonly random: SimpleFaker,
    private readonly newFaker: (names: DemoCountry['names']) => Faker,
    private readonly options: DemoOptions,
  ) {
    this.calendar = new DemoCalendar(options.now, DEMO_DAYS);
    this.countries = COUNTRIES.map((value) => ({ weight: value.weight, value }));
    this.archetypes = ARCHETYPES.map((value) => ({ weight: value.weight, value }));
    this.categoriesByMonth = Array.from({ length: 13 }, (_, month) =>
      CATEGORIES.map((value) => ({ weight: value.popularity * (value.season?.[month] ?? 1), value })),
    );
    this.newsletters = this.newsletterSends();
  }

  customer(index: number): DemoBundle {
    const r = this.random;
    const archetype = r.helpers.weightedArrayElement(this.archetypes);
    const country = r.helpers.weightedArrayElement(this.countries);
    const city = r.helpers.arrayElement(country.cities);
    const faker = this.faker(country);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();

    const orderDays = this.orderDays(archetype);
    const firstOrderDay = orderDays.length ? orderDays[orderDays.length - 1] : null;
    const signupDay = Math.min(DEMO_DAYS, firstOrderDay === null ? r.number.int({ min: 0, max: 150 }) : firstOrderDay + r.number.int({ min: 0, max: 45 }));
    const createdAt = this.calendar.localTime(city.timezone, signupDay, r.helpers.weightedArrayElement(this.dayHours), r.number.int(59));
    const storeShopper = r.datatype.boolean(0.3);
    const nightOwl = r.datatype.boolean(0.09);
    const appUser = r.datatype.boolean(0.4);
    const favourite = r.helpers.weightedArrayElement(this.categoriesByMonth[0]);
    const habits: Habits = { archetype, timezone: city.timezone, storeShopper, nightOwl, appUser, favourite, offlineShare: storeShopper ? r.number.float({ min: 0.4, max: 0.9 }) : r.number.float({ min: 0, max: 0.08 }) };

    const number = String(index + 1).padStart(6, '0');
    const orders = orderDays.map((day, i) => this.order(habits, day, `demo-order-${number}-${String(i + 1).padStart(3, '0')}`));
    const consent = this.consent(habits, createdAt);
    const events = this.events(habits, signupDay, orderDays, orders, consent.email?.status === 'subscribed');

    const customer: DemoCustomer = {
      externalId: `demo-${number}`,
      email: `${slug(firstName)}.${slug(lastName)}${index + 1}@${r.helpers.arrayElement(EMAIL_DOMAINS)}`,
      phone: country.phone.prefix + r.string.numeric({ length: country.phone.digits, allowLeadingZeros: true }),
      firstName,
      lastName,
      timezone: city.timezone,
      locale: country.locale,
      country: country.code,
      city: city.name,
      attributes: this.attributes(habits, city.name, faker),
      consent,
      tags: this.tags(habits, orders),
      createdAt,
    };
    return { archetype: archetype.name, customer, orders, events };
  }

  private faker(country: DemoCountry): Faker {
    let faker = this.fakers.get(country.code);
    if (!faker) this.fakers.set(country.code, (faker = this.newFaker(country.names)));
    return faker;
  }

  /** Days ago of each order, newest first. */
  private orderDays(archetype: Archetype): number[] {
    const r = this.random;
    if (!archetype.lastOrder) return [];
    const count = r.number.int({ min: archetype.orders[0], max: archetype.orders[1] });
    const last = this.calendar.sampleDay(r, archetype.lastOrder[0], archetype.lastOrder[1]);
    if (count === 1) return [last];
    const first = archetype.firstOrder
      ? this.calendar.sampleDay(r, Math.max(archetype.firstOrder[0], last + count), archetype.firstOrder[1])
      : Math.min(DEMO_DAYS, last + (count - 1) * r.number.int({ min: 3, max: 30 }));
    const between = Array.from({ length: count - 2 }, () => this.calendar.sampleDay(r, last + 1, Math.max(last + 1, first - 1)));
    return [last, ...between.sort((a, b) => a - b), first];
  }

  private order(habits: Habits, day: number, externalId: string): DemoOrder {
    const r = this.random;
    const channel: OrderChannel = r.datatype.boolean(habits.offlineShare) ? 'offline' : 'online';
    const hours = channel === 'offline' ? this.storeHours : habits.nightOwl && r.datatype.boolean(0.8) ? this.nightHours : this.dayHours;
    const placedAt = this.calendar.localTime(habits.timezone, day, r.helpers.weightedArrayElement(hours), r.number.int(59));
    const month = this.calendar.dateOf(day).getUTCMonth() + 1;
    let lineCount = r.helpers.weightedArrayElement(weighted([55, 28, 12, 5], [1, 2, 3, 4]));
    if (habits.archetype.basket >= 1.5 && r.datatype.boolean(0.4)) lineCount++;
    const lines = Array.from({ length: lineCount }, (): DemoLine => {
      const category = r.datatype.boolean(0.5) ? habits.favourite : r.helpers.weightedArrayElement(this.categoriesByMonth[month]);
      const product = r.helpers.arrayElement(category.products);
      const price = product.price * r.number.float({ min: 0.9, max: 1.1 }) * (habits.archetype.basket > 1.4 ? 1.15 : 1);
      return {
        product: product.name,
        category: category.name,
        quantity: r.helpers.weightedArrayElement(weighted([82, 14, 4], [1, 2, 3])),
        unitPriceCents: Math.max(1, Math.round(price)) * 100 - 1, // x.99
      };
    });
    return {
      externalId,
      amountCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
      currency: STORE_CURRENCY,
      channel,
      placedAt,
      lines,
    };
  }

  private consent(habits: Habits, createdAt: Date): CustomerConsent {
    const r = this.random;
    const given = (status: ConsentStatus, source: string): ChannelConsent => ({
      status,
      source,
      updatedAt: (status === 'unsubscribed'
        ? new Date(createdAt.getTime() + r.number.float({ min: 0.05, max: 0.95 }) * (this.options.now.getTime() - createdAt.getTime()))
        : createdAt
      ).toISOString(),
    });
    const lapsed = habits.archetype.lapsed;
    const consent: CustomerConsent = {
      email: given(
        r.helpers.weightedArrayElement(weighted([lapsed ? 62 : 80, lapsed ? 30 : 12, 8], ['subscribed', 'unsubscribed', 'pending'] as ConsentStatus[])),
        r.datatype.boolean(0.06) ? 'import' : habits.storeShopper ? 'pos' : r.helpers.arrayElement(['signup-form', 'checkout']),
      ),
    };
    if (r.datatype.boolean(0.35)) consent.sms = given(r.datatype.boolean(0.75) ? 'subscribed' : 'unsubscribed', habits.storeShopper ? 'pos' : 'checkout');
    if (habits.appUser) consent.push = given(r.datatype.boolean(0.85) ? 'subscribed' : 'unsubscribed', 'app');
    return consent;
  }

  private attributes(habits: Habits, city: string, faker: Faker): DemoCustomer['attributes'] {
    const r = this.random;
    const { archetype } = habits;
    const attributes: DemoCustomer['attributes'] = {
      plan: r.datatype.boolean(archetype.premium) ? 'premium' : r.datatype.boolean(0.3) ? 'plus' : 'free',
      loyalty_member: r.datatype.boolean(archetype.loyalty),
      signup_source: habits.storeShopper && r.datatype.boolean(0.6) ? 'store' : r.helpers.weightedArrayElement(SIGNUP_SOURCES),
      birthday: faker.date.birthdate({ mode: 'age', min: 18, max: 78, refDate: this.options.now }).toISOString().slice(0, 10),
    };
    if (habits.storeShopper) attributes.preferred_store = `${city} ${r.helpers.arrayElement(['Central', 'Mall', 'Riverside', 'Station'])}`;
    return attributes;
  }

  private tags(habits: Habits, orders: DemoOrder[]): string[] {
    const r = this.random;
    const spent = orders.reduce((sum, o) => sum + o.amountCents, 0) / 100;
    const tags: string[] = [];
    if (spent > 2500 || (spent > 1200 && r.datatype.boolean(0.5))) tags.push('vip');
    if (habits.appUser) tags.push('app-user');
    if (habits.offlineShare > 0.5) tags.push('store-regular');
    if (orders.some((o) => o.placedAt.getUTCMonth() === 11)) tags.push('holiday-shopper');
    if (r.datatype.boolean(0.06)) tags.push('student');
    if (r.datatype.boolean(0.015)) tags.push('wholesale');
    return tags;
  }

  /** Browsing sessions while active, product views before online orders, newsletter opens and clicks. */
  private events(habits: Habits, signupDay: number, orderDays: number[], orders: DemoOrder[], subscribed: boolean): DemoEvent[] {
    const r = this.random;
    const { archetype } = habits;
    const events: DemoEvent[] = [];
    const at = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

    orders.forEach((order) => {
      if (order.channel !== 'online') return;
      const line = order.lines[0];
      const properties = { product: line.product, category: line.category };
      events.push({ type: 'product_view', properties, occurredAt: at(order.placedAt, -r.number.int({ min: 8, max: 240 })) });
      if (r.datatype.boolean(0.5)) {
        events.push({ type: 'add_to_cart', properties: { ...properties, price: line.unitPriceCents / 100 }, occurredAt: at(order.placedAt, -r.number.int({ min: 1, max: 7 })) });
      }
    });

    const activeUntil = archetype.lapsed && orderDays.length ? Math.max(0, orderDays[0] - r.number.int({ min: 0, max: 20 })) : 0;
    const activeDays = Math.max(1, signupDay - activeUntil);
    const sessions = Math.max(1, Math.min(40, Math.round((archetype.sessionsPerMonth * activeDays * r.number.float({ min: 0.5, max: 1.5 })) / 30))); // signing up was a visit
    for (let s = 0; s < sessions; s++) {
      const hours = habits.nightOwl ? this.nightHours : this.dayHours;
      let time = this.calendar.localTime(habits.timezone, this.calendar.sampleDay(r, activeUntil, signupDay), r.helpers.weightedArrayElement(hours), r.number.int(59));
      const next = () => (time = at(time, r.number.int({ min: 1, max: 6 })));
      if (habits.appUser && r.datatype.boolean(0.5)) events.push({ type: 'app_open', properties: { platform: r.helpers.arrayElement(['ios', 'android']) }, occurredAt: next() });
      for (let p = r.number.int({ min: 1, max: 3 }); p > 0; p--) events.push({ type: 'page_view', properties: { path: r.helpers.arrayElement(PAGES) }, occurredAt: next() });
      const category = r.datatype.boolean(0.6) ? habits.favourite : r.helpers.arrayElement(CATEGORIES);
      for (let p = r.number.int({ min: 0, max: 1 }); p > 0; p--) {
        events.push({ type: 'product_view', properties: { product: r.helpers.arrayElement(category.products).name, category: category.name }, occurredAt: next() });
      }
      if (r.datatype.boolean(0.08)) {
        const product = r.helpers.arrayElement(category.products);
        events.push({ type: 'add_to_cart', properties: { product: product.name, category: category.name, price: product.price - 0.01 }, occurredAt: next() });
      }
    }

    if (subscribed) {
      const readsUntil = archetype.lapsed ? Math.max(0, activeUntil - 45) : 0;
      for (const send of this.newsletters) {
        if (send.day > signupDay || send.day < readsUntil || !r.datatype.boolean(archetype.openRate)) continue;
        const opened = at(this.calendar.utcTime(send.day, 9), r.number.int({ min: 20, max: 36 * 60 }));
        if (opened > this.options.now) continue;
        events.push({ type: 'email_opened', properties: { campaign: send.campaign }, occurredAt: opened });
        if (r.datatype.boolean(0.28)) events.push({ type: 'email_clicked', properties: { campaign: send.campaign, link: 'cta' }, occurredAt: at(opened, r.number.int({ min: 1, max: 15 })) });
      }
    }
    return events.filter((e) => e.occurredAt <= this.options.now).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }

  /** A newsletter every other Tuesday, 09:00 UTC; the Black Friday and holiday sends are named for them. */
  private newsletterSends(): { day: number; campaign: string }[] {
    let oldestTuesday = DEMO_DAYS;
    while (this.calendar.dateOf(oldestTuesday).getUTCDay() !== 2) oldestTuesday--;
    const sends: { day: number; campaign: string }[] = [];
    for (let day = oldestTuesday; day >= 0; day -= NEWSLETTER_EVERY_DAYS) {
      const date = this.calendar.dateOf(day);
      const year = date.getUTCFullYear();
      const untilBlackFriday = (blackFriday(year).getTime() - date.getTime()) / 86_400_000;
      const campaign =
        untilBlackFriday >= -4 && untilBlackFriday <= 10
          ? `black-friday-${year}`
          : date.getUTCMonth() === 11 && date.getUTCDate() <= 20
            ? `holiday-gift-guide-${year}`
            : `newsletter-${date.toISOString().slice(0, 10)}`;
      sends.push({ day, campaign });
    }
    return sends;
  }
}

interface Habits {
  archetype: Archetype;
  timezone: string;
  storeShopper: boolean;
  nightOwl: boolean;
  appUser: boolean;
  favourite: DemoCategory;
  offlineShare: number;
}

/** Lower-case ASCII letters of a name (accents dropped), for email addresses. */
function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/ł/g, 'l')
      .replace(/[^a-z]/g, '') || 'customer'
  );
}
