/**
 * The oracle's own reading of every catalogue field (`profile.*`, `consent.*`, `traits.*`) from an in-memory
 * customer: its kind and its value. Kept independent of the compiler's SQL vocabulary on purpose; the
 * equivalence spec checks that it covers every field of the catalogue.
 */
import type { OracleCustomer, OracleTraits } from './oracle-data';
import type { OracleValue, ValueKind } from './oracle-values';

export interface OracleField {
  kind: ValueKind;
  read: (customer: OracleCustomer) => OracleValue;
}

const orMissing = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const time = (value: Date | null | undefined) => (value ? value.getTime() : undefined);
const cents = (value: number | null | undefined) => (value === null || value === undefined ? undefined : value / 100);

/**
 * A trait. DECISION: without a traits row (no order, no event yet) the NOT NULL columns read as their
 * defaults — 0 spent, 0 orders, 0 events, engagement 0, not a night buyer — and the others are missing.
 */
const trait = (kind: ValueKind, read: (t: OracleTraits) => OracleValue, absent?: OracleValue): OracleField => ({
  kind,
  read: (c) => (c.traits ? read(c.traits) : absent),
});

const profile = (kind: ValueKind, read: (c: OracleCustomer) => OracleValue): OracleField => ({ kind, read });
const consent = (channel: string): OracleField => ({ kind: 'option', read: (c) => c.consent[channel]?.status });

export const ORACLE_FIELDS: Record<string, OracleField> = {
  'profile.externalId': profile('text', (c) => orMissing(c.externalId)),
  'profile.email': profile('text', (c) => orMissing(c.email)),
  'profile.phone': profile('text', (c) => orMissing(c.phone)),
  'profile.firstName': profile('text', (c) => orMissing(c.firstName)),
  'profile.lastName': profile('text', (c) => orMissing(c.lastName)),
  'profile.timezone': profile('text', (c) => orMissing(c.timezone)),
  'profile.locale': profile('text', (c) => orMissing(c.locale)),
  'profile.country': profile('option', (c) => orMissing(c.country)),
  'profile.city': profile('text', (c) => orMissing(c.city)),
  'profile.tags': profile('list', (c) => c.tags),
  'profile.createdAt': profile('date', (c) => c.createdAt.getTime()),
  'consent.email': consent('email'),
  'consent.sms': consent('sms'),
  'consent.push': consent('push'),
  'traits.totalSpent': trait('number', (t) => t.totalSpentCents / 100, 0),
  'traits.orderCount': trait('number', (t) => t.orderCount, 0),
  'traits.avgOrderValue': trait('number', (t) => cents(t.avgOrderValueCents)),
  'traits.firstOrderAt': trait('date', (t) => time(t.firstOrderAt)),
  'traits.lastOrderAt': trait('date', (t) => time(t.lastOrderAt)),
  'traits.recencyScore': trait('number', (t) => orMissing(t.recencyScore)),
  'traits.frequencyScore': trait('number', (t) => orMissing(t.frequencyScore)),
  'traits.monetaryScore': trait('number', (t) => orMissing(t.monetaryScore)),
  'traits.rfmTier': trait('option', (t) => orMissing(t.rfmTier)),
  'traits.clv': trait('number', (t) => cents(t.clvCents)),
  'traits.churnRisk': trait('option', (t) => orMissing(t.churnRisk)),
  'traits.preferredCategory': trait('option', (t) => orMissing(t.preferredCategory)),
  'traits.preferredHour': trait('number', (t) => orMissing(t.preferredHour)),
  'traits.nightBuyer': trait('boolean', (t) => t.nightBuyer, false),
  'traits.engagementScore': trait('number', (t) => t.engagementScore, 0),
  'traits.eventCount': trait('number', (t) => t.eventCount, 0),
  'traits.lastEventAt': trait('date', (t) => time(t.lastEventAt)),
};
