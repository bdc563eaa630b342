import {
  blankCondition,
  choiceOf,
  hasBlankConditions,
  conditionForChoice,
  fieldChoices,
  fieldOptions,
  isBlank,
  operatorsOf,
} from './rule-fields';
import { DEFAULT_DAYS, valueForOperator, valueShape } from './rule-operators';
import { insertNode } from './rule-tree';
import { aCondition, nestedRules, someFields } from './testing/rule-factories';
import type { RuleCondition } from './rule-types';

const fields = someFields();

describe('field picker', () => {
  it('groups the catalogue by kind, with attributes, orders, events and segments', () => {
    const groups = fieldChoices(fields);
    expect(groups.map((g) => g.label)).toEqual(['Profile', 'Consent', 'Traits', 'Custom attributes', 'Orders', 'Events', 'Segments']);
    expect(groups[0].choices.map((c) => c.key)).toContain('field:profile.country');
    expect(groups[3].choices).toEqual([{ key: 'attribute:string:plan', label: 'plan (text)' }]);
    expect(groups[5].choices.map((c) => c.key)).toEqual(['event:email_opened', 'event:page_view']);
  });

  it('offers orders and segments before the catalogue has loaded', () => {
    expect(fieldChoices(null).map((g) => g.label)).toEqual(['Orders', 'Segments']);
  });

  it('names each condition by its picker key', () => {
    expect(choiceOf(aCondition('a'))).toBe('field:profile.country');
    expect(choiceOf(blankCondition())).toBe('');
    expect(choiceOf({ type: 'orders', measure: 'sum', operator: 'gt', value: 1, window: { kind: 'ever' } })).toBe('orders:sum');
    expect(choiceOf({ type: 'attribute', key: 'plan', valueType: 'string', operator: 'eq' })).toBe('attribute:string:plan');
    expect(choiceOf({ type: 'segment', segmentId: 's', operator: 'in' })).toBe('segment');
  });

  it('starts a blank condition the live count waits for, wherever it is in the tree', () => {
    const blank = blankCondition();
    expect(isBlank(blank)).toBe(true);
    expect(isBlank(aCondition('a'))).toBe(false);
    expect(hasBlankConditions(nestedRules())).toBe(false);
    expect(hasBlankConditions(insertNode(nestedRules(), 'g1', blank))).toBe(true);
  });

  it("offers the operators the field's data type allows", () => {
    expect(operatorsOf(aCondition('a', { field: 'traits.nightBuyer' }), fields)).toEqual(['isTrue', 'isFalse']);
    // The catalogue's list for the field, the usual operator first.
    expect(operatorsOf(aCondition('a'), fields)).toEqual(['in', 'notIn', 'eq', 'neq']);
    expect(operatorsOf({ type: 'attribute', key: 'age', valueType: 'number', operator: 'gt' }, fields)).toContain('between');
    expect(operatorsOf({ type: 'attribute', key: 'age', valueType: 'number', operator: 'gt' }, fields)).not.toContain('contains');
  });

  it("offers a field's fixed options or the values of the data it names", () => {
    expect(
      fieldOptions(
        fields.fields.find((f) => f.key === 'profile.country'),
        fields,
      ),
    ).toEqual(['US', 'CA', 'DE']);
    expect(
      fieldOptions(
        fields.fields.find((f) => f.key === 'traits.rfmTier'),
        fields,
      ),
    ).toEqual(['Champions', 'Loyal']);
    expect(fieldOptions(undefined, fields)).toEqual([]);
  });
});

describe('picking another field', () => {
  it('gives a blank condition the new field, its usual operator and no value, keeping the id', () => {
    const next = conditionForChoice('field:traits.totalSpent', { ...blankCondition(), id: 'x' }, fields);
    expect(next).toMatchObject({ id: 'x', type: 'field', field: 'traits.totalSpent', operator: 'gt' });
    expect(next).not.toHaveProperty('value', expect.anything());
  });

  it('keeps operator and value for another field of the same free-form type', () => {
    const spent = aCondition('x', { field: 'traits.totalSpent', operator: 'between', value: [100, 500] });
    expect(conditionForChoice('field:traits.orderCount', spent, fields)).toMatchObject({
      id: 'x',
      field: 'traits.orderCount',
      operator: 'between',
      value: [100, 500],
    });
  });

  it("keeps the operator but drops the old field's options for another option field", () => {
    const next = conditionForChoice('field:traits.rfmTier', aCondition('x'), fields);
    expect(next).toMatchObject({ field: 'traits.rfmTier', operator: 'in' });
    expect((next as { value?: unknown }).value).toBeUndefined();
  });

  it('resets the operator and value when the data type changes', () => {
    const next = conditionForChoice('field:profile.createdAt', aCondition('x'), fields);
    expect(next).toMatchObject({ field: 'profile.createdAt', operator: 'withinLastDays', value: DEFAULT_DAYS });
    const city = conditionForChoice('field:profile.city', aCondition('x'), fields);
    expect(city).toMatchObject({ field: 'profile.city', operator: 'eq' });
    expect((city as { value?: unknown }).value).toBeUndefined();
    const nightBuyer = conditionForChoice('field:traits.nightBuyer', aCondition('x'), fields);
    expect(nightBuyer).toMatchObject({ operator: 'isTrue' });
  });

  it('turns a condition into an attribute, orders, event or segment condition with sensible defaults', () => {
    const from: RuleCondition = aCondition('x');
    expect(conditionForChoice('attribute:number:age', from, fields)).toMatchObject({
      id: 'x',
      type: 'attribute',
      key: 'age',
      valueType: 'number',
      operator: 'gt',
    });
    expect(conditionForChoice('orders:sum', from, fields)).toEqual({
      id: 'x',
      type: 'orders',
      measure: 'sum',
      operator: 'gt',
      value: 100,
      window: { kind: 'ever' },
    });
    expect(conditionForChoice('event:email_opened', from, fields)).toEqual({
      id: 'x',
      type: 'event',
      event: 'email_opened',
      did: true,
      window: { kind: 'lastDays', days: DEFAULT_DAYS },
    });
    expect(conditionForChoice('segment', from, fields)).toEqual({ id: 'x', type: 'segment', segmentId: '', operator: 'in' });
  });

  it('keeps the comparison and window when switching between order count and amount, and drops property filters on another event', () => {
    const orders = conditionForChoice('orders:count', aCondition('x'), fields);
    const withWindow = { ...orders, window: { kind: 'lastDays', days: 90 } } as RuleCondition;
    expect(conditionForChoice('orders:sum', withWindow, fields)).toMatchObject({ measure: 'sum', window: { kind: 'lastDays', days: 90 } });
    const event: RuleCondition = {
      id: 'e',
      type: 'event',
      event: 'email_opened',
      did: false,
      window: { kind: 'ever' },
      where: [{ key: 'campaign', valueType: 'string', operator: 'eq', value: 'x' }],
    };
    const next = conditionForChoice('event:page_view', event, fields);
    expect(next).toMatchObject({ event: 'page_view', did: false, window: { kind: 'ever' } });
    expect((next as { where?: unknown }).where).toBeUndefined();
  });
});

describe('operators and values', () => {
  it('picks the input each data type and operator needs', () => {
    expect(valueShape('option', 'in')).toBe('options');
    expect(valueShape('string', 'in')).toBe('texts');
    expect(valueShape('list', 'hasAny')).toBe('texts');
    expect(valueShape('number', 'between')).toBe('range');
    expect(valueShape('date', 'between')).toBe('dateRange');
    expect(valueShape('date', 'withinLastDays')).toBe('days');
    expect(valueShape('date', 'before')).toBe('date');
    expect(valueShape('boolean', 'isTrue')).toBe('none');
    expect(valueShape('option', 'eq')).toBe('option');
    expect(valueShape('number', 'eq')).toBe('number');
  });

  it('keeps, wraps or unwraps the value when the operator changes, else starts over', () => {
    expect(valueForOperator('string', 'eq', 'contains', 'gmail')).toBe('gmail');
    expect(valueForOperator('option', 'eq', 'in', 'US')).toEqual(['US']);
    expect(valueForOperator('option', 'in', 'eq', ['US', 'CA'])).toBe('US');
    expect(valueForOperator('number', 'gt', 'between', 5)).toBeUndefined();
    expect(valueForOperator('date', 'before', 'withinLastDays', '2026-01-01')).toBe(DEFAULT_DAYS);
    expect(valueForOperator('number', 'gt', 'isSet', 5)).toBeUndefined();
  });
});
