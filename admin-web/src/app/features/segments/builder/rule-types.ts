/**
 * TEMPORARY: the segment rule tree (v1), the field catalogue and the preview as the console reads them,
 * written by hand from the backend's segment-rules.types.ts and segments DTOs until the generated client
 * (`@lodestar/contracts`) carries them; then this file only re-exports the generated types under these names.
 */
export type ValueOperator =
  | 'eq'
  | 'neq'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'endsWith'
  | 'in'
  | 'notIn'
  | 'isSet'
  | 'isNotSet'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'before'
  | 'after'
  | 'withinLastDays'
  | 'moreThanDaysAgo'
  | 'isTrue'
  | 'isFalse'
  | 'hasAny'
  | 'hasAll'
  | 'hasNone'
  | 'isEmpty'
  | 'isNotEmpty';
export type RuleValue = string | number | boolean | (string | number)[];
export type AttributeValueType = 'string' | 'number' | 'date' | 'boolean' | 'list';
export type AggregateOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'between';
export type TimeWindow = { kind: 'ever' } | { kind: 'lastDays'; days: number } | { kind: 'between'; from: string; to: string };

export interface RuleGroup {
  id?: string;
  type: 'group';
  operator: 'and' | 'or' | 'not';
  children: RuleNode[];
}
export interface FieldCondition {
  id?: string;
  type: 'field';
  field: string;
  operator: ValueOperator;
  value?: RuleValue;
}
export interface AttributeCondition {
  id?: string;
  type: 'attribute';
  key: string;
  valueType: AttributeValueType;
  operator: ValueOperator;
  value?: RuleValue;
}
export interface OrdersCondition {
  id?: string;
  type: 'orders';
  measure: 'count' | 'sum';
  operator: AggregateOperator;
  value: number | [number, number];
  window: TimeWindow;
  items?: { categories?: string[]; products?: string[] };
}
export interface PropertyFilter {
  key: string;
  valueType: AttributeValueType;
  operator: ValueOperator;
  value?: RuleValue;
}
export interface EventCondition {
  id?: string;
  type: 'event';
  event: string;
  did: boolean;
  frequency?: { operator: 'atLeast' | 'atMost' | 'exactly'; times: number };
  window: TimeWindow;
  where?: PropertyFilter[];
}
export interface SegmentCondition {
  id?: string;
  type: 'segment';
  segmentId: string;
  operator: 'in' | 'notIn';
}
export type RuleCondition = FieldCondition | AttributeCondition | OrdersCondition | EventCondition | SegmentCondition;
export type RuleNode = RuleGroup | RuleCondition;
export interface SegmentRules {
  version: 1;
  root: RuleGroup;
}

/** A built-in field of the catalogue (`GET /api/segments/fields`). */
export interface SegmentField {
  key: string;
  label: string;
  group: 'Profile' | 'Consent' | 'Traits';
  dataType: 'string' | 'option' | 'number' | 'date' | 'boolean' | 'list';
  operators: string[];
  options?: string[];
  optionsSource?: 'countries' | 'tags' | 'categories' | 'products' | 'eventTypes';
  description?: string;
}
export interface SegmentOptionValue {
  value: string;
  count: number;
}
export interface SegmentKeyOption {
  key: string;
  valueType: AttributeValueType;
  types: string[];
  count: number;
}
export interface SegmentEventTypeOption {
  type: string;
  properties: SegmentKeyOption[];
}
export interface SegmentFieldOptions {
  countries: SegmentOptionValue[];
  tags: SegmentOptionValue[];
  categories: SegmentOptionValue[];
  products: SegmentOptionValue[];
  eventTypes: SegmentEventTypeOption[];
  attributes: SegmentKeyOption[];
}
export interface SegmentFields {
  fields: SegmentField[];
  options: SegmentFieldOptions;
}

export interface SegmentPreview {
  count: number;
  sample: {
    id: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    country: string | null;
    rfmTier: string | null;
    totalSpent: number | null;
  }[];
  asOf: string;
  tookMs: number;
}
