import { formatAmount, formatDay } from '../../customers/models/format';
import { catalogueField, dataTypeOf } from '../builder/rule-fields';
import { DataType, operatorLabel, valueShape } from '../builder/rule-operators';
import type {
  EventCondition,
  OrdersCondition,
  PropertyFilter,
  RuleCondition,
  RuleGroup,
  RuleNode,
  RuleValue,
  SegmentFields,
  SegmentRules,
  TimeWindow,
  ValueOperator,
} from '../builder/rule-types';
import type { SegmentExplainNode } from './segment-api';

/** What the summary needs besides the tree: field labels (the catalogue, when loaded) and segment names. */
export interface RuleNames {
  catalogue: SegmentFields | null;
  /** The name of a segment a condition refers to (the detail's `references`). */
  segmentName(id: string): string | undefined;
}

/** One line of a rule tree in words; a group's conditions are its children. */
export interface RuleLine {
  text: string;
  group: boolean;
  children: RuleLine[];
}

/** A line of the tree as it applies to one customer: met or missed, with the values compared. */
export interface ExplainedLine extends RuleLine {
  matched: boolean;
  /** `612.4 > 500`; null when the API compared nothing it could show (a group). */
  comparison: string | null;
  children: ExplainedLine[];
}

const GROUP_TEXT: Record<RuleGroup['operator'], { label: string; empty: string }> = {
  and: { label: 'All of', empty: 'no conditions: everyone' },
  or: { label: 'Any of', empty: 'no conditions: nobody' },
  not: { label: 'None of', empty: 'no conditions: everyone' },
};

/** Operators that read as a sentence only with "is" in front ("Total spent is at least 500"). */
const NEEDS_IS = new Set<ValueOperator>(['gt', 'gte', 'lt', 'lte', 'between', 'before', 'after']);

/** The tree as nested lines: "All of" → "Country is any of US, CA", "Any of" → … */
export function describeRules(rules: SegmentRules, names: RuleNames): RuleLine {
  const walk = (node: RuleNode): RuleLine =>
    node.type === 'group'
      ? { text: groupText(node), group: true, children: node.children.map(walk) }
      : { text: conditionText(node, names), group: false, children: [] };
  return walk(rules.root);
}

/**
 * The tree with the API's explanation for one customer laid over it, node by node (the explanation
 * has the tree's shape): each line met or missed, with the customer's value against the rule's.
 */
export function explainRules(rules: SegmentRules, explanation: SegmentExplainNode, names: RuleNames): ExplainedLine {
  const walk = (node: RuleNode, explained: SegmentExplainNode | undefined): ExplainedLine => {
    const matched = explained?.matched ?? false;
    if (node.type === 'group') {
      return {
        text: groupText(node),
        group: true,
        matched,
        comparison: null,
        children: node.children.map((child, i) => walk(child, explained?.children?.[i])),
      };
    }
    return {
      text: conditionText(node, names),
      group: false,
      matched,
      comparison: explained ? comparisonText(node, explained) : null,
      children: [],
    };
  };
  return walk(rules.root, explanation);
}

function groupText(group: RuleGroup): string {
  const { label, empty } = GROUP_TEXT[group.operator];
  return group.children.length ? label : `${label} (${empty})`;
}

/** One condition in words: "Total spent is greater than 500", "Did email_opened at least 3 times in the last 30 days". */
export function conditionText(condition: RuleCondition, names: RuleNames): string {
  switch (condition.type) {
    case 'field': {
      const label = catalogueField(names.catalogue, condition.field)?.label ?? fieldLabel(condition.field);
      return `${label} ${predicate(condition.operator, dataTypeOf(condition, names.catalogue), condition.value)}`;
    }
    case 'attribute':
      return `Attribute ${condition.key} ${predicate(condition.operator, condition.valueType, condition.value)}`;
    case 'orders':
      return ordersText(condition);
    case 'event':
      return eventText(condition);
    case 'segment': {
      const name = names.segmentName(condition.segmentId) ?? 'a deleted segment';
      return `${condition.operator === 'in' ? 'In' : 'Not in'} segment ${name}`;
    }
  }
}

/** `traits.totalSpent` → `Total spent`, `consent.email` → `Email consent` (when the catalogue is not loaded). */
export function fieldLabel(key: string): string {
  const [group, name = group] = key.split('.');
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return group === 'consent' ? `${label} consent` : label;
}

/** "is any of US, CA", "is at least 500", "in the last 30 days", "is set". */
function predicate(operator: ValueOperator, type: DataType, value: RuleValue | undefined): string {
  const label = operatorLabel(operator, type);
  const shape = valueShape(type, operator);
  const verb = NEEDS_IS.has(operator) ? `is ${label}` : label;
  if (shape === 'none') return verb;
  if (shape === 'days') return verb.replace('…', formatValue(value));
  if (shape === 'range' || shape === 'dateRange') return `${verb} ${rangeText(value)}`;
  if (shape === 'text' && typeof value === 'string') return `${verb} “${value}”`;
  return `${verb} ${formatValue(value)}`;
}

function ordersText(condition: OrdersCondition): string {
  const subject = condition.measure === 'sum' ? 'Amount spent' : 'Orders';
  const categories = condition.items?.categories ?? [];
  const products = condition.items?.products ?? [];
  const on = [
    categories.length ? `in ${categories.join(', ')}` : '',
    products.length ? `${categories.length ? 'or ' : ''}on ${products.join(', ')}` : '',
  ].filter(Boolean);
  const what = [subject, ...on, windowText(condition.window)].filter(Boolean).join(' ');
  return `${what} ${predicate(condition.operator, 'number', condition.value)}`;
}

function eventText(condition: EventCondition): string {
  const freq = condition.frequency;
  const times =
    condition.did && freq && !(freq.operator === 'atLeast' && freq.times === 1)
      ? `${freq.operator === 'atLeast' ? 'at least' : freq.operator === 'atMost' ? 'at most' : 'exactly'} ${timesText(freq.times)}`
      : '';
  const where = (condition.where ?? []).map(propertyText).join(' and ');
  return [
    condition.did ? `Did ${condition.event}` : `Did not do ${condition.event}`,
    times,
    windowText(condition.window),
    where ? `where ${where}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function propertyText(filter: PropertyFilter): string {
  return `${filter.key} ${predicate(filter.operator, filter.valueType, filter.value)}`;
}

function windowText(window: TimeWindow): string {
  switch (window.kind) {
    case 'ever':
      return 'ever';
    case 'lastDays':
      return `in the last ${daysText(window.days)}`;
    case 'between':
      return `between ${formatDay(window.from)} and ${formatDay(window.to)}`;
  }
}

const daysText = (days: number) => (days === 1 ? '1 day' : `${formatAmount(days)} days`);
const timesText = (times: number) => (times === 1 ? 'once' : `${formatAmount(times)} times`);

function rangeText(value: RuleValue | undefined): string {
  return Array.isArray(value) && value.length === 2 ? `${formatValue(value[0])} and ${formatValue(value[1])}` : formatValue(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A rule or customer value for reading: grouped numbers, dates as days, lists joined, yes/no. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'number') return formatAmount(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDay(value) : value;
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '(none)';
  return JSON.stringify(value);
}

const SYMBOLS: Partial<Record<string, string>> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'in',
  notIn: 'not in',
  hasAny: 'has any of',
  hasAll: 'has all of',
  hasNone: 'has none of',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  before: 'before',
  after: 'after',
  between: 'between',
};

/** How often an event was done against the times a condition asks for ("did not" negates it: at least 3 → fewer than 3). */
const FREQUENCY_SYMBOLS = {
  did: { atLeast: '≥', atMost: '≤', exactly: '=' },
  didNot: { atLeast: '<', atMost: '>', exactly: '≠' },
} as const;

/**
 * The values compared for a condition: the customer's (from the API's explanation) against the rule's
 * — "612.4 > 500", "DE in US, CA", "2 ≥ 3" (events done against the times asked for), "member: no"
 * (another segment). Only the customer's value when the rule needs none ("is set", "is true").
 */
export function comparisonText(condition: RuleCondition, explained: SegmentExplainNode): string {
  const actual = formatValue(explained.actual);
  switch (condition.type) {
    case 'segment':
      return `member: ${actual}`;
    case 'event': {
      const frequency = condition.frequency ?? { operator: 'atLeast', times: 1 };
      const symbol = FREQUENCY_SYMBOLS[condition.did ? 'did' : 'didNot'][frequency.operator];
      return `${actual} ${symbol} ${formatValue(frequency.times)}`;
    }
    case 'orders':
      return `${actual} ${SYMBOLS[condition.operator]} ${rangeText(condition.value)}`;
    default: {
      if (condition.value === undefined) return actual;
      if (condition.operator === 'withinLastDays') return `${actual} within the last ${daysText(Number(condition.value))}`;
      if (condition.operator === 'moreThanDaysAgo') return `${actual} more than ${daysText(Number(condition.value))} ago`;
      const expected = condition.operator === 'between' ? rangeText(condition.value) : formatValue(condition.value);
      return `${actual} ${SYMBOLS[condition.operator] ?? condition.operator} ${expected}`;
    }
  }
}
