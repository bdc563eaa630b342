/**
 * The segment rule tree, version 1. `segment-rules.schema.ts` is the JSON Schema that validates it (and is
 * published in the OpenAPI document); these types mirror that schema for the compiler and services.
 *
 * Semantics (the compiler and the test oracle both follow them):
 * - A group's `and` matches when every child matches (an empty `and` matches everyone), `or` when at least one
 *   does (an empty `or` matches nobody), `not` when none does (an empty `not` matches everyone).
 * - Every condition is two-valued: a missing value never makes a condition "unknown". Positive operators
 *   (eq, contains, gt, in, before, withinLastDays, hasAny…) do not match a missing value; negative ones
 *   (neq, notContains, notIn, hasNone) do.
 * - String comparisons on free-text fields are case-insensitive; option fields (country, RFM tier, churn
 *   risk, consent) compare exactly.
 * - Relative windows ("last N days") are measured back from the evaluation time `asOf`: [asOf − N × 24 h, asOf].
 * - Dates in values are ISO 8601 dates (`2025-03-01`: the whole UTC day — before it is before its start, after
 *   it is after its end, `between` includes both days) or date-times with a zone (`…T10:00:00Z`, `…+02:00`).
 * - Custom attributes and event properties are read as their `valueType`; a stored value of another type counts
 *   as missing. Leniently (imports store strings): a number is a JSON number or a string that is exactly a
 *   decimal number; a boolean is JSON true/false or the string "true"/"false" in any case; a date is an ISO
 *   string as above naming a real day; a list is a JSON array of strings.
 * - Traits of a customer without a traits row (no order or event yet): counters read 0 and night buyer false
 *   (`missingAs` in the field catalogue); the others are missing.
 */
export const SEGMENT_RULES_VERSION = 1 as const;

export interface SegmentRules {
  version: typeof SEGMENT_RULES_VERSION;
  root: RuleGroup;
}

export type RuleNode = RuleGroup | RuleCondition;
export type RuleCondition = FieldCondition | AttributeCondition | OrdersCondition | EventCondition | SegmentCondition;

/** Optional client-side id on every node (the console uses it to track nodes while dragging); ignored by the compiler. */
interface NodeBase {
  id?: string;
}

export interface RuleGroup extends NodeBase {
  type: 'group';
  operator: 'and' | 'or' | 'not';
  children: RuleNode[];
}

export type StringOperator = 'eq' | 'neq' | 'contains' | 'notContains' | 'startsWith' | 'endsWith' | 'in' | 'notIn' | 'isSet' | 'isNotSet';
export type OptionOperator = 'eq' | 'neq' | 'in' | 'notIn' | 'isSet' | 'isNotSet';
export type NumberOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'isSet' | 'isNotSet';
export type DateOperator = 'before' | 'after' | 'between' | 'withinLastDays' | 'moreThanDaysAgo' | 'isSet' | 'isNotSet';
export type BooleanOperator = 'isTrue' | 'isFalse' | 'isSet' | 'isNotSet';
export type ListOperator = 'hasAny' | 'hasAll' | 'hasNone' | 'isEmpty' | 'isNotEmpty';
export type ValueOperator = StringOperator | OptionOperator | NumberOperator | DateOperator | BooleanOperator | ListOperator;

/**
 * A value as the operator needs it: a scalar (eq, neq, contains, gt, before…), a non-empty array
 * (in, notIn, hasAny, hasAll, hasNone), a two-element inclusive range `[min, max]` (between), a whole number
 * of days (withinLastDays, moreThanDaysAgo), or nothing (isSet, isNotSet, isTrue, isFalse, isEmpty, isNotEmpty).
 * Dates are ISO 8601 strings.
 */
export type RuleValue = string | number | boolean | (string | number)[];

/** A built-in profile field, consent status or computed trait, by its catalogue key (`profile.country`, `traits.rfmTier`, `consent.email`…). */
export interface FieldCondition extends NodeBase {
  type: 'field';
  field: string;
  operator: ValueOperator;
  value?: RuleValue;
}

/** `list`: a JSON array of strings, tested with the list operators (items compare exactly). */
export type AttributeValueType = 'string' | 'number' | 'date' | 'boolean' | 'list';

/** A custom attribute (`customers.attributes[key]`), read as the given type. */
export interface AttributeCondition extends NodeBase {
  type: 'attribute';
  key: string;
  valueType: AttributeValueType;
  operator: ValueOperator;
  value?: RuleValue;
}

export type TimeWindow = { kind: 'ever' } | { kind: 'lastDays'; days: number } | { kind: 'between'; from: string; to: string };
export type AggregateOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'between';

/**
 * Orders placed in a window: their count or the sum of their amounts compared with a number. With `items`,
 * only orders holding a line in those categories/products count, and `sum` adds those lines' totals
 * (quantity × unit price). Customers without orders have count 0 and sum 0.
 */
export interface OrdersCondition extends NodeBase {
  type: 'orders';
  measure: 'count' | 'sum';
  operator: AggregateOperator;
  value: number | [number, number];
  window: TimeWindow;
  items?: { categories?: string[]; products?: string[] };
}

/** A filter on an event's properties (`customer_events.properties[key]`). */
export interface PropertyFilter {
  key: string;
  valueType: AttributeValueType;
  operator: ValueOperator;
  value?: RuleValue;
}

/**
 * Did (or did not) do event `event` in the window, at least / at most / exactly `times` times
 * (default: at least once), counting only events whose properties match every filter in `where`.
 * Message engagement is an event condition (`email_opened`, `email_clicked` with `where` on `campaignId`).
 */
export interface EventCondition extends NodeBase {
  type: 'event';
  event: string;
  did: boolean;
  frequency?: { operator: 'atLeast' | 'atMost' | 'exactly'; times: number };
  window: TimeWindow;
  where?: PropertyFilter[];
}

/** Member (or not) of another segment of the workspace, evaluated from its rules (cycles are rejected). */
export interface SegmentCondition extends NodeBase {
  type: 'segment';
  segmentId: string;
  operator: 'in' | 'notIn';
}
