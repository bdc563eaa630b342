/**
 * The JSON Schema of the segment rule tree v1 (OpenAPI 3.0 dialect, so the same objects are published as
 * `components/schemas` of the OpenAPI document and the console gets typed models). The validator checks
 * trees against it with ajv, then checks what a schema cannot say (catalogue fields, operators per type,
 * value shapes per operator, dates) — see segment-rules.validator.ts.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { ApiPropertyOptions, OpenAPIObject, ReferenceObject, SchemaObject as OpenApiSchema } from '@nestjs/swagger';
import { CUSTOMER_ATTRIBUTE_KEY } from '../../customers/segment-source/customer-sql-vocabulary';
import { VALUE_OPERATORS } from './segment-fields';

export const MAX_RULE_ARRAY = 1000;
export const MAX_RULE_STRING = 1000;
export const MAX_EVENT_NAME = 100;
export const MAX_WINDOW_DAYS = 36500;
export const MAX_PROPERTY_FILTERS = 20;
export const MAX_EVENT_TIMES = 1_000_000;
export const ATTRIBUTE_VALUE_TYPES = ['string', 'number', 'date', 'boolean', 'list'] as const;

type SchemaObject = OpenApiSchema | ReferenceObject;
const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const tag = (value: string): SchemaObject => ({ type: 'string', enum: [value] });
const text = (maxLength: number, description?: string): SchemaObject => ({ type: 'string', minLength: 1, maxLength, ...(description ? { description } : {}) });
const strings: SchemaObject = { type: 'array', minItems: 1, maxItems: MAX_RULE_ARRAY, items: text(MAX_RULE_STRING) };
const nodeId: SchemaObject = { type: 'string', maxLength: 100, description: 'Client-side id (the console tracks nodes with it); ignored by the compiler' };
const key: SchemaObject = {
  type: 'string',
  pattern: CUSTOMER_ATTRIBUTE_KEY.source,
  description: 'A letter, then letters, digits and _ (at most 64 characters)',
};

/** A tagged union: `oneOf` the named schemas, told apart by `propertyName` (mapped tag → schema). */
const union = (propertyName: string, mapping: Record<string, string>, description: string): SchemaObject => ({
  type: 'object',
  description,
  oneOf: Object.values(mapping).map(ref),
  discriminator: { propertyName, mapping: Object.fromEntries(Object.entries(mapping).map(([k, name]) => [k, `#/components/schemas/${name}`])) },
});

/** A value test shared by field and attribute conditions and property filters. */
const valueTest: Record<string, SchemaObject> = {
  operator: { type: 'string', enum: [...VALUE_OPERATORS], description: 'Which operators apply depends on the data type (see GET /api/segments/fields)' },
  value: ref('SegmentRuleValue'),
};

/** Every schema of the rule tree, by its name in `components/schemas`. */
export const SEGMENT_RULE_SCHEMAS: Record<string, SchemaObject> = {
  SegmentRules: {
    type: 'object',
    description: 'A segment rule tree, version 1: a root group of conditions and nested groups',
    required: ['version', 'root'],
    additionalProperties: false,
    properties: { version: { type: 'integer', enum: [1] }, root: ref('SegmentRuleGroup') },
  },
  SegmentRuleGroup: {
    type: 'object',
    description: '`and` matches when every child does (empty: everyone), `or` when one does (empty: nobody), `not` when none does (empty: everyone)',
    required: ['type', 'operator', 'children'],
    additionalProperties: false,
    properties: {
      id: nodeId,
      type: tag('group'),
      operator: { type: 'string', enum: ['and', 'or', 'not'] },
      children: { type: 'array', items: ref('SegmentRuleNode') },
    },
  },
  SegmentRuleNode: union(
    'type',
    {
      group: 'SegmentRuleGroup',
      field: 'SegmentFieldCondition',
      attribute: 'SegmentAttributeCondition',
      orders: 'SegmentOrdersCondition',
      event: 'SegmentEventCondition',
      segment: 'SegmentSegmentCondition',
    },
    'A group or a condition, told apart by `type`',
  ),
  SegmentRuleValue: {
    description:
      'What the operator compares with: a scalar (eq, contains, gt, before…), a non-empty list (in, notIn, hasAny, hasAll, hasNone), ' +
      '[min, max] inclusive (between), whole days (withinLastDays, moreThanDaysAgo), or nothing (isSet, isTrue, isEmpty…). Dates are ISO 8601.',
    // Lengths and sizes are checked per operator by the validator (with a message naming the limit).
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }],
  },
  SegmentFieldCondition: {
    type: 'object',
    description: 'A built-in profile field, consent status or computed trait, by its catalogue key',
    required: ['type', 'field', 'operator'],
    additionalProperties: false,
    properties: { id: nodeId, type: tag('field'), field: text(100, 'Catalogue key, e.g. profile.country or traits.rfmTier'), ...valueTest },
  },
  SegmentAttributeCondition: {
    type: 'object',
    description:
      'A custom attribute of the customer, read as `valueType`; a stored value of another type counts as missing. A number is a JSON number ' +
      'or a string that is exactly a decimal number, a boolean JSON true/false or the string "true"/"false" (any case), a date an ISO 8601 ' +
      'string (date, or date-time with a zone), a list a JSON array of strings.',
    required: ['type', 'key', 'valueType', 'operator'],
    additionalProperties: false,
    properties: { id: nodeId, type: tag('attribute'), key, valueType: { type: 'string', enum: [...ATTRIBUTE_VALUE_TYPES] }, ...valueTest },
  },
  SegmentTimeWindow: union(
    'kind',
    { ever: 'SegmentWindowEver', lastDays: 'SegmentWindowLastDays', between: 'SegmentWindowBetween' },
    'When: ever, the last N days before the evaluation time, or between two dates (inclusive; a date-only `to` covers its whole day)',
  ),
  SegmentWindowEver: { type: 'object', required: ['kind'], additionalProperties: false, properties: { kind: tag('ever') } },
  SegmentWindowLastDays: {
    type: 'object',
    required: ['kind', 'days'],
    additionalProperties: false,
    properties: { kind: tag('lastDays'), days: { type: 'integer', minimum: 1, maximum: MAX_WINDOW_DAYS } },
  },
  SegmentWindowBetween: {
    type: 'object',
    required: ['kind', 'from', 'to'],
    additionalProperties: false,
    properties: { kind: tag('between'), from: text(40, 'ISO 8601 date or date-time'), to: text(40, 'ISO 8601 date or date-time') },
  },
  SegmentOrdersCondition: {
    type: 'object',
    description:
      'Orders placed in the window: their count or the sum of their amounts compared with a number (customers without orders have 0). ' +
      'With `items`, only orders holding a line in those categories or of those products count, and `sum` adds those lines (quantity × unit price).',
    required: ['type', 'measure', 'operator', 'value', 'window'],
    additionalProperties: false,
    properties: {
      id: nodeId,
      type: tag('orders'),
      measure: { type: 'string', enum: ['count', 'sum'] },
      operator: { type: 'string', enum: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'] },
      value: {
        description: 'A number, or [min, max] for between',
        oneOf: [{ type: 'number' }, { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' } }],
      },
      window: ref('SegmentTimeWindow'),
      items: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { categories: strings, products: strings },
      },
    },
  },
  SegmentPropertyFilter: {
    type: 'object',
    description: 'A test on a property of the event (`properties[key]`, read as `valueType` like a custom attribute)',
    required: ['key', 'valueType', 'operator'],
    additionalProperties: false,
    properties: { key, valueType: { type: 'string', enum: [...ATTRIBUTE_VALUE_TYPES] }, ...valueTest },
  },
  SegmentEventCondition: {
    type: 'object',
    description:
      'Did (or did not) do the event in the window, at least / at most / exactly `times` times (default: at least once), counting only ' +
      'events whose properties pass every filter of `where`. Message engagement is an event condition (email_opened, email_clicked…).',
    required: ['type', 'event', 'did', 'window'],
    additionalProperties: false,
    properties: {
      id: nodeId,
      type: tag('event'),
      event: text(MAX_EVENT_NAME, 'Event type, e.g. email_opened'),
      did: { type: 'boolean' },
      frequency: {
        type: 'object',
        required: ['operator', 'times'],
        additionalProperties: false,
        properties: {
          operator: { type: 'string', enum: ['atLeast', 'atMost', 'exactly'] },
          times: { type: 'integer', minimum: 0, maximum: MAX_EVENT_TIMES },
        },
      },
      window: ref('SegmentTimeWindow'),
      where: { type: 'array', maxItems: MAX_PROPERTY_FILTERS, items: ref('SegmentPropertyFilter') },
    },
  },
  SegmentSegmentCondition: {
    type: 'object',
    description: 'Member (in) or not (notIn) of another segment of the workspace, evaluated from its rules; cycles are rejected',
    required: ['type', 'segmentId', 'operator'],
    additionalProperties: false,
    properties: { id: nodeId, type: tag('segment'), segmentId: { type: 'string', format: 'uuid' }, operator: { type: 'string', enum: ['in', 'notIn'] } },
  },
};

/** Adds the rule tree's schemas to an OpenAPI document's `components/schemas`. */
export function addSegmentRuleSchemas(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...SEGMENT_RULE_SCHEMAS } };
}

/** A DTO property holding a rule tree: documented as a reference to `SegmentRules`. */
export const ApiSegmentRulesProperty = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ ...options, allOf: [ref('SegmentRules')] } as ApiPropertyOptions);
