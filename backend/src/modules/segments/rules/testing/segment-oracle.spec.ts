import type { RuleCondition, RuleNode, SegmentRules } from '../segment-rules.types';
import { oracleCustomer } from './oracle-data';
import type { OracleCustomer, OracleTraits } from './oracle-data';
import { parseIsoDate } from './oracle-values';
import { evaluateSegment } from './segment-oracle';

const asOf = new Date('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number, ms = 0) => new Date(asOf.getTime() - days * DAY + ms);

const customer = (id: string, values: Partial<OracleCustomer> = {}) => oracleCustomer(id, { createdAt: ago(100), ...values });

const traits = (values: Partial<OracleTraits>): OracleTraits => ({
  totalSpentCents: 0,
  orderCount: 0,
  avgOrderValueCents: null,
  firstOrderAt: null,
  lastOrderAt: null,
  recencyScore: null,
  frequencyScore: null,
  monetaryScore: null,
  rfmTier: null,
  clvCents: null,
  churnRisk: null,
  preferredCategory: null,
  preferredHour: null,
  nightBuyer: false,
  engagementScore: 0,
  eventCount: 0,
  lastEventAt: null,
  ...values,
});

const rules = (...children: RuleNode[]): SegmentRules => ({ version: 1, root: { type: 'group', operator: 'and', children } });
const group = (operator: 'and' | 'or' | 'not', ...children: RuleNode[]): RuleNode => ({ type: 'group', operator, children });

function idsOf(customers: OracleCustomer[], tree: SegmentRules | RuleCondition, segments: Record<string, SegmentRules> = {}): string[] {
  const root = 'version' in tree ? tree : rules(tree);
  return [...evaluateSegment({ customers }, root, { asOf, segments: new Map(Object.entries(segments)) })].sort();
}

describe('segment oracle', () => {
  const people = [
    customer('a', {
      city: "O'Brien%",
      country: 'US',
      tags: ['vip', 'b2b'],
      attributes: { score: 42, plan: 'Gold', birthday: '1990-02-28', vip: true },
    }),
    customer('b', {
      city: 'berlin',
      country: 'DE',
      tags: ['VIP'],
      attributes: { score: '42', plan: 3, birthday: '2025-02-30', vip: 'TRUE' },
    }),
    customer('c', { city: '', attributes: { plan: null, score: ' 42', vip: 'yes' } }),
    customer('e', { city: 'Berlin', country: 'DE', erasedAt: ago(1), tags: ['vip'] }),
  ];

  it('matches everyone with an empty and / not, nobody with an empty or; erased customers never', () => {
    expect(idsOf(people, rules())).toEqual(['a', 'b', 'c']);
    expect(idsOf(people, rules(group('not')))).toEqual(['a', 'b', 'c']);
    expect(idsOf(people, rules(group('or')))).toEqual([]);
    expect(idsOf(people, rules(group('not', group('or'))))).toEqual(['a', 'b', 'c']);
    expect(idsOf(people, rules(group('not', group('and'))))).toEqual([]);
  });

  it('compares free text case-insensitively and literally, options exactly, and lets negative operators match missing values', () => {
    const field = (f: string, operator: string, value?: unknown) => ({ type: 'field', field: f, operator, value }) as RuleCondition;
    expect(idsOf(people, field('profile.city', 'eq', 'BERLIN'))).toEqual(['b']);
    expect(idsOf(people, field('profile.city', 'contains', '%'))).toEqual(['a']);
    expect(idsOf(people, field('profile.city', 'startsWith', "o'b"))).toEqual(['a']);
    expect(idsOf(people, field('profile.city', 'neq', 'berlin'))).toEqual(['a', 'c']);
    expect(idsOf(people, field('profile.city', 'isSet'))).toEqual(['a', 'b', 'c']); // '' is a value
    expect(idsOf(people, field('profile.country', 'eq', 'de'))).toEqual([]);
    expect(idsOf(people, field('profile.country', 'notIn', ['US']))).toEqual(['b', 'c']);
    expect(idsOf(people, field('profile.tags', 'hasAny', ['vip']))).toEqual(['a']);
    expect(idsOf(people, field('profile.tags', 'hasNone', ['vip']))).toEqual(['b', 'c']);
    expect(idsOf(people, field('profile.tags', 'hasAll', ['vip', 'b2b']))).toEqual(['a']);
  });

  it('reads attributes by type: numeric strings as numbers, "true"/"false" as booleans, impossible dates as missing', () => {
    const attr = (key: string, valueType: string, operator: string, value?: unknown) =>
      ({ type: 'attribute', key, valueType, operator, value }) as RuleCondition;
    expect(idsOf(people, attr('score', 'number', 'eq', 42))).toEqual(['a', 'b']);
    expect(idsOf(people, attr('score', 'number', 'neq', 42))).toEqual(['c']);
    expect(idsOf(people, attr('score', 'string', 'eq', '42'))).toEqual(['b']);
    expect(idsOf(people, attr('plan', 'string', 'isSet'))).toEqual(['a']); // 3 is no string, JSON null is missing
    expect(idsOf(people, attr('vip', 'boolean', 'isTrue'))).toEqual(['a', 'b']);
    expect(idsOf(people, attr('vip', 'boolean', 'isNotSet'))).toEqual(['c']); // 'yes' is no boolean
    expect(idsOf(people, attr('birthday', 'date', 'isSet'))).toEqual(['a']);
    expect(idsOf(people, attr('birthday', 'date', 'before', '1990-03-01'))).toEqual(['a']);
    expect(idsOf(people, attr('birthday', 'date', 'after', '1990-02-28'))).toEqual([]); // after the whole day
    expect(idsOf(people, attr('birthday', 'date', 'between', ['1990-02-28', '1990-02-28']))).toEqual(['a']);
  });

  it('measures relative windows back from asOf with both edges included and nothing after asOf', () => {
    const seen = [ago(7), ago(7, -1), ago(7, 1), ago(0), ago(0, 1)].map((at, i) =>
      customer(`t${i}`, { traits: traits({ lastEventAt: at }) }),
    );
    const field = (operator: string, value: number) => ({ type: 'field', field: 'traits.lastEventAt', operator, value }) as RuleCondition;
    expect(idsOf(seen, field('withinLastDays', 7))).toEqual(['t0', 't2', 't3']);
    expect(idsOf(seen, field('moreThanDaysAgo', 7))).toEqual(['t1']);
  });

  it('reads the defaults of a missing traits row for counters and leaves the other traits missing', () => {
    const some = [
      customer('none'),
      customer('zero', { traits: traits({ rfmTier: 'Lost', orderCount: 0 }) }),
      customer('two', { traits: traits({ orderCount: 2 }) }),
    ];
    expect(idsOf(some, { type: 'field', field: 'traits.orderCount', operator: 'eq', value: 0 })).toEqual(['none', 'zero']);
    expect(idsOf(some, { type: 'field', field: 'traits.nightBuyer', operator: 'isFalse' })).toEqual(['none', 'two', 'zero']);
    expect(idsOf(some, { type: 'field', field: 'traits.rfmTier', operator: 'neq', value: 'Lost' })).toEqual(['none', 'two']);
  });

  it('counts and sums orders in a window, with items only the qualifying lines', () => {
    const line = (category: string, product: string, quantity: number, unitPriceCents: number) => ({
      category,
      product,
      quantity,
      unitPriceCents,
    });
    const shoppers = [
      customer('never'),
      customer('s', {
        orders: [
          { id: 'o1', amountCents: 10_000, placedAt: ago(10), items: [line('Shoes', 'Boot', 2, 2_500), line('Bags', 'Tote', 1, 5_000)] },
          { id: 'o2', amountCents: 3_000, placedAt: ago(40), items: [line('Bags', 'Tote', 1, 3_000)] },
          { id: 'o3', amountCents: 999, placedAt: ago(-1), items: [line('Shoes', 'Boot', 1, 999)] },
        ],
      }),
    ];
    const orders = (measure: 'count' | 'sum', operator: string, value: number | number[], window: object, items?: object) =>
      ({ type: 'orders', measure, operator, value, window, items }) as RuleCondition;
    expect(idsOf(shoppers, orders('count', 'eq', 0, { kind: 'lastDays', days: 30 }))).toEqual(['never']);
    expect(idsOf(shoppers, orders('sum', 'eq', 130, { kind: 'lastDays', days: 40 }))).toEqual(['s']);
    expect(idsOf(shoppers, orders('sum', 'eq', 50, { kind: 'lastDays', days: 40 }, { categories: ['Shoes'] }))).toEqual(['s']);
    expect(idsOf(shoppers, orders('count', 'eq', 3, { kind: 'ever' }))).toEqual(['s']);
    expect(idsOf(shoppers, orders('count', 'eq', 2, { kind: 'ever' }, { categories: ['shoes'], products: ['Tote'] }))).toEqual(['s']);
    expect(idsOf(shoppers, orders('sum', 'between', [0, 0], { kind: 'between', from: '2025-06-05', to: '2025-06-05' }))).toEqual(['never']);
    expect(
      idsOf(shoppers, orders('count', 'eq', 1, { kind: 'between', from: '2025-06-05', to: '2025-06-05' }, { products: ['Boot'] })),
    ).toEqual(['s']);
  });

  it('counts events by type, window and property filters; did false negates the frequency', () => {
    const opened = (campaignId: unknown, days: number) => ({ type: 'email_opened', properties: { campaignId }, occurredAt: ago(days) });
    const readers = [
      customer('none'),
      customer('one', { events: [opened('c-1', 1), opened('c-2', 50)] }),
      customer('three', { events: [opened('C-1', 1), opened('c-1', 2), opened(7, 3)] }),
    ];
    const event = (did: boolean, frequency?: object, where?: object[]) =>
      ({ type: 'event', event: 'email_opened', did, frequency, window: { kind: 'lastDays', days: 30 }, where }) as RuleCondition;
    expect(idsOf(readers, event(true))).toEqual(['one', 'three']);
    expect(idsOf(readers, event(false))).toEqual(['none']);
    expect(idsOf(readers, event(true, { operator: 'atMost', times: 1 }))).toEqual(['none', 'one']);
    expect(idsOf(readers, event(false, { operator: 'atLeast', times: 3 }))).toEqual(['none', 'one']);
    const c1 = { key: 'campaignId', valueType: 'string', operator: 'eq', value: 'c-1' };
    expect(idsOf(readers, event(true, { operator: 'exactly', times: 2 }, [c1]))).toEqual(['three']);
    const notC1 = { key: 'campaignId', valueType: 'string', operator: 'neq', value: 'c-1' };
    expect(idsOf(readers, event(true, { operator: 'exactly', times: 1 }, [notC1]))).toEqual(['three']); // 7 is no string: missing → neq
  });

  it('evaluates segment conditions from the referenced rules, erased customers left out', () => {
    const germans = rules({ type: 'field', field: 'profile.country', operator: 'eq', value: 'DE' });
    expect(idsOf(people, { type: 'segment', segmentId: 's1', operator: 'in' }, { s1: germans })).toEqual(['b']);
    expect(idsOf(people, { type: 'segment', segmentId: 's1', operator: 'notIn' }, { s1: germans })).toEqual(['a', 'c']);
  });

  it('parses only real ISO dates, with zones', () => {
    expect(parseIsoDate('2024-02-29')?.ms).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2025-06-01T10:00:00+02:00')?.ms).toBe(Date.UTC(2025, 5, 1, 8));
    expect(parseIsoDate('2025-06-01T10:00:00.000500Z')?.ms).toBe(Date.UTC(2025, 5, 1, 10) + 0.5);
    const bad = ['2025-02-29', '2025-13-01', '2025-06-01T10:00:00', '2025-06-01T10:00:00+0200', '2025-06-01 10:00:00Z', '20250601', ''];
    for (const text of bad) expect(parseIsoDate(text)).toBeUndefined();
  });
});
