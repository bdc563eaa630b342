/**
 * The contract types the rule builder and editor use, under the console's names (the customer-api.ts
 * pattern): the rule tree v1 (`SegmentRules`, published by the backend's rule schema), the field catalogue
 * and the preview. If the backend renames a schema, only this file changes.
 */
import type {
  SegmentAttributeCondition,
  SegmentEventCondition,
  SegmentFieldCondition,
  SegmentOrdersCondition,
  SegmentPropertyFilter,
  SegmentRuleGroup,
  SegmentRuleNode,
  SegmentRuleValue,
  SegmentSegmentCondition,
  SegmentTimeWindow,
} from '@lodestar/contracts';

export type {
  SegmentCustomer,
  SegmentEventTypeOption,
  SegmentField,
  SegmentFieldOptions,
  SegmentFields,
  SegmentKeyOption,
  SegmentOptionValue,
  SegmentPreview,
  SegmentRules,
} from '@lodestar/contracts';

export type RuleGroup = SegmentRuleGroup;
export type RuleNode = SegmentRuleNode;
export type RuleCondition = Exclude<RuleNode, RuleGroup>;
export type FieldCondition = SegmentFieldCondition;
export type AttributeCondition = SegmentAttributeCondition;
export type OrdersCondition = SegmentOrdersCondition;
export type EventCondition = SegmentEventCondition;
export type SegmentCondition = SegmentSegmentCondition;
export type PropertyFilter = SegmentPropertyFilter;
export type TimeWindow = SegmentTimeWindow;
export type RuleValue = SegmentRuleValue;
export type ValueOperator = FieldCondition['operator'];
export type AggregateOperator = OrdersCondition['operator'];
export type AttributeValueType = AttributeCondition['valueType'];
