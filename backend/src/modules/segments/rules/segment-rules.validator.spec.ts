import { DomainError } from '../../../platform/errors/domain-error';
import type { FieldProblem } from '../../../platform/errors/domain-error';
import type { RuleGroup, RuleNode } from './segment-rules.types';
import { MAX_RULE_DEPTH, MAX_RULE_NODES, validateSegmentRules } from './segment-rules.validator';

const group = (operator: RuleGroup['operator'], ...children: unknown[]) => ({ type: 'group', operator, children });
const rules = (...children: unknown[]) => ({ version: 1, root: group('and', ...children) });
const field = (key: string, operator: string, value?: unknown) => ({ type: 'field', field: key, operator, ...(value === undefined ? {} : { value }) });
const attr = (key: string, valueType: string, operator: string, value?: unknown) => ({ type: 'attribute', key, valueType, operator, ...(value === undefined ? {} : { value }) });
const orders = (extra: object = {}) => ({ type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 }, ...extra });
const event = (extra: object = {}) => ({ type: 'event', event: 'email_opened', did: true, window: { kind: 'ever' }, ...extra });

/** The problems a tree is rejected with (fails the test when it is accepted). */
function problems(input: unknown): FieldProblem[] {
  try {
    validateSegmentRules(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid-segment-rules', status: 400 });
    return (error as DomainError).errors;
  }
  throw new Error('the tree was accepted');
}
const fields = (input: unknown) => problems(input).map((p) => p.field);

describe('validateSegmentRules', () => {
  describe('accepts', () => {
    it('a tree with every kind of node, nested, and returns it', () => {
      const tree = rules(
        field('profile.email', 'contains', 'example'),
        field('profile.country', 'in', ['US', 'CA']),
        field('profile.tags', 'hasAll', ['vip']),
        field('profile.createdAt', 'between', ['2025-01-01', '2025-02-01T10:00:00+02:00']),
        field('traits.totalSpent', 'between', [0, 100.5]),
        field('traits.lastOrderAt', 'withinLastDays', 30),
        field('traits.nightBuyer', 'isFalse'),
        field('traits.rfmTier', 'eq', 'Champions'),
        field('consent.email', 'isNotSet'),
        attr('plan', 'string', 'startsWith', 'Gold'),
        attr('age', 'number', 'lte', 40),
        attr('birthday', 'date', 'moreThanDaysAgo', 36500),
        attr('beta', 'boolean', 'isTrue'),
        attr('interests', 'list', 'hasNone', ['golf']),
        orders({ id: 'n1', items: { categories: ['Books'], products: ['Atlas'] } }),
        orders({ measure: 'count', operator: 'between', value: [1, 3], window: { kind: 'between', from: '2025-01-01', to: '2025-01-01' } }),
        group('or', event({ frequency: { operator: 'exactly', times: 0 }, where: [{ key: 'campaignId', valueType: 'string', operator: 'eq', value: 'c1' }] }), group('not')),
        group('not', { type: 'segment', segmentId: '8f9c2b6e-3f0a-4b8e-9f51-0c2d7c1b4a10', operator: 'notIn' }),
      );
      expect(validateSegmentRules(tree)).toBe(tree);
    });

    it(`${MAX_RULE_DEPTH} levels of groups and ${MAX_RULE_NODES} nodes`, () => {
      let deep: unknown = group('and');
      for (let i = 1; i < MAX_RULE_DEPTH; i++) deep = group('not', deep);
      expect(() => validateSegmentRules({ version: 1, root: deep })).not.toThrow();
      const wide = rules(...Array.from({ length: MAX_RULE_NODES - 1 }, () => field('profile.country', 'eq', 'US')));
      expect(() => validateSegmentRules(wide)).not.toThrow();
    });
  });

  describe('structure (JSON Schema), one problem per property with its JSON path', () => {
    it.each<[string, unknown, FieldProblem[]]>([
      ['not an object', 'everyone', [{ field: 'rules', message: 'must be object' }]],
      ['missing version and root', {}, [{ field: 'rules.version', message: 'is required' }, { field: 'rules.root', message: 'is required' }]],
      ['an unknown version', { version: 2, root: group('and') }, [{ field: 'rules.version', message: 'must be one of: 1' }]],
      ['an unknown top-level property', { ...rules(), extra: 1 }, [{ field: 'rules.extra', message: 'is not allowed here' }]],
      ['a root that is not a group', { version: 1, root: field('profile.country', 'eq', 'US') }, [{ field: 'rules.root.type', message: 'must be one of: group' }]],
      ['a bad group operator', { version: 1, root: group('xor' as never) }, [{ field: 'rules.root.operator', message: 'must be one of: and, or, not' }]],
      [
        'an unknown node type',
        rules({ type: 'trait', field: 'x' }),
        [{ field: 'rules.root.children[0].type', message: 'must be one of: group, field, attribute, orders, event, segment' }],
      ],
      ['a node without type', rules({ field: 'x' }), [{ field: 'rules.root.children[0].type', message: 'must be one of: group, field, attribute, orders, event, segment' }]],
      ['a condition without operator', rules({ type: 'field', field: 'profile.country' }), [{ field: 'rules.root.children[0].operator', message: 'is required' }]],
      ['an unknown operator', rules(field('profile.country', 'like', 'US')), [{ field: 'rules.root.children[0].operator', message: expect.stringMatching(/^must be one of: eq, neq/) }]],
      ['a property of another kind of condition', rules({ ...field('profile.country', 'eq', 'US'), window: { kind: 'ever' } }), [{ field: 'rules.root.children[0].window', message: 'is not allowed here' }]],
      ['a value of no accepted shape (reported once)', rules(field('profile.country', 'eq', { code: 'US' })), [{ field: 'rules.root.children[0].value', message: 'must be a string or number or boolean or list' }]],
      ['a list holding objects', rules(field('profile.country', 'in', [{}])), [{ field: 'rules.root.children[0].value', message: 'must be a string or number or boolean or list' }]],
      [
        'an attribute key with other characters',
        rules(attr('plan-name', 'string', 'eq', 'x')),
        [{ field: 'rules.root.children[0].key', message: 'must start with a letter and hold only letters, digits and _ (at most 64 characters)' }],
      ],
      ['an attribute key too long', rules(attr(`a${'b'.repeat(64)}`, 'string', 'isSet')), [{ field: 'rules.root.children[0].key', message: expect.stringContaining('at most 64') }]],
      ['an unknown attribute type', rules(attr('plan', 'json', 'isSet')), [{ field: 'rules.root.children[0].valueType', message: 'must be one of: string, number, date, boolean, list' }]],
      ['orders without a window', rules({ ...orders(), window: undefined }), [{ field: 'rules.root.children[0].window', message: 'is required' }]],
      ['an unknown window kind', rules(orders({ window: { kind: 'forever' } })), [{ field: 'rules.root.children[0].window.kind', message: 'must be one of: ever, lastDays, between' }]],
      ['lastDays of 0', rules(orders({ window: { kind: 'lastDays', days: 0 } })), [{ field: 'rules.root.children[0].window.days', message: 'must be >= 1' }]],
      ['lastDays of 1.5', rules(orders({ window: { kind: 'lastDays', days: 1.5 } })), [{ field: 'rules.root.children[0].window.days', message: 'must be integer' }]],
      ['lastDays over 100 years', rules(orders({ window: { kind: 'lastDays', days: 36501 } })), [{ field: 'rules.root.children[0].window.days', message: 'must be <= 36500' }]],
      ['orders value of no accepted shape', rules(orders({ value: '500' })), [{ field: 'rules.root.children[0].value', message: 'must be a number or list' }]],
      ['empty items', rules(orders({ items: {} })), [{ field: 'rules.root.children[0].items', message: 'must NOT have fewer than 1 properties' }]],
      ['an empty category list', rules(orders({ items: { categories: [] } })), [{ field: 'rules.root.children[0].items.categories', message: 'must NOT have fewer than 1 items' }]],
      ['an event name over 100 characters', rules(event({ event: 'e'.repeat(101) })), [{ field: 'rules.root.children[0].event', message: 'must NOT have more than 100 characters' }]],
      ['an empty event name', rules(event({ event: '' })), [{ field: 'rules.root.children[0].event', message: 'must NOT have fewer than 1 characters' }]],
      ['did that is not a boolean', rules(event({ did: 'yes' })), [{ field: 'rules.root.children[0].did', message: 'must be boolean' }]],
      ['a negative frequency', rules(event({ frequency: { operator: 'atLeast', times: -1 } })), [{ field: 'rules.root.children[0].frequency.times', message: 'must be >= 0' }]],
      ['a property filter key with a dot', rules(event({ where: [{ key: 'a.b', valueType: 'string', operator: 'isSet' }] })), [{ field: 'rules.root.children[0].where[0].key', message: expect.stringContaining('must start with a letter') }]],
      ['a segment id that is not a uuid', rules({ type: 'segment', segmentId: 'vip', operator: 'in' }), [{ field: 'rules.root.children[0].segmentId', message: 'must be a uuid' }]],
      ['a segment condition with a bad operator', rules({ type: 'segment', segmentId: '8f9c2b6e-3f0a-4b8e-9f51-0c2d7c1b4a10', operator: 'is' }), [{ field: 'rules.root.children[0].operator', message: 'must be one of: in, notIn' }]],
      [
        'problems in several nodes, nested',
        rules(field('profile.country', 'eq', 'US'), group('or', orders({ measure: 'avg' }), { type: 'segment', operator: 'in' })),
        [
          { field: 'rules.root.children[1].children[0].measure', message: 'must be one of: count, sum' },
          { field: 'rules.root.children[1].children[1].segmentId', message: 'is required' },
        ],
      ],
    ])('%s', (_title, input, expected) => expect(problems(input)).toEqual(expected));
  });

  describe('meaning (catalogue, operators per type, values per operator, dates)', () => {
    const at = (node: unknown) => problems(rules(field('profile.country', 'eq', 'US'), node));
    it.each<[string, unknown, FieldProblem]>([
      ['a field not in the catalogue', field('profile.shoeSize', 'eq', '42'), { field: 'rules.root.children[1].field', message: '"profile.shoeSize" is not a segment field' }],
      ['an operator of another data type', field('traits.totalSpent', 'contains', '5'), { field: 'rules.root.children[1].operator', message: expect.stringContaining('for a number value') }],
      ['isSet on a field that is never missing', field('traits.totalSpent', 'isSet'), { field: 'rules.root.children[1].operator', message: expect.stringContaining('must be one of eq, neq, gt') }],
      ['a list operator on an option field', field('profile.country', 'hasAny', ['US']), { field: 'rules.root.children[1].operator', message: expect.any(String) }],
      ['a value missing', field('profile.country', 'eq'), { field: 'rules.root.children[1].value', message: 'is required for eq' }],
      ['a value where none is taken', field('profile.country', 'isSet', 'US'), { field: 'rules.root.children[1].value', message: 'must be left out for isSet' }],
      ['an empty string', field('profile.email', 'contains', ''), { field: 'rules.root.children[1].value', message: 'must be a string of 1 to 1000 characters' }],
      ['a string over 1000 characters', field('profile.email', 'contains', 'x'.repeat(1001)), { field: 'rules.root.children[1].value', message: 'must be a string of 1 to 1000 characters' }],
      ['a number for a string field', field('profile.email', 'eq', 5), { field: 'rules.root.children[1].value', message: 'must be a string of 1 to 1000 characters' }],
      ['a string for a number field', field('traits.totalSpent', 'gt', '500'), { field: 'rules.root.children[1].value', message: 'must be a number' }],
      ['an option outside the fixed choices', field('traits.rfmTier', 'eq', 'Gold'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be one of: Champions, Loyal/) }],
      ['an option outside the choices in a list', field('consent.sms', 'in', ['subscribed', 'yes']), { field: 'rules.root.children[1].value', message: 'every value must be one of: subscribed, unsubscribed, pending' }],
      ['a scalar for in', field('profile.country', 'in', 'US'), { field: 'rules.root.children[1].value', message: 'must be a list of 1 to 1000 values' }],
      ['an empty list', field('profile.country', 'in', []), { field: 'rules.root.children[1].value', message: 'must be a list of 1 to 1000 values' }],
      ['a list over 1000 values', field('profile.tags', 'hasAny', Array.from({ length: 1001 }, (_, i) => `t${i}`)), { field: 'rules.root.children[1].value', message: 'must be a list of 1 to 1000 values' }],
      ['a number in a list of strings', field('profile.tags', 'hasAny', ['vip', 3]), { field: 'rules.root.children[1].value', message: 'every value must be a string of 1 to 1000 characters' }],
      ['between with one end', field('traits.totalSpent', 'between', [1]), { field: 'rules.root.children[1].value', message: 'must be [min, max]' }],
      ['between with min > max', field('traits.totalSpent', 'between', [10, 1]), { field: 'rules.root.children[1].value', message: 'min must not be greater than max' }],
      ['between dates reversed', field('traits.lastOrderAt', 'between', ['2025-02-01', '2025-01-01']), { field: 'rules.root.children[1].value', message: 'min must not be greater than max' }],
      ['between with a bad date', field('traits.lastOrderAt', 'between', ['2025-01-01', 'soon']), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^both ends must be an ISO 8601 date/) }],
      ['a date that is not ISO', field('traits.lastOrderAt', 'before', 'yesterday'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a day that does not exist', field('traits.lastOrderAt', 'before', '2025-02-30'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a date-time without a zone', field('traits.lastOrderAt', 'after', '2025-03-01T10:00:00'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a zone without a colon', field('traits.lastOrderAt', 'after', '2025-03-01T10:00:00+0200'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a zone beyond 14 hours', field('traits.lastOrderAt', 'after', '2025-03-01T10:00:00+15:00'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a year before 1000', field('traits.lastOrderAt', 'after', '0999-03-01'), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['0 days', field('traits.lastOrderAt', 'withinLastDays', 0), { field: 'rules.root.children[1].value', message: 'must be a whole number of days from 1 to 36500' }],
      ['part of a day', field('traits.lastOrderAt', 'moreThanDaysAgo', 1.5), { field: 'rules.root.children[1].value', message: 'must be a whole number of days from 1 to 36500' }],
      ['over 100 years', field('traits.lastOrderAt', 'withinLastDays', 36501), { field: 'rules.root.children[1].value', message: 'must be a whole number of days from 1 to 36500' }],
      ['a value for a boolean test', field('traits.nightBuyer', 'isTrue', true), { field: 'rules.root.children[1].value', message: 'must be left out for isTrue' }],
      ['eq on a list attribute', attr('interests', 'list', 'eq', 'golf'), { field: 'rules.root.children[1].operator', message: expect.stringContaining('for a list value') }],
      ['contains on a number attribute', attr('age', 'number', 'contains', '3'), { field: 'rules.root.children[1].operator', message: expect.stringContaining('for a number value') }],
      ['a date attribute compared with a number', attr('birthday', 'date', 'before', 2000), { field: 'rules.root.children[1].value', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['orders between with a number', orders({ operator: 'between', value: 5 }), { field: 'rules.root.children[1].value', message: 'must be [min, max] for between' }],
      ['orders gt with a range', orders({ value: [1, 2] }), { field: 'rules.root.children[1].value', message: 'must be a number for gt' }],
      ['orders between reversed', orders({ operator: 'between', value: [9, 1] }), { field: 'rules.root.children[1].value', message: 'min must not be greater than max' }],
      ['a window from that is not a date', orders({ window: { kind: 'between', from: '1st of May', to: '2025-05-31' } }), { field: 'rules.root.children[1].window.from', message: expect.stringMatching(/^must be an ISO 8601 date/) }],
      ['a window ending before it starts', orders({ window: { kind: 'between', from: '2025-05-31', to: '2025-05-01' } }), { field: 'rules.root.children[1].window.to', message: 'must not be before from' }],
      [
        'a property filter with an operator of another type',
        event({ where: [{ key: 'campaignId', valueType: 'string', operator: 'isSet' }, { key: 'ms', valueType: 'string', operator: 'gt', value: 5 }] }),
        { field: 'rules.root.children[1].where[1].operator', message: expect.stringContaining('for a string value') },
      ],
      ['a property filter without its value', event({ where: [{ key: 'ms', valueType: 'number', operator: 'gte' }] }), { field: 'rules.root.children[1].where[0].value', message: 'is required for gte' }],
    ])('%s', (_title, node, expected) => expect(at(node)).toEqual([expected]));

    it('reports every problem of the tree at once', () => {
      expect(fields(rules(field('profile.shoeSize', 'eq', 1), group('not', field('traits.totalSpent', 'gt', 'x'), orders({ operator: 'between', value: 3 }))))).toEqual([
        'rules.root.children[0].field',
        'rules.root.children[1].children[0].value',
        'rules.root.children[1].children[1].value',
      ]);
    });
  });

  describe('size', () => {
    it(`groups nested deeper than ${MAX_RULE_DEPTH} levels: the path of the first node too deep`, () => {
      let deep: RuleNode = field('profile.country', 'eq', 'US') as RuleNode;
      for (let i = 0; i < MAX_RULE_DEPTH; i++) deep = group('and', deep) as RuleGroup;
      const path = `rules.root${'.children[0]'.repeat(MAX_RULE_DEPTH)}`;
      expect(problems({ version: 1, root: deep })).toEqual([{ field: path, message: `groups nest at most ${MAX_RULE_DEPTH} levels deep` }]);
    });

    it(`more than ${MAX_RULE_NODES} groups and conditions`, () => {
      const wide = rules(...Array.from({ length: MAX_RULE_NODES }, () => field('profile.country', 'eq', 'US')));
      expect(problems(wide)).toEqual([{ field: 'rules.root', message: `a rule tree holds at most ${MAX_RULE_NODES} groups and conditions` }]);
    });

    it('a very deep tree is refused before anything walks it recursively', () => {
      let deep: unknown = group('and');
      for (let i = 0; i < 100_000; i++) deep = group('not', deep);
      expect(fields({ version: 1, root: deep })).toEqual([`rules.root${'.children[0]'.repeat(MAX_RULE_DEPTH)}`]);
    });
  });
});
