/**
 * Hand-picked rule trees for the equivalence spec, each aimed at an edge of the generated data set
 * (see segment-dataset.ts): NULL vs '' vs missing keys, case, LIKE wildcards and escapes, malformed
 * attributes, window edges to the millisecond, customers without orders/events/traits rows, erased customers.
 */
import type { RuleCondition, RuleNode, SegmentRules, TimeWindow } from '../segment-rules.types';

export interface TrickyTree {
  name: string;
  rules: SegmentRules;
}

const and = (...children: RuleNode[]): RuleNode => ({ type: 'group', operator: 'and', children });
const or = (...children: RuleNode[]): RuleNode => ({ type: 'group', operator: 'or', children });
const not = (...children: RuleNode[]): RuleNode => ({ type: 'group', operator: 'not', children });
const tree = (root: RuleNode): SegmentRules => ({ version: 1, root: root as SegmentRules['root'] });

const field = (key: string, operator: string, value?: unknown) =>
  ({ type: 'field', field: key, operator, ...(value === undefined ? {} : { value }) }) as RuleCondition;
const attr = (key: string, valueType: string, operator: string, value?: unknown) =>
  ({ type: 'attribute', key, valueType, operator, ...(value === undefined ? {} : { value }) }) as RuleCondition;
const orders = (measure: 'count' | 'sum', operator: string, value: number | number[], window: TimeWindow, items?: object) =>
  ({ type: 'orders', measure, operator, value, window, ...(items ? { items } : {}) }) as RuleCondition;
const event = (name: string, did: boolean, window: TimeWindow, frequency?: object, where?: object[]) =>
  ({ type: 'event', event: name, did, window, ...(frequency ? { frequency } : {}), ...(where ? { where } : {}) }) as RuleCondition;
const prop = (key: string, valueType: string, operator: string, value?: unknown) => ({
  key,
  valueType,
  operator,
  ...(value === undefined ? {} : { value }),
});

const ever: TimeWindow = { kind: 'ever' };
const last = (days: number): TimeWindow => ({ kind: 'lastDays', days });
const between = (from: string, to: string): TimeWindow => ({ kind: 'between', from, to });

/** Conditions, each alone under the root. */
const CONDITIONS: Record<string, RuleCondition> = {
  'city eq mixed case': field('profile.city', 'eq', 'BERLIN'),
  'city in mixed case': field('profile.city', 'in', ['berlin', 'PARIS', "o'fallon"]),
  'city neq (NULL and empty match)': field('profile.city', 'neq', 'Berlin'),
  'city notIn': field('profile.city', 'notIn', ['Berlin', 'Paris']),
  'city contains %': field('profile.city', 'contains', '%'),
  'city contains _': field('profile.city', 'contains', '_'),
  'city contains backslash': field('profile.city', 'contains', '\\'),
  'city contains quote': field('profile.city', 'contains', "'"),
  'city notContains e': field('profile.city', 'notContains', 'E'),
  'city startsWith quote': field('profile.city', 'startsWith', "O'"),
  'city endsWith backslash': field('profile.city', 'endsWith', '\\'),
  'city eq sql text': field('profile.city', 'eq', "'; DROP TABLE customers; --"),
  'city eq padded': field('profile.city', 'eq', '  PADDED  '),
  'city isSet (empty string is set)': field('profile.city', 'isSet'),
  'city isNotSet': field('profile.city', 'isNotSet'),
  'first name eq accented upper': field('profile.firstName', 'eq', 'ZOË'),
  'first name contains É': field('profile.firstName', 'contains', 'É'),
  "last name startsWith o'": field('profile.lastName', 'startsWith', "o'b"),
  'email endsWith domain upper': field('profile.email', 'endsWith', '@SHOP.DE'),
  'email contains _': field('profile.email', 'contains', 'a_b'),
  'external id eq upper': field('profile.externalId', 'eq', 'ext-17'),
  'timezone eq lower': field('profile.timezone', 'eq', 'europe/berlin'),
  'country eq lower (exact)': field('profile.country', 'eq', 'de'),
  'country in': field('profile.country', 'in', ['US', 'CA']),
  'country notIn (NULL matches)': field('profile.country', 'notIn', ['US']),
  'country isNotSet': field('profile.country', 'isNotSet'),
  'tags hasAny exact case': field('profile.tags', 'hasAny', ['vip']),
  'tags hasAll': field('profile.tags', 'hasAll', ['vip', 'VIP']),
  'tags hasNone wildcard': field('profile.tags', 'hasNone', ['50%off', 'a_b']),
  'tags hasAny backslash quote': field('profile.tags', 'hasAny', ['back\\slash', "o'reilly"]),
  'tags isEmpty': field('profile.tags', 'isEmpty'),
  'tags isNotEmpty': field('profile.tags', 'isNotEmpty'),
  'consent email subscribed': field('consent.email', 'eq', 'subscribed'),
  'consent email neq (missing matches)': field('consent.email', 'neq', 'subscribed'),
  'consent sms isNotSet': field('consent.sms', 'isNotSet'),
  'consent push in': field('consent.push', 'in', ['pending', 'unsubscribed']),
  'created after edge day (future rows)': field('profile.createdAt', 'after', '2025-06-15'),
  'created withinLastDays 7': field('profile.createdAt', 'withinLastDays', 7),
  'order count eq 0 (no traits row)': field('traits.orderCount', 'eq', 0),
  'total spent lt 1': field('traits.totalSpent', 'lt', 1),
  'total spent between': field('traits.totalSpent', 'between', [100, 500]),
  'night buyer isFalse (no row = false)': field('traits.nightBuyer', 'isFalse'),
  'engagement eq 0': field('traits.engagementScore', 'eq', 0),
  'rfm tier notIn (NULL matches)': field('traits.rfmTier', 'notIn', ['Champions', 'Lost']),
  'rfm tier isNotSet': field('traits.rfmTier', 'isNotSet'),
  "rfm tier can't lose": field('traits.rfmTier', 'eq', "Can't lose"),
  'clv neq (NULL matches)': field('traits.clv', 'neq', 0),
  'avg order value gte': field('traits.avgOrderValue', 'gte', 150.5),
  'preferred category eq lower (exact)': field('traits.preferredCategory', 'eq', 'shoes'),
  'preferred category in nasty': field('traits.preferredCategory', 'in', ['100% Cotton', 'Back\\slash', "Kids' Wear"]),
  'last order withinLastDays 30': field('traits.lastOrderAt', 'withinLastDays', 30),
  'last order moreThanDaysAgo 365': field('traits.lastOrderAt', 'moreThanDaysAgo', 365),
  'last event before day': field('traits.lastEventAt', 'before', '2025-01-01'),
  'last event after day': field('traits.lastEventAt', 'after', '2025-03-31'),
  'last event between days': field('traits.lastEventAt', 'between', ['2025-01-01', '2025-03-31']),
  'last event between instants': field('traits.lastEventAt', 'between', ['2024-11-29T00:00:00.000Z', '2025-01-01T23:59:59.999Z']),
  'score number gt': attr('score', 'number', 'gt', 100),
  'score number neq (non-numeric strings match)': attr('score', 'number', 'neq', 42),
  'score number eq 1000 ("1e3")': attr('score', 'number', 'eq', 1000),
  'score number eq 7 ("007")': attr('score', 'number', 'eq', 7),
  'score number lte 0 ("-0", "-7.25")': attr('score', 'number', 'lte', 0),
  'score string eq 42': attr('score', 'string', 'eq', '42'),
  'score number isNotSet': attr('score', 'number', 'isNotSet'),
  'score number between fractions': attr('score', 'number', 'between', [0.25, 99.75]),
  'vip isTrue': attr('vip', 'boolean', 'isTrue'),
  'vip isFalse': attr('vip', 'boolean', 'isFalse'),
  'vip isNotSet ("yes", " true", 1)': attr('vip', 'boolean', 'isNotSet'),
  'returning isTrue ("TRUE")': {
    type: 'event',
    event: 'visit',
    did: true,
    window: { kind: 'ever' },
    where: [prop('returning', 'boolean', 'isTrue')],
  } as RuleCondition,
  'birthday isSet (bad dates not)': attr('birthday', 'date', 'isSet'),
  'birthday before': attr('birthday', 'date', 'before', '1970-01-01'),
  'birthday string eq bad date': attr('birthday', 'string', 'eq', '2025-02-30'),
  'last visit isSet ("+0200" is no date)': attr('lastVisit', 'date', 'isSet'),
  'last visit withinLastDays 7': attr('lastVisit', 'date', 'withinLastDays', 7),
  'last visit moreThanDaysAgo 30': attr('lastVisit', 'date', 'moreThanDaysAgo', 30),
  'last visit between edge days': attr('lastVisit', 'date', 'between', ['2025-01-01', '2025-03-31']),
  'last visit after instant': attr('lastVisit', 'date', 'after', '2025-03-31T23:59:59.999Z'),
  'last visit before µs instant': attr('lastVisit', 'date', 'before', '2025-01-01T00:00:00.000500Z'),
  'last visit after µs instant': attr('lastVisit', 'date', 'after', '2024-12-31T23:59:59.999500Z'),
  'last visit between offset instants': attr('lastVisit', 'date', 'between', ['2025-01-01T02:00+02:00', '2025-03-31T19:59:59.999-04:00']),
  'created between µs instants': field('profile.createdAt', 'between', ['2024-11-29T00:00:00.000001Z', '2025-01-01T23:59:59.999999Z']),
  'plan eq lower': attr('plan', 'string', 'eq', 'gold'),
  'plan contains %': attr('plan', 'string', 'contains', '%'),
  'plan notContains o': attr('plan', 'string', 'notContains', 'O'),
  'plan isSet (3, null, list not)': attr('plan', 'string', 'isSet'),
  'plan in': attr('plan', 'string', 'in', ['GOLD', 'silver', "o'brien"]),
  'interests hasAny wildcard': attr('interests', 'list', 'hasAny', ['50%']),
  'interests hasAll': attr('interests', 'list', 'hasAll', ['running', 'Yoga']),
  'interests isEmpty (missing, string)': attr('interests', 'list', 'isEmpty'),
  'interests isNotEmpty': attr('interests', 'list', 'isNotEmpty'),
  'never-set key neq': attr('neverSet', 'string', 'neq', 'x'),
  'source startsWith a%': attr('source', 'string', 'startsWith', 'A%'),
  'orders count eq 0 ever': orders('count', 'eq', 0, ever),
  'orders count gte 1 last 1 day': orders('count', 'gte', 1, last(1)),
  'orders count gte 1 last 7 days': orders('count', 'gte', 1, last(7)),
  'orders count lt 2 last 30 days': orders('count', 'lt', 2, last(30)),
  'orders sum gt 500 last 90 days': orders('sum', 'gt', 500, last(90)),
  'orders sum between edge days': orders('sum', 'between', [1, 300], between('2025-01-01', '2025-03-31')),
  'orders count instant window': orders('count', 'gte', 1, between('2024-11-29T00:00:00.000Z', '2024-11-30T00:00:00.000Z')),
  'orders count µs window': orders('count', 'gte', 1, between('2025-01-01T00:00:00.000001Z', '2025-03-31T23:59:59.999999Z')),
  'events µs window offset': event('email_opened', true, between('2025-01-01T01:00:00.000500+01:00', '2025-03-31T23:59:59.9995Z')),
  'orders Shoes': orders('count', 'gte', 1, ever, { categories: ['Shoes'] }),
  'orders shoes lower': orders('count', 'gte', 2, ever, { categories: ['shoes'] }),
  'orders sum 100% Cotton': orders('sum', 'gte', 100, last(365), { categories: ['100% Cotton'] }),
  'orders product Widget%2 or backslash category': orders('count', 'eq', 1, ever, { categories: ['Back\\slash'], products: ['Widget%2'] }),
  'orders sum eq 0 with items (free lines)': orders('sum', 'eq', 0, ever, { products: ['Tote', 'Romper'] }),
  'orders sum neq with items': orders('sum', 'neq', 0, last(90), { categories: ["Kids' Wear", 'Électronique'] }),
  'opened email last 30 days': event('email_opened', true, last(30)),
  'did not open email last 30 days': event('email_opened', false, last(30)),
  'visit at least 3 last 14 days': event('visit', true, last(14), { operator: 'atLeast', times: 3 }),
  'page view at most 0 ever': event('page_view', true, ever, { operator: 'atMost', times: 0 }),
  'page view exactly 2 last 90': event('page_view', true, last(90), { operator: 'exactly', times: 2 }),
  'not exactly 1 click': event('email_clicked', false, ever, { operator: 'exactly', times: 1 }),
  'opened campaign c-2 any case': event('email_opened', true, ever, undefined, [prop('campaignId', 'string', 'eq', 'c-2')]),
  'opened campaign neq c-1 (missing matches)': event('email_opened', true, last(365), undefined, [
    prop('campaignId', 'string', 'neq', 'c-1'),
  ]),
  'opened campaign contains %': event('email_clicked', true, ever, undefined, [prop('campaignId', 'string', 'contains', '%')]),
  'page view duration gt (strings not)': event('page_view', true, ever, undefined, [prop('durationMs', 'number', 'gt', 30000)]),
  'page view duration isNotSet': event('page_view', true, ever, undefined, [prop('durationMs', 'number', 'isNotSet')]),
  'page view page startsWith /sale%': event('page_view', true, last(365), undefined, [prop('page', 'string', 'startsWith', '/SALE%')]),
  'cart value between and items': event('cart_abandoned', true, ever, { operator: 'atLeast', times: 2 }, [
    prop('value', 'number', 'between', [10, 300]),
    prop('items', 'number', 'gte', 2),
  ]),
  'cart at withinLastDays 7': event('cart_abandoned', true, ever, undefined, [prop('at', 'date', 'withinLastDays', 7)]),
  'visit returning isFalse': event('visit', true, ever, undefined, [prop('returning', 'boolean', 'isFalse')]),
  'Signup exact case': event('Signup', true, ever),
  "event it's": event("it's", true, last(365)),
  'event 50%_off': event('50%_off', true, ever),
  'event never happened, did not': event('never_happened', false, ever),
};

/** The benchmark's segment: (spent > 500 in the last 90 days) and (opened an email in 30 days or visited 3+ times in 14) and country in (US, CA). */
const BENCHMARK = and(
  orders('sum', 'gt', 500, last(90)),
  or(event('email_opened', true, last(30)), event('visit', true, last(14), { operator: 'atLeast', times: 3 })),
  field('profile.country', 'in', ['US', 'CA']),
);

/** Trees over the named segments `base` (Germans) and `chain` (in base or VIP). */
export function trickyTrees(segments: { base: string; chain: string }): TrickyTree[] {
  const c = CONDITIONS;
  return [
    { name: 'empty and', rules: tree(and()) },
    { name: 'empty or', rules: tree(or()) },
    { name: 'empty not', rules: tree(not()) },
    { name: 'not over empty or', rules: tree(not(or())) },
    { name: 'not over empty and', rules: tree(and(not(and()))) },
    { name: 'triple not', rules: tree(not(not(not(c['city isNotSet'])))) },
    { name: 'not over or of negatives', rules: tree(not(or(c['city neq (NULL and empty match)'], c['country notIn (NULL matches)']))) },
    {
      name: 'not over and with orders and events',
      rules: tree(not(and(c['orders count eq 0 ever'], c['did not open email last 30 days']))),
    },
    {
      name: 'or of order and event sets',
      rules: tree(or(c['orders Shoes'], c['visit at least 3 last 14 days'], c['orders count eq 0 ever'], c['vip isTrue'])),
    },
    { name: 'benchmark segment', rules: tree(BENCHMARK) },
    { name: 'not benchmark segment', rules: tree(not(BENCHMARK)) },
    { name: 'in segment', rules: tree(and({ type: 'segment', segmentId: segments.base, operator: 'in' })) },
    { name: 'notIn segment (erased never)', rules: tree(and({ type: 'segment', segmentId: segments.base, operator: 'notIn' })) },
    {
      name: 'segment chain under not',
      rules: tree(not({ type: 'segment', segmentId: segments.chain, operator: 'in' }, c['tags isEmpty'])),
    },
    ...Object.entries(CONDITIONS).map(([name, condition]) => ({ name, rules: tree(and(condition)) })),
  ];
}

/** The segments the tricky trees refer to, by name: `chain` refers to `base`. */
export function trickySegments(ids: { base: string; chain: string }): Record<'base' | 'chain', SegmentRules> {
  return {
    base: tree(and(field('profile.country', 'eq', 'DE'))),
    chain: tree(or({ type: 'segment', segmentId: ids.base, operator: 'in' }, field('profile.tags', 'hasAny', ['vip']))),
  };
}
