import type { AggregateOperator, RuleValue, SegmentField, ValueOperator } from './rule-types';

/** What a value operator compares: a built-in field's type, or a custom attribute's / event property's. */
export type DataType = SegmentField['dataType'];

/** The operators each data type allows (segment-rules.types.ts), the usual one first. */
export const OPERATORS: Record<DataType, readonly ValueOperator[]> = {
  string: ['eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn', 'isSet', 'isNotSet'],
  option: ['in', 'notIn', 'eq', 'neq', 'isSet', 'isNotSet'],
  number: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between', 'isSet', 'isNotSet'],
  date: ['withinLastDays', 'moreThanDaysAgo', 'before', 'after', 'between', 'isSet', 'isNotSet'],
  boolean: ['isTrue', 'isFalse', 'isSet', 'isNotSet'],
  list: ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'],
};

const LABELS: Record<ValueOperator, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  in: 'is any of',
  notIn: 'is none of',
  isSet: 'is set',
  isNotSet: 'is not set',
  gt: 'greater than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  before: 'before',
  after: 'after',
  withinLastDays: 'in the last … days',
  moreThanDaysAgo: 'more than … days ago',
  isTrue: 'is true',
  isFalse: 'is false',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
};

export function operatorLabel(operator: ValueOperator, type: DataType): string {
  if (type === 'number' && operator === 'eq') return 'equals';
  if (type === 'number' && operator === 'neq') return 'does not equal';
  return LABELS[operator];
}

/** Orders conditions compare a count or a sum. */
export const AGGREGATE_OPERATORS: readonly AggregateOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq', 'between'];

/**
 * The input a value needs: none, free text, a list of texts (chips), a number, a `[min, max]` range, a
 * date, a date range, a number of days, one option or several options of the field.
 */
export type ValueShape = 'none' | 'text' | 'texts' | 'number' | 'range' | 'date' | 'dateRange' | 'days' | 'option' | 'options';

export function valueShape(type: DataType, operator: ValueOperator): ValueShape {
  switch (operator) {
    case 'isSet':
    case 'isNotSet':
    case 'isTrue':
    case 'isFalse':
    case 'isEmpty':
    case 'isNotEmpty':
      return 'none';
    case 'in':
    case 'notIn':
      return type === 'option' ? 'options' : 'texts';
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return 'texts';
    case 'eq':
    case 'neq':
      return type === 'option' ? 'option' : type === 'number' ? 'number' : 'text';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return 'number';
    case 'between':
      return type === 'date' ? 'dateRange' : 'range';
    case 'before':
    case 'after':
      return 'date';
    case 'withinLastDays':
    case 'moreThanDaysAgo':
      return 'days';
    default:
      return 'text';
  }
}

/** Days in a fresh "in the last … days" condition. */
export const DEFAULT_DAYS = 30;

/**
 * The value to keep when the operator changes from `from` to `to` on a field of `type`: the same value
 * when both take the same input, one value wrapped in / taken from a list, a default otherwise.
 */
export function valueForOperator(
  type: DataType,
  from: ValueOperator,
  to: ValueOperator,
  value: RuleValue | undefined,
): RuleValue | undefined {
  const before = valueShape(type, from);
  const after = valueShape(type, to);
  if (before === after) return value;
  const scalar = (s: ValueShape) => s === 'text' || s === 'option';
  const list = (s: ValueShape) => s === 'texts' || s === 'options';
  if (scalar(before) && list(after) && typeof value === 'string') return [value];
  if (list(before) && scalar(after) && Array.isArray(value) && value.length) return value[0];
  return after === 'days' ? DEFAULT_DAYS : undefined;
}
