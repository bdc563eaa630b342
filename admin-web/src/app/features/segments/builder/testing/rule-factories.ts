import type { RuleCondition, RuleGroup, RuleNode, SegmentFields, SegmentRules } from '../rule-types';

/** Test data for the rule builder. Each factory returns a valid object; pass what the test cares about. */

export function aGroup(id: string, children: RuleNode[] = [], operator: RuleGroup['operator'] = 'and'): RuleGroup {
  return { id, type: 'group', operator, children };
}

export function aCondition(id: string, overrides: Partial<RuleCondition> = {}): RuleCondition {
  return { id, type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'], ...overrides } as RuleCondition;
}

export function someRules(root: RuleGroup): SegmentRules {
  return { version: 1, root };
}

/** root(and): [c1 country, g1(or): [c2 total spent, c3 email_opened], c4 night buyer] */
export function nestedRules(): SegmentRules {
  return someRules(
    aGroup('root', [
      aCondition('c1'),
      aGroup(
        'g1',
        [
          aCondition('c2', { field: 'traits.totalSpent', operator: 'gt', value: 500 }),
          { id: 'c3', type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } },
        ],
        'or',
      ),
      aCondition('c4', { field: 'traits.nightBuyer', operator: 'isTrue', value: undefined }),
    ]),
  );
}

export function someFields(): SegmentFields {
  const fields: SegmentFields['fields'] = [
    { key: 'profile.email', label: 'Email', group: 'Profile', dataType: 'string', operators: ['eq', 'neq', 'contains', 'in', 'isSet'] },
    { key: 'profile.city', label: 'City', group: 'Profile', dataType: 'string', operators: ['eq', 'neq', 'contains', 'in', 'isSet'] },
    {
      key: 'profile.country',
      label: 'Country',
      group: 'Profile',
      dataType: 'option',
      operators: ['eq', 'neq', 'in', 'notIn'],
      optionsSource: 'countries',
    },
    {
      key: 'profile.tags',
      label: 'Tags',
      group: 'Profile',
      dataType: 'list',
      operators: ['hasAny', 'hasAll', 'hasNone', 'isEmpty'],
      optionsSource: 'tags',
    },
    {
      key: 'profile.createdAt',
      label: 'Created',
      group: 'Profile',
      dataType: 'date',
      operators: ['before', 'after', 'between', 'withinLastDays'],
    },
    {
      key: 'consent.email',
      label: 'Email consent',
      group: 'Consent',
      dataType: 'option',
      operators: ['eq', 'neq', 'in', 'notIn'],
      options: ['subscribed', 'unsubscribed', 'pending'],
    },
    {
      key: 'traits.totalSpent',
      label: 'Total spent',
      group: 'Traits',
      dataType: 'number',
      operators: ['gt', 'gte', 'lt', 'lte', 'eq', 'between'],
    },
    {
      key: 'traits.orderCount',
      label: 'Order count',
      group: 'Traits',
      dataType: 'number',
      operators: ['gt', 'gte', 'lt', 'lte', 'eq', 'between'],
    },
    {
      key: 'traits.rfmTier',
      label: 'RFM tier',
      group: 'Traits',
      dataType: 'option',
      operators: ['eq', 'in', 'notIn'],
      options: ['Champions', 'Loyal'],
    },
    { key: 'traits.nightBuyer', label: 'Night buyer', group: 'Traits', dataType: 'boolean', operators: ['isTrue', 'isFalse'] },
  ];
  return {
    fields,
    options: {
      countries: [
        { value: 'US', count: 10 },
        { value: 'CA', count: 4 },
        { value: 'DE', count: 3 },
      ],
      tags: [{ value: 'vip', count: 2 }],
      categories: [{ value: 'Shoes', count: 9 }],
      products: [{ value: 'Trail runner', count: 5 }],
      eventTypes: [
        { type: 'email_opened', properties: [{ key: 'campaign', valueType: 'string', types: ['string'], count: 8 }] },
        { type: 'page_view', properties: [] },
      ],
      attributes: [{ key: 'plan', valueType: 'string', types: ['string'], count: 5 }],
    },
  };
}
