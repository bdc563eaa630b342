/**
 * The compiler against PostgreSQL on the hand-made people of segment-rules.fixtures.test.ts, evaluated at
 * 2025-06-01T12:00Z. Every expected set is reasoned by hand from the fixture (the comments say why); Eve is
 * erased and never matches, and a copy of everyone in another workspace must never show up.
 */
import { DataSource } from 'typeorm';
import { SegmentCompiler } from './segment-compiler';
import type { CompileContext } from './segment-compiler';
import { countQuery, idsQuery, sampleQuery } from './segment-queries';
import type { RuleCondition, RuleGroup, RuleNode, SegmentRules } from './segment-rules.types';
import { AS_OF, connect, insertPeople, insertWorkspace } from './segment-rules.fixtures.test';
import type { Name } from './segment-rules.fixtures.test';

const EVERYONE: Name[] = ['ann', 'bob', 'cat', 'dan', 'fay'];
const S_US = '00000000-0000-4000-8000-0000000000a1';
const S_BUYER = '00000000-0000-4000-8000-0000000000a2';
const S_NESTED = '00000000-0000-4000-8000-0000000000a3';
const S_RECENT = '00000000-0000-4000-8000-0000000000a4';
const S_LOOP_A = '00000000-0000-4000-8000-0000000000b1';
const S_LOOP_B = '00000000-0000-4000-8000-0000000000b2';
const S_BROKEN = '00000000-0000-4000-8000-0000000000b3';
const S_MISSING = '00000000-0000-4000-8000-0000000000ff';
const chain = (i: number) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`;

const group = (operator: RuleGroup['operator'], ...children: RuleNode[]): RuleGroup => ({ type: 'group', operator, children });
const and = (...children: RuleNode[]) => group('and', ...children);
const or = (...children: RuleNode[]) => group('or', ...children);
const not = (...children: RuleNode[]) => group('not', ...children);
const tree = (root: RuleGroup): SegmentRules => ({ version: 1, root });
const field = (key: string, operator: string, value?: unknown) => ({ type: 'field', field: key, operator, value }) as RuleCondition;
const attr = (key: string, valueType: string, operator: string, value?: unknown) =>
  ({ type: 'attribute', key, valueType, operator, value }) as RuleCondition;
const lastDays = (days: number) => ({ kind: 'lastDays', days }) as const;
const EVER = { kind: 'ever' } as const;
const segment = (segmentId: string, operator: 'in' | 'notIn' = 'in') => ({ type: 'segment', segmentId, operator }) as RuleCondition;
const US = field('profile.country', 'eq', 'US');

const SAVED = new Map<string, SegmentRules>([
  [S_US, tree(and(US))], // ann, dan
  [S_BUYER, tree(and(field('traits.orderCount', 'gt', 0)))], // ann, bob, dan
  [S_NESTED, tree(and(segment(S_US), segment(S_BUYER)))], // ann, dan
  [S_RECENT, tree(and({ type: 'event', event: 'email_opened', did: true, window: lastDays(30) }))], // ann, dan
  [S_LOOP_A, tree(and(segment(S_LOOP_B)))],
  [S_LOOP_B, tree(and(segment(S_LOOP_A)))],
  [S_BROKEN, tree(and(field('profile.shoeSize', 'eq', '42')))],
  ...Array.from({ length: 11 }, (_, i) => [chain(i), tree(and(i < 10 ? segment(chain(i + 1)) : US))] as [string, SegmentRules]),
]);

const opened30 = { type: 'event', event: 'email_opened', did: true, window: lastDays(30) } as RuleCondition;
const visits3 = {
  type: 'event',
  event: 'visit',
  did: true,
  frequency: { operator: 'atLeast', times: 3 },
  window: lastDays(14),
} as RuleCondition;
const spent500 = { type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: lastDays(90) } as RuleCondition;

const orders = (measure: 'count' | 'sum', operator: string, value: number | number[], window: object = EVER, items?: object) =>
  ({ type: 'orders', measure, operator, value, window, ...(items ? { items } : {}) }) as RuleCondition;
const event = (name: string, extra: object = {}) => ({ type: 'event', event: name, did: true, window: EVER, ...extra }) as RuleCondition;
const visits = (operator: string, times: number, extra: object = {}) =>
  event('visit', { frequency: { operator, times }, window: lastDays(14), ...extra });
const where = (key: string, valueType: string, operator: string, value?: unknown) => ({ key, valueType, operator, value });

/** Order conditions (customers without orders have count 0 and sum 0). */
const ORDER_CASES: [string, RuleGroup, Name[]][] = [
  ['count gte 1, ever', and(orders('count', 'gte', 1)), ['ann', 'bob', 'dan']],
  ['count eq 0 (cat, fay never ordered)', and(orders('count', 'eq', 0)), ['cat', 'fay']],
  ['count gt 2', and(orders('count', 'gt', 2)), ['ann']],
  ['count lt 2 includes those without orders', and(orders('count', 'lt', 2)), ['bob', 'cat', 'fay']],
  ['count lte 1', and(orders('count', 'lte', 1)), ['bob', 'cat', 'fay']],
  ['count neq 2', and(orders('count', 'neq', 2)), ['ann', 'bob', 'cat', 'fay']],
  ['count between 1 and 2', and(orders('count', 'between', [1, 2])), ['bob', 'dan']],
  ['count between 0 and 1 includes those without orders', and(orders('count', 'between', [0, 1])), ['bob', 'cat', 'fay']],
  ['sum gt 500 in the last 90 days (ann 300+400, dan 0+650)', and(orders('sum', 'gt', 500, lastDays(90))), ['ann', 'dan']],
  ['sum lte 80 ever', and(orders('sum', 'lte', 80)), ['bob', 'cat', 'fay']],
  ['count in the last 2 days: dan’s free order of 05-31', and(orders('count', 'gte', 1, lastDays(2))), ['dan']],
  ['sum gt 0 in the last 2 days: a free order sums 0', and(orders('sum', 'gt', 0, lastDays(2))), []],
  ['sum eq 0 in the last 2 days: everyone', and(orders('sum', 'eq', 0, lastDays(2))), EVERYONE],
  [
    'window between whole days (04-20 10:00 and 05-01 10:00 inside)',
    and(orders('count', 'gte', 1, { kind: 'between', from: '2025-04-20', to: '2025-05-01' })),
    ['ann', 'dan'],
  ],
  [
    'window between instants just inside both orders misses them',
    and(orders('count', 'gte', 1, { kind: 'between', from: '2025-04-20T10:00:01Z', to: '2025-05-01T09:59:59Z' })),
    [],
  ],
  ['items: bought Books', and(orders('count', 'gte', 1, EVER, { categories: ['Books'] })), ['ann', 'dan']],
  ['items: Books lines sum (ann 200+500, dan 0)', and(orders('sum', 'gt', 100, EVER, { categories: ['Books'] })), ['ann']],
  [
    'items: Books lines sum between 0 and 100 includes non-buyers',
    and(orders('sum', 'between', [0, 100], EVER, { categories: ['Books'] })),
    ['bob', 'cat', 'dan', 'fay'],
  ],
  ['items: one order with a Robot', and(orders('count', 'eq', 1, EVER, { products: ['Robot'] })), ['ann', 'bob']],
  [
    'items: categories or products (ann: a Toys order and a Phone order)',
    and(orders('count', 'gte', 2, EVER, { categories: ['Toys'], products: ['Phone'] })),
    ['ann'],
  ],
  ['items in a window', and(orders('count', 'gte', 1, lastDays(90), { categories: ['Books'] })), ['ann', 'dan']],
];

const EVENT_CASES: [string, RuleGroup, Name[]][] = [
  ['did in the last 30 days (dan opened 05-10; bob 04-01 is older)', and(event('email_opened', { window: lastDays(30) })), ['ann', 'dan']],
  ['did not in the last 30 days', and(event('email_opened', { did: false, window: lastDays(30) })), ['bob', 'cat', 'fay']],
  ['did, ever', and(event('email_opened')), ['ann', 'bob', 'dan', 'fay']],
  ['atLeast 3 in 14 days (ann 3, dan 5, bob 2)', and(visits('atLeast', 3)), ['ann', 'dan']],
  ['atMost 2 includes those without visits', and(visits('atMost', 2)), ['bob', 'cat', 'fay']],
  ['exactly 2', and(visits('exactly', 2)), ['bob']],
  ['exactly 0', and(visits('exactly', 0)), ['cat', 'fay']],
  ['did not atLeast 3', and(visits('atLeast', 3, { did: false })), ['bob', 'cat', 'fay']],
  ['did not atMost 2', and(visits('atMost', 2, { did: false })), ['ann', 'dan']],
  ['window between one day', and(event('email_opened', { window: { kind: 'between', from: '2024-01-01', to: '2024-01-01' } })), ['fay']],
  [
    'where string eq ignores case (bob’s /HOME)',
    and(event('visit', { where: [where('page', 'string', 'eq', '/home')] })),
    ['ann', 'bob', 'dan'],
  ],
  [
    'where with a count (dan has one /home visit)',
    and(event('visit', { frequency: { operator: 'atLeast', times: 2 }, where: [where('page', 'string', 'eq', '/home')] })),
    ['ann', 'bob'],
  ],
  ['where string notContains', and(event('visit', { where: [where('page', 'string', 'notContains', 'home')] })), ['dan']],
  ['where number gt', and(event('visit', { where: [where('ms', 'number', 'gt', 1000)] })), ['ann']],
  [
    'where number lt reads numeric strings (bob "900")',
    and(event('visit', { where: [where('ms', 'number', 'lt', 1000)] })),
    ['bob', 'dan'],
  ],
  ['where boolean', and(event('visit', { where: [where('mobile', 'boolean', 'isTrue')] })), ['ann']],
  ['where boolean isNotSet', and(event('visit', { where: [where('mobile', 'boolean', 'isNotSet')] })), ['bob', 'dan']],
  ['where date', and(event('visit', { where: [where('at', 'date', 'before', '2025-06-01')] })), ['ann']],
  ['where list isEmpty (no such property)', and(event('visit', { where: [where('tags', 'list', 'isEmpty')] })), ['ann', 'bob', 'dan']],
  [
    'where, every filter',
    and(event('visit', { where: [where('page', 'string', 'eq', '/home'), where('ms', 'number', 'gte', 1000)] })),
    ['ann'],
  ],
  ['campaign engagement', and(event('email_clicked', { where: [where('campaignId', 'string', 'eq', 'c2')] })), ['ann']],
  [
    'did not open campaign c1',
    and(event('email_opened', { did: false, where: [where('campaignId', 'string', 'eq', 'c1')] })),
    ['cat', 'fay'],
  ],
  ['did not an event nobody did', and(event('email_bounced', { did: false })), EVERYONE],
];

/** Nested groups, also checked through idsQuery's onlyIdsParam. */
const NESTING: [string, RuleGroup, Name[]][] = [
  ['empty and at the root: everyone (not erased, this workspace)', and(), EVERYONE],
  ['empty or at the root: nobody', or(), []],
  ['empty not at the root: everyone', not(), EVERYONE],
  ['a nested empty or makes and fail', and(US, or()), []],
  ['a nested empty and makes or pass', or(US, and()), EVERYONE],
  ['not over an empty and', and(not(and())), []],
  ['not over an empty or', and(not(or())), EVERYONE],
  ['not over an and group', and(not(and(US, field('traits.nightBuyer', 'isTrue')))), ['bob', 'cat', 'dan', 'fay']],
  ['not over an or group', and(not(or(US, field('profile.country', 'eq', 'CA')))), ['cat']],
  ['not with several children = none of them', not(US, field('profile.tags', 'isNotEmpty')), ['cat']],
  ['double negation', and(not(not(US))), ['ann', 'dan']],
  ['the benchmark segment', and(spent500, or(opened30, visits3), field('profile.country', 'in', ['US', 'CA'])), ['ann', 'dan']],
  ['not over set conditions under or', and(not(or(opened30, visits3))), ['bob', 'cat', 'fay']],
  ['not over set and field under and', and(not(and(spent500, US))), ['bob', 'cat', 'fay']],
  [
    'or mixing sets and a field (bob 2 visits, fay CA)',
    or({ ...visits3, frequency: { operator: 'exactly', times: 2 } } as RuleCondition, opened30, field('profile.country', 'eq', 'CA')),
    ['ann', 'bob', 'dan', 'fay'],
  ],
  [
    'or with a did-not',
    or({ ...opened30, did: false } as RuleCondition, field('traits.nightBuyer', 'isTrue')),
    ['ann', 'bob', 'cat', 'fay'],
  ],
  ['a did-not ANDed at the top', and({ ...opened30, did: false } as RuleCondition, field('profile.country', 'eq', 'CA')), ['bob', 'fay']],
  [
    'deep nesting',
    and(or(and(not(or(US)), field('profile.tags', 'isNotEmpty')), and(US, not(not(spent500))))),
    ['ann', 'bob', 'dan', 'fay'],
  ],
  ['node ids are ignored', { ...and({ ...US, id: 'n1' }), id: 'root' }, ['ann', 'dan']],
];

describe('SegmentCompiler on PostgreSQL', () => {
  let ds: DataSource;
  let workspaceId: string;
  let ids: Record<Name, string>;
  let names: Map<string, Name>;
  const compiler = new SegmentCompiler();
  const context = (extra: Partial<CompileContext> = {}): CompileContext => ({
    workspaceId,
    asOf: AS_OF,
    loadSegmentRules: async (id) => SAVED.get(id) ?? null,
    ...extra,
  });

  async function matching(root: RuleGroup): Promise<Name[]> {
    const { sql, params } = idsQuery(await compiler.compile(tree(root), context()));
    const rows: { id: string }[] = await ds.query(sql, params);
    return rows.map((r) => names.get(r.id) ?? (`foreign ${r.id}` as Name)).sort();
  }
  const check = (cases: [string, RuleGroup, Name[]][]) =>
    it.each(cases)('%s', async (_title, root, expected) => expect(await matching(root)).toEqual(expected));

  beforeAll(async () => {
    ds = await connect();
    workspaceId = await insertWorkspace(ds, 'Compiler');
    ids = await insertPeople(ds, workspaceId);
    names = new Map(Object.entries(ids).map(([name, id]) => [id, name as Name]));
    await insertPeople(ds, await insertWorkspace(ds, 'Elsewhere'));
  });
  afterAll(() => ds.destroy());

  describe('string fields (case-insensitive; negative operators match a missing value)', () => {
    check([
      ['eq ignores case', and(field('profile.email', 'eq', 'ANN@EXAMPLE.COM')), ['ann']],
      ['neq matches the customer without email (cat)', and(field('profile.email', 'neq', 'ann@example.com')), ['bob', 'cat', 'dan', 'fay']],
      ['contains, case-insensitive', and(field('profile.email', 'contains', 'EXAMPLE.')), ['ann', 'bob', 'dan', 'fay']],
      ['contains "_" is a literal underscore (only dan_100%)', and(field('profile.email', 'contains', '_')), ['dan']],
      ['contains "0%@" is literal', and(field('profile.email', 'contains', '0%@')), ['dan']],
      ['notContains matches the missing email', and(field('profile.email', 'notContains', 'example.com')), ['bob', 'cat', 'fay']],
      ['startsWith', and(field('profile.email', 'startsWith', 'B')), ['bob']],
      ['startsWith "%" is literal', and(field('profile.email', 'startsWith', '%')), []],
      ['endsWith', and(field('profile.email', 'endsWith', '.ORG')), ['bob']],
      ['in ignores case', and(field('profile.email', 'in', ['Ann@example.com', 'fay@example.net'])), ['ann', 'fay']],
      ['notIn matches the missing email', and(field('profile.email', 'notIn', ['ann@example.com'])), ['bob', 'cat', 'dan', 'fay']],
      ['isSet', and(field('profile.email', 'isSet')), ['ann', 'bob', 'dan', 'fay']],
      ['isNotSet', and(field('profile.email', 'isNotSet')), ['cat']],
      ['a quote in the value', and(field('profile.lastName', 'eq', "o'neil")), ['dan']],
      ['city neq (three without a city)', and(field('profile.city', 'neq', 'toronto')), ['ann', 'cat', 'dan', 'fay']],
    ]);
  });

  describe('option fields (exact)', () => {
    check([
      ['country eq', and(US), ['ann', 'dan']],
      ['country eq is exact (lower case matches nobody)', and(field('profile.country', 'eq', 'us')), []],
      ['country neq matches no country (cat)', and(field('profile.country', 'neq', 'US')), ['bob', 'cat', 'fay']],
      ['country in', and(field('profile.country', 'in', ['US', 'CA'])), ['ann', 'bob', 'dan', 'fay']],
      ['country notIn', and(field('profile.country', 'notIn', ['US'])), ['bob', 'cat', 'fay']],
      ['country isSet', and(field('profile.country', 'isSet')), ['ann', 'bob', 'dan', 'fay']],
      ['country isNotSet', and(field('profile.country', 'isNotSet')), ['cat']],
      ['email consent eq', and(field('consent.email', 'eq', 'subscribed')), ['ann']],
      ['email consent neq matches no consent (cat, fay)', and(field('consent.email', 'neq', 'subscribed')), ['bob', 'cat', 'dan', 'fay']],
      ['email consent in', and(field('consent.email', 'in', ['pending', 'unsubscribed'])), ['bob', 'dan']],
      ['email consent isNotSet', and(field('consent.email', 'isNotSet')), ['cat', 'fay']],
      ['sms consent', and(field('consent.sms', 'eq', 'unsubscribed')), ['ann']],
      ['push consent isSet', and(field('consent.push', 'isSet')), ['dan']],
      ['RFM tier in', and(field('traits.rfmTier', 'in', ['Champions', 'New'])), ['ann', 'dan']],
      [
        'RFM tier notIn matches unscored (cat without traits, fay)',
        and(field('traits.rfmTier', 'notIn', ['Champions'])),
        ['bob', 'cat', 'dan', 'fay'],
      ],
      ['churn risk', and(field('traits.churnRisk', 'eq', 'high')), ['bob']],
      ['preferred category is exact', and(field('traits.preferredCategory', 'eq', 'books')), []],
      ['preferred category', and(field('traits.preferredCategory', 'eq', 'Books')), ['ann']],
    ]);
  });

  describe('number fields (no traits row reads as 0 for counters)', () => {
    check([
      ['gt', and(field('traits.totalSpent', 'gt', 650)), ['ann']],
      ['gte', and(field('traits.totalSpent', 'gte', 650)), ['ann', 'dan']],
      ['lt: cat (no traits) and fay spent 0', and(field('traits.totalSpent', 'lt', 80)), ['cat', 'fay']],
      ['lte', and(field('traits.totalSpent', 'lte', 80)), ['bob', 'cat', 'fay']],
      ['eq 0', and(field('traits.totalSpent', 'eq', 0)), ['cat', 'fay']],
      ['neq 0', and(field('traits.totalSpent', 'neq', 0)), ['ann', 'bob', 'dan']],
      ['between is inclusive', and(field('traits.totalSpent', 'between', [80, 650])), ['bob', 'dan']],
      ['nullable: neq matches missing', and(field('traits.avgOrderValue', 'neq', 400)), ['bob', 'cat', 'dan', 'fay']],
      ['nullable: lt does not match missing', and(field('traits.avgOrderValue', 'lt', 100)), ['bob']],
      ['nullable: isSet', and(field('traits.avgOrderValue', 'isSet')), ['ann', 'bob', 'dan']],
      ['nullable: isNotSet', and(field('traits.avgOrderValue', 'isNotSet')), ['cat', 'fay']],
      ['preferred hour', and(field('traits.preferredHour', 'eq', 22)), ['ann']],
      ['event count (cat without traits reads 0)', and(field('traits.eventCount', 'lte', 1)), ['cat', 'fay']],
      ['engagement', and(field('traits.engagementScore', 'between', [1, 100])), ['ann', 'dan']],
    ]);
  });

  describe('date fields (a date-only bound is a whole UTC day)', () => {
    check([
      ['before a day is before its start (ann ordered on 05-25 10:00)', and(field('traits.lastOrderAt', 'before', '2025-05-25')), ['bob']],
      ['before the next day', and(field('traits.lastOrderAt', 'before', '2025-05-26')), ['ann', 'bob']],
      ['after a day is after its end', and(field('traits.lastOrderAt', 'after', '2025-05-25')), ['dan']],
      ['after an instant', and(field('traits.lastOrderAt', 'after', '2025-05-25T09:00:00Z')), ['ann', 'dan']],
      [
        'after an instant with an offset (10:00+02:00 = 08:00Z)',
        and(field('traits.lastOrderAt', 'after', '2025-05-25T10:00:00+02:00')),
        ['ann', 'dan'],
      ],
      ['between days includes both days', and(field('traits.lastOrderAt', 'between', ['2025-05-25', '2025-05-31'])), ['ann', 'dan']],
      [
        'between instants is inclusive',
        and(field('traits.lastOrderAt', 'between', ['2024-12-01T10:00:00Z', '2025-05-25T10:00:00Z'])),
        ['ann', 'bob'],
      ],
      ['withinLastDays 7 starts 05-25 12:00', and(field('traits.lastOrderAt', 'withinLastDays', 7)), ['dan']],
      ['withinLastDays 8', and(field('traits.lastOrderAt', 'withinLastDays', 8)), ['ann', 'dan']],
      ['moreThanDaysAgo 30 (before 05-02 12:00)', and(field('traits.lastOrderAt', 'moreThanDaysAgo', 30)), ['bob']],
      ['isNotSet', and(field('traits.lastOrderAt', 'isNotSet')), ['cat', 'fay']],
      ['created within the last 7 days', and(field('profile.createdAt', 'withinLastDays', 7)), ['cat']],
      ['created before 2024', and(field('profile.createdAt', 'before', '2024-01-01')), ['fay']],
    ]);
  });

  describe('boolean and list fields', () => {
    check([
      ['isTrue', and(field('traits.nightBuyer', 'isTrue')), ['ann']],
      ['isFalse (no traits row reads false)', and(field('traits.nightBuyer', 'isFalse')), ['bob', 'cat', 'dan', 'fay']],
      ['hasAny is exact (fay has VIP)', and(field('profile.tags', 'hasAny', ['vip'])), ['ann']],
      ['hasAny of several', and(field('profile.tags', 'hasAny', ['VIP', 'newsletter'])), ['ann', 'bob', 'fay']],
      ['hasAll', and(field('profile.tags', 'hasAll', ['vip', 'newsletter'])), ['ann']],
      ['hasNone', and(field('profile.tags', 'hasNone', ['newsletter'])), ['cat', 'dan', 'fay']],
      ['isEmpty', and(field('profile.tags', 'isEmpty')), ['cat', 'dan']],
      ['isNotEmpty', and(field('profile.tags', 'isNotEmpty')), ['ann', 'bob', 'fay']],
    ]);
  });

  describe('custom attributes (a stored value of another type counts as missing)', () => {
    check([
      ['string eq ignores case', and(attr('plan', 'string', 'eq', 'gold')), ['ann', 'fay']],
      ['string neq matches missing (cat)', and(attr('plan', 'string', 'neq', 'gold')), ['bob', 'cat', 'dan']],
      ['string contains', and(attr('plan', 'string', 'contains', 'GOLD')), ['ann', 'dan', 'fay']],
      ['string notContains', and(attr('plan', 'string', 'notContains', 'old')), ['bob', 'cat']],
      ['string startsWith', and(attr('plan', 'string', 'startsWith', 'gold ')), ['dan']],
      ['string endsWith', and(attr('plan', 'string', 'endsWith', 'PLUS')), ['dan']],
      ['string in', and(attr('plan', 'string', 'in', ['SILVER', 'gold plus'])), ['bob', 'dan']],
      ['string notIn', and(attr('plan', 'string', 'notIn', ['gold'])), ['bob', 'cat', 'dan']],
      ['string isNotSet', and(attr('plan', 'string', 'isNotSet')), ['cat']],
      ['string read: JSON numbers are not strings (bob stores "29")', and(attr('age', 'string', 'isSet')), ['bob']],
      ['number gt (bob stores "29", a numeric string)', and(attr('age', 'number', 'gt', 30)), ['ann', 'dan']],
      ['number lt reads the numeric string', and(attr('age', 'number', 'lt', 30)), ['bob']],
      ['number eq', and(attr('age', 'number', 'eq', 29)), ['bob']],
      ['number neq matches missing', and(attr('age', 'number', 'neq', 34)), ['bob', 'cat', 'dan', 'fay']],
      ['number gte a decimal', and(attr('age', 'number', 'gte', 51.5)), ['dan']],
      ['number lte', and(attr('age', 'number', 'lte', 34)), ['ann', 'bob']],
      ['number between', and(attr('age', 'number', 'between', [30, 40])), ['ann']],
      ['number isNotSet', and(attr('age', 'number', 'isNotSet')), ['cat', 'fay']],
      ['number: "abc" is missing, "42" is 42', and(attr('score', 'number', 'isSet')), ['ann']],
      ['number of a text attribute is missing', and(attr('plan', 'number', 'isSet')), []],
      ['date isSet: 1985-02-30 is not a date', and(attr('birthday', 'date', 'isSet')), ['ann', 'dan']],
      ['date isNotSet', and(attr('birthday', 'date', 'isNotSet')), ['bob', 'cat', 'fay']],
      ['date before', and(attr('birthday', 'date', 'before', '2000-01-01')), ['ann']],
      ['date after a day is after its end', and(attr('birthday', 'date', 'after', '1990-05-20')), ['dan']],
      ['date between one day', and(attr('birthday', 'date', 'between', ['1990-05-20', '1990-05-20'])), ['ann']],
      ['date withinLastDays', and(attr('birthday', 'date', 'withinLastDays', 30)), ['dan']],
      ['date moreThanDaysAgo', and(attr('birthday', 'date', 'moreThanDaysAgo', 365)), ['ann']],
      ['boolean isTrue (fay stores "TRUE")', and(attr('beta', 'boolean', 'isTrue')), ['ann', 'fay']],
      ['boolean isFalse ("yes" is not a boolean)', and(attr('beta', 'boolean', 'isFalse')), ['dan']],
      ['boolean isSet', and(attr('beta', 'boolean', 'isSet')), ['ann', 'dan', 'fay']],
      ['boolean isNotSet', and(attr('beta', 'boolean', 'isNotSet')), ['bob', 'cat']],
      ['list hasAny', and(attr('interests', 'list', 'hasAny', ['wine'])), ['ann', 'fay']],
      ['list hasAll', and(attr('interests', 'list', 'hasAll', ['golf', 'wine'])), ['ann']],
      [
        'list hasNone matches missing and a non-list (bob stores "golf")',
        and(attr('interests', 'list', 'hasNone', ['golf'])),
        ['bob', 'cat', 'dan', 'fay'],
      ],
      ['list isEmpty: missing or []', and(attr('interests', 'list', 'isEmpty')), ['bob', 'cat', 'dan']],
      ['list isNotEmpty', and(attr('interests', 'list', 'isNotEmpty')), ['ann', 'fay']],
      ['list: an array of numbers is not a list (dan stores [1, 2])', and(attr('codes', 'list', 'isNotEmpty')), ['ann']],
      ['list hasNone over a non-list', and(attr('codes', 'list', 'hasNone', ['a'])), ['bob', 'cat', 'dan', 'fay']],
      ['date: an offset without a colon is not a date (dan)', and(attr('seen', 'date', 'isSet')), ['ann']],
      ['an attribute nobody has', and(attr('nothing', 'string', 'isSet')), []],
    ]);
  });

  describe('orders (customers without orders have count 0 and sum 0)', () => {
    check(ORDER_CASES);
  });

  describe('events', () => {
    check(EVENT_CASES);
  });

  describe('order and event conditions tested per customer behind a driver (ANDed with "spent more than 50": ann, bob, dan)', () => {
    const buyers: Name[] = ['ann', 'bob', 'dan'];
    const ordered = { type: 'orders', measure: 'sum', operator: 'gt', value: 50, window: EVER } as RuleCondition;
    const cases = [...ORDER_CASES, ...EVENT_CASES].flatMap(([title, root, expected]): [string, RuleGroup, Name[]][] => [
      [`${title}, behind the driver`, and(ordered, root), expected.filter((name) => buyers.includes(name))],
      [`not (${title}), behind the driver`, and(ordered, not(root)), buyers.filter((name) => !expected.includes(name))],
      [
        `${title} or no email, behind the driver`,
        and(ordered, or(root, field('profile.email', 'isNotSet'))),
        expected.filter((name) => buyers.includes(name)),
      ],
    ]);
    check(cases);
  });

  describe('segment membership', () => {
    check([
      ['in', and(segment(S_US)), ['ann', 'dan']],
      ['notIn', and(segment(S_US, 'notIn')), ['bob', 'cat', 'fay']],
      ['in a segment made of segments', and(segment(S_NESTED)), ['ann', 'dan']],
      ['notIn a segment made of segments', and(segment(S_NESTED, 'notIn')), ['bob', 'cat', 'fay']],
      ['in one, not in another', and(segment(S_BUYER), segment(S_US, 'notIn')), ['bob']],
      ['not over a segment', and(not(segment(S_BUYER))), ['cat', 'fay']],
      ['notIn a segment of event conditions', and(segment(S_RECENT, 'notIn')), ['bob', 'cat', 'fay']],
      ['a chain of 10 references', and(segment(chain(1))), ['ann', 'dan']],
    ]);
  });

  describe('groups and nesting', () => {
    check(NESTING);
  });

  it('idsQuery with onlyIdsParam: for ann, bob and Eve (erased), the trees above select what they select of everyone', async () => {
    const subset: Name[] = ['ann', 'bob', 'eve'];
    for (const [title, root, expected] of NESTING) {
      const { sql, params } = idsQuery(await compiler.compile(tree(root), context()), { onlyIdsParam: true });
      const rows: { id: string }[] = await ds.query(sql, [...params, subset.map((name) => ids[name])]);
      expect([title, rows.map((r) => names.get(r.id)).sort()]).toEqual([title, expected.filter((name) => subset.includes(name))]);
    }
  });

  describe('what the compiled segment says', () => {
    it('$1 is the workspace; every value is a parameter', async () => {
      const compiled = await compiler.compile(
        tree(and(field('profile.email', 'eq', 'ann@example.com'), attr('plan', 'string', 'eq', 'Gold'))),
        context(),
      );
      expect(compiled.params[0]).toBe(workspaceId);
      expect(compiled.params).toEqual(expect.arrayContaining(['ann@example.com', 'plan', 'Gold']));
      expect(compiled.predicate).not.toMatch(/ann@example|plan|Gold/);
    });

    it('the same value of the same type is bound once', async () => {
      const compiled = await compiler.compile(tree(or(US, and(US, field('profile.city', 'eq', 'US')))), context());
      expect(compiled.params).toEqual([workspaceId, 'US', 'US']); // bpchar and text: two parameters, one each
    });

    it('timeRelative: relative windows and operators, also through a referenced segment', async () => {
      const relative = async (root: RuleGroup) => (await compiler.compile(tree(root), context())).timeRelative;
      expect(await relative(and(US, field('traits.lastOrderAt', 'before', '2025-01-01')))).toBe(false);
      expect(
        await relative(
          and({
            type: 'orders',
            measure: 'count',
            operator: 'gt',
            value: 0,
            window: { kind: 'between', from: '2025-01-01', to: '2025-02-01' },
          }),
        ),
      ).toBe(false);
      expect(await relative(and(field('traits.lastOrderAt', 'withinLastDays', 3)))).toBe(true);
      expect(await relative(and(attr('birthday', 'date', 'moreThanDaysAgo', 3)))).toBe(true);
      expect(await relative(and({ type: 'orders', measure: 'count', operator: 'gt', value: 0, window: lastDays(3) }))).toBe(true);
      expect(await relative(and(segment(S_RECENT)))).toBe(true);
    });

    it('referencedSegmentIds: every segment referenced, transitively', async () => {
      const compiled = await compiler.compile(tree(and(segment(S_NESTED), segment(S_US, 'notIn'))), context());
      expect([...compiled.referencedSegmentIds].sort()).toEqual([S_US, S_BUYER, S_NESTED].sort());
      expect((await compiler.compile(tree(and(US)), context())).referencedSegmentIds).toEqual([]);
    });
  });

  describe('queries', () => {
    const usOrCa = tree(and(field('profile.country', 'in', ['US', 'CA'])));

    it('countQuery counts the matching customers of the workspace, erased ones left out', async () => {
      const { sql, params } = countQuery(await compiler.compile(usOrCa, context()));
      expect(await ds.query(sql, params)).toEqual([{ count: 4 }]);
    });

    it('sampleQuery: newest first, limited, with the summary columns', async () => {
      const { sql, params } = sampleQuery(await compiler.compile(usOrCa, context()), 2);
      const rows = await ds.query(sql, params);
      expect(rows).toEqual([
        {
          id: ids.dan,
          email: 'dan_100%@example.com',
          firstName: 'Dan',
          lastName: "O'Neil",
          country: 'US',
          rfmTier: 'New',
          totalSpent: '650.00',
        },
        { id: ids.bob, email: 'bob@example.org', firstName: 'Bob', lastName: null, country: 'CA', rfmTier: 'At risk', totalSpent: '80.00' },
      ]);
    });

    it('idsQuery with onlyIdsParam evaluates only the given customers', async () => {
      const { sql, params } = idsQuery(await compiler.compile(usOrCa, context()), { onlyIdsParam: true });
      const rows: { id: string }[] = await ds.query(sql, [...params, [ids.ann, ids.bob, ids.cat, ids.eve]]);
      expect(rows.map((r) => names.get(r.id)).sort()).toEqual(['ann', 'bob']);
    });
  });

  describe('segment references that cannot compile', () => {
    const failure = (root: RuleGroup, extra: Partial<CompileContext> = {}) => compiler.compile(tree(root), context(extra)).catch((e) => e);

    it('a segment referring to itself', async () => {
      const error = await failure(and(US, segment(S_US)), { selfId: S_US });
      expect(error).toMatchObject({ code: 'segment-cycle', status: 400, errors: [{ field: 'rules.root.children[1].segmentId' }] });
    });

    it('a segment referring to itself through another (saving S_LOOP_A, which uses S_LOOP_B, which uses S_LOOP_A)', async () => {
      const error = await failure(and(segment(S_LOOP_B)), { selfId: S_LOOP_A });
      expect(error).toMatchObject({
        code: 'segment-cycle',
        status: 400,
        errors: [
          { field: 'rules.root.children[0].segmentId', message: expect.stringContaining(`${S_LOOP_A} → ${S_LOOP_B} → ${S_LOOP_A}`) },
        ],
      });
    });

    it('a preview using a segment caught in a cycle', async () => {
      const error = await failure(and(US, not(segment(S_LOOP_A))));
      expect(error).toMatchObject({ code: 'segment-cycle', errors: [{ field: 'rules.root.children[1].children[0].segmentId' }] });
    });

    it('a missing segment', async () => {
      const error = await failure(and(US, segment(S_MISSING)));
      expect(error).toMatchObject({
        code: 'invalid-segment-rules',
        status: 400,
        errors: [{ field: 'rules.root.children[1].segmentId', message: expect.stringContaining('does not exist') }],
      });
    });

    it('a segment with invalid stored rules', async () => {
      const error = await failure(and(segment(S_BROKEN)));
      expect(error).toMatchObject({
        code: 'invalid-segment-rules',
        errors: [{ field: 'rules.root.children[0].segmentId', message: expect.stringContaining('invalid rules') }],
      });
    });

    it('references nested more than 10 deep', async () => {
      const error = await failure(and(segment(chain(0))));
      expect(error).toMatchObject({
        code: 'invalid-segment-rules',
        errors: [{ field: 'rules.root.children[0].segmentId', message: expect.stringContaining('at most 10') }],
      });
    });
  });
});
