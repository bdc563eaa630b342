import type { RuleCondition, SegmentFields, SegmentRules } from '../builder/rule-types';
import type { SegmentExplainNode } from './segment-api';
import { comparisonText, conditionText, describeRules, explainRules, fieldLabel, formatValue, RuleLine, RuleNames } from './rules-summary';

const catalogue = {
  fields: [
    { key: 'profile.country', label: 'Country', group: 'Profile', dataType: 'option', operators: ['in', 'notIn'], options: ['US', 'CA'] },
    { key: 'traits.totalSpent', label: 'Total spent', group: 'Traits', dataType: 'number', operators: ['gt'] },
    { key: 'traits.lastOrderAt', label: 'Last order', group: 'Traits', dataType: 'date', operators: ['withinLastDays'] },
    { key: 'traits.nightBuyer', label: 'Night buyer', group: 'Traits', dataType: 'boolean', operators: ['isTrue'] },
    { key: 'profile.tags', label: 'Tags', group: 'Profile', dataType: 'list', operators: ['hasAny'] },
    { key: 'profile.email', label: 'Email', group: 'Profile', dataType: 'string', operators: ['contains'] },
  ],
  options: { countries: [], tags: [], categories: [], products: [], eventTypes: [], attributes: [] },
} satisfies SegmentFields;

const names: RuleNames = { catalogue, segmentName: (id) => (id === 's-vip' ? 'VIPs' : undefined) };
const say = (condition: RuleCondition, n: RuleNames = names) => conditionText(condition, n);

/** A line tree as indented text, to compare whole trees at a glance. */
function outline(line: RuleLine, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${line.text}`, ...line.children.flatMap((c) => outline(c, depth + 1))];
}

describe('rules summary', () => {
  it('renders nested and / or / not groups as nested lines', () => {
    const rules: SegmentRules = {
      version: 1,
      root: {
        type: 'group',
        operator: 'and',
        children: [
          { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] },
          {
            type: 'group',
            operator: 'or',
            children: [
              { type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } },
              {
                type: 'event',
                event: 'visit',
                did: true,
                frequency: { operator: 'atLeast', times: 3 },
                window: { kind: 'lastDays', days: 14 },
              },
            ],
          },
          { type: 'group', operator: 'not', children: [{ type: 'segment', segmentId: 's-vip', operator: 'in' }] },
          { type: 'group', operator: 'or', children: [] },
        ],
      },
    };
    expect(outline(describeRules(rules, names))).toEqual([
      'All of',
      '  Country is any of US, CA',
      '  Any of',
      '    Did email_opened in the last 30 days',
      '    Did visit at least 3 times in the last 14 days',
      '  None of',
      '    In segment VIPs',
      '  Any of (no conditions: nobody)',
    ]);
    const root = describeRules(rules, names);
    expect(root.group).toBe(true);
    expect(root.children[0].group).toBe(false);
  });

  it('says what an empty top-level group matches', () => {
    expect(describeRules({ version: 1, root: { type: 'group', operator: 'and', children: [] } }, names).text).toBe(
      'All of (no conditions: everyone)',
    );
    expect(describeRules({ version: 1, root: { type: 'group', operator: 'not', children: [] } }, names).text).toBe(
      'None of (no conditions: everyone)',
    );
  });

  it('describes field conditions of every data type with the catalogue labels', () => {
    expect(say({ type: 'field', field: 'traits.totalSpent', operator: 'gt', value: 1500 })).toBe('Total spent is greater than 1,500');
    expect(say({ type: 'field', field: 'traits.totalSpent', operator: 'between', value: [100, 500] })).toBe(
      'Total spent is between 100 and 500',
    );
    expect(say({ type: 'field', field: 'traits.totalSpent', operator: 'eq', value: 7 })).toBe('Total spent equals 7');
    expect(say({ type: 'field', field: 'traits.lastOrderAt', operator: 'withinLastDays', value: 90 })).toBe(
      'Last order in the last 90 days',
    );
    expect(say({ type: 'field', field: 'traits.lastOrderAt', operator: 'before', value: '2026-03-05' })).toBe(
      'Last order is before Mar 5, 2026',
    );
    expect(say({ type: 'field', field: 'traits.nightBuyer', operator: 'isTrue' })).toBe('Night buyer is true');
    expect(say({ type: 'field', field: 'profile.tags', operator: 'hasAny', value: ['vip', 'beta'] })).toBe('Tags has any of vip, beta');
    expect(say({ type: 'field', field: 'profile.email', operator: 'contains', value: 'gmail' })).toBe('Email contains “gmail”');
    expect(say({ type: 'field', field: 'profile.country', operator: 'isNotSet' })).toBe('Country is not set');
  });

  it('names a field the catalogue does not hold (or before it loads) from its key', () => {
    const bare: RuleNames = { catalogue: null, segmentName: () => undefined };
    expect(say({ type: 'field', field: 'traits.churnRisk', operator: 'eq', value: 'high' }, bare)).toBe('Churn risk is “high”');
    expect(fieldLabel('consent.email')).toBe('Email consent');
    expect(fieldLabel('traits.rfmTier')).toBe('Rfm tier');
  });

  it('describes custom attributes, orders, events and segment membership', () => {
    expect(say({ type: 'attribute', key: 'plan', valueType: 'string', operator: 'in', value: ['pro', 'team'] })).toBe(
      'Attribute plan is any of pro, team',
    );
    expect(say({ type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } })).toBe(
      'Amount spent in the last 90 days is greater than 500',
    );
    expect(
      say({
        type: 'orders',
        measure: 'count',
        operator: 'gte',
        value: 2,
        window: { kind: 'ever' },
        items: { categories: ['Shoes', 'Bags'], products: ['Trail runner'] },
      }),
    ).toBe('Orders in Shoes, Bags or on Trail runner ever is at least 2');
    expect(
      say({
        type: 'orders',
        measure: 'count',
        operator: 'between',
        value: [1, 3],
        window: { kind: 'between', from: '2026-01-01', to: '2026-03-31' },
      }),
    ).toBe('Orders between Jan 1, 2026 and Mar 31, 2026 is between 1 and 3');
    expect(
      say({
        type: 'event',
        event: 'email_clicked',
        did: true,
        frequency: { operator: 'exactly', times: 1 },
        window: { kind: 'ever' },
        where: [{ key: 'campaignId', valueType: 'string', operator: 'eq', value: 'c-9' }],
      }),
    ).toBe('Did email_clicked exactly once ever where campaignId is “c-9”');
    expect(say({ type: 'event', event: 'visit', did: false, window: { kind: 'lastDays', days: 1 } })).toBe(
      'Did not do visit in the last 1 day',
    );
    expect(say({ type: 'segment', segmentId: 's-vip', operator: 'notIn' })).toBe('Not in segment VIPs');
    expect(say({ type: 'segment', segmentId: 's-gone', operator: 'in' })).toBe('In segment a deleted segment');
  });

  it('formats values for reading', () => {
    expect(formatValue(612.4)).toBe('612.4');
    expect(formatValue(1234567)).toBe('1,234,567');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('(none)');
    expect(formatValue(['US', 'CA'])).toBe('US, CA');
    expect(formatValue('2026-11-02T12:30:00Z')).toBe('Nov 2, 2026');
  });
});

describe('explained rules', () => {
  const rules: SegmentRules = {
    version: 1,
    root: {
      type: 'group',
      operator: 'and',
      children: [
        { type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } },
        { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] },
        { type: 'event', event: 'visit', did: true, frequency: { operator: 'atLeast', times: 3 }, window: { kind: 'ever' } },
      ],
    },
  };

  it('marks each condition met or missed with the customer value against the rule value', () => {
    const line = explainRules(
      rules,
      {
        path: 'rules.root',
        type: 'group',
        matched: false,
        expected: { operator: 'and' },
        children: [
          { path: 'rules.root.children[0]', type: 'orders', matched: true, actual: 612.4, expected: { measure: 'sum', operator: 'gt' } },
          {
            path: 'rules.root.children[1]',
            type: 'field',
            matched: false,
            actual: 'DE',
            expected: { operator: 'in', value: ['US', 'CA'] },
          },
          { path: 'rules.root.children[2]', type: 'event', matched: false, actual: 2, expected: { did: true } },
        ],
      },
      names,
    );
    expect(line).toMatchObject({ text: 'All of', matched: false, comparison: null });
    expect(line.children.map((c) => [c.matched, c.comparison])).toEqual([
      [true, '612.4 > 500'],
      [false, 'DE in US, CA'],
      [false, '2 ≥ 3'],
    ]);
    expect(line.children[0].text).toBe('Amount spent in the last 90 days is greater than 500');
  });

  it('compares each kind of condition in its own terms', () => {
    const node = (actual: unknown): SegmentExplainNode => ({ path: 'p', type: 'x', matched: false, actual: actual as SegmentExplainNode['actual'] });
    expect(comparisonText({ type: 'field', field: 'profile.country', operator: 'isSet' }, node(null))).toBe('(none)');
    expect(comparisonText({ type: 'field', field: 'traits.totalSpent', operator: 'between', value: [1, 9] }, node(5))).toBe(
      '5 between 1 and 9',
    );
    expect(
      comparisonText({ type: 'field', field: 'traits.lastOrderAt', operator: 'withinLastDays', value: 30 }, node('2026-10-01T10:00:00Z')),
    ).toBe('Oct 1, 2026 within the last 30 days');
    expect(comparisonText({ type: 'segment', segmentId: 's-vip', operator: 'notIn' }, node(true))).toBe('member: yes');
    expect(comparisonText({ type: 'event', event: 'visit', did: false, window: { kind: 'ever' } }, node(0))).toBe('0 < 1');
    expect(
      comparisonText(
        { type: 'event', event: 'visit', did: false, frequency: { operator: 'atMost', times: 2 }, window: { kind: 'ever' } },
        node(5),
      ),
    ).toBe('5 > 2');
    expect(
      comparisonText({ type: 'orders', measure: 'count', operator: 'between', value: [2, 4], window: { kind: 'ever' } }, node(0)),
    ).toBe('0 between 2 and 4');
  });

  it('marks a node the explanation lacks as missed, without a comparison', () => {
    const line = explainRules(rules, { path: 'root', type: 'group', matched: true, children: [] }, names);
    expect(line.matched).toBe(true);
    expect(line.children.every((c) => !c.matched && c.comparison === null)).toBe(true);
  });
});
