/**
 * Validates a rule tree: its size, its structure (the JSON Schema, with ajv), then what a schema cannot say —
 * catalogue fields, the operators each data type allows, the value each operator needs, dates. Every
 * problem is reported with the JSON path of the offending node or property (`rules.root.children[1].value`).
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError } from '../../../platform/errors/domain-error';
import type { FieldProblem } from '../../../platform/errors/domain-error';
import { findSegmentField, OPERATORS_BY_TYPE } from './segment-fields';
import type { FieldDataType } from './segment-fields';
import { MAX_RULE_ARRAY, MAX_RULE_STRING, MAX_WINDOW_DAYS, SEGMENT_RULE_SCHEMAS } from './segment-rules.schema';
import type { AttributeValueType, EventCondition, OrdersCondition, RuleNode, RuleValue, SegmentRules, TimeWindow, ValueOperator } from './segment-rules.types';
import { parseRuleDate, ruleDate } from './segment-time';

export const MAX_RULE_DEPTH = 32;
export const MAX_RULE_NODES = 500;
export const INVALID_SEGMENT_RULES = 'invalid-segment-rules';

/** The root of every reported path: the request property holding the tree. */
const ROOT = 'rules';

/** What an operator takes as its value. */
type ValueShape = 'none' | 'scalar' | 'list' | 'range' | 'days';
const SHAPES: Record<ValueOperator, ValueShape> = {
  eq: 'scalar',
  neq: 'scalar',
  contains: 'scalar',
  notContains: 'scalar',
  startsWith: 'scalar',
  endsWith: 'scalar',
  gt: 'scalar',
  gte: 'scalar',
  lt: 'scalar',
  lte: 'scalar',
  before: 'scalar',
  after: 'scalar',
  in: 'list',
  notIn: 'list',
  hasAny: 'list',
  hasAll: 'list',
  hasNone: 'list',
  between: 'range',
  withinLastDays: 'days',
  moreThanDaysAgo: 'days',
  isSet: 'none',
  isNotSet: 'none',
  isTrue: 'none',
  isFalse: 'none',
  isEmpty: 'none',
  isNotEmpty: 'none',
};

export const valueShape = (operator: ValueOperator): ValueShape => SHAPES[operator];

/** The data type an attribute or event property is compared as. */
export const ATTRIBUTE_DATA_TYPES: Record<AttributeValueType, FieldDataType> = {
  string: 'string',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  list: 'list',
};

const ajv = new Ajv({ allErrors: true, discriminator: true, strict: true, verbose: true });
addFormats(ajv, ['uuid']);
ajv.addVocabulary(['components']);
// ajv reads discriminators without a mapping (each branch names its tag); OpenAPI readers get the mapping.
ajv.addSchema({ $id: 'segment-rules', components: { schemas: withoutMappings(SEGMENT_RULE_SCHEMAS) } });
const validateStructure = ajv.getSchema('segment-rules#/components/schemas/SegmentRules')!;

function withoutMappings(schemas: Record<string, object>): Record<string, object> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const s = schema as { discriminator?: { propertyName: string } };
      return [name, s.discriminator ? { ...s, discriminator: { propertyName: s.discriminator.propertyName } } : s];
    }),
  );
}

/** Returns the tree typed when it is valid; throws 400 `invalid-segment-rules` listing every problem otherwise. */
export function validateSegmentRules(input: unknown): SegmentRules {
  const size = sizeProblems(input);
  if (size.length) throw invalidRules(size);
  if (!validateStructure(input)) throw invalidRules(structureProblems(validateStructure.errors ?? []));
  const rules = input as SegmentRules;
  const problems: FieldProblem[] = [];
  checkNode(rules.root, `${ROOT}.root`, problems);
  if (problems.length) throw invalidRules(problems);
  return rules;
}

export const invalidRules = (errors: FieldProblem[]) =>
  new DomainError(INVALID_SEGMENT_RULES, 400, errors.length === 1 ? `Invalid segment rules: ${errors[0].field} ${errors[0].message}` : 'Invalid segment rules', errors);

/** Depth and node count, checked before anything walks the tree recursively. */
function sizeProblems(input: unknown): FieldProblem[] {
  const root = (input as { root?: unknown } | null)?.root;
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: root, path: `${ROOT}.root`, depth: 1 }];
  let nodes = 0;
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    nodes++;
    if (depth > MAX_RULE_DEPTH) return [{ field: path, message: `groups nest at most ${MAX_RULE_DEPTH} levels deep` }];
    if (nodes > MAX_RULE_NODES) return [{ field: `${ROOT}.root`, message: `a rule tree holds at most ${MAX_RULE_NODES} groups and conditions` }];
    const children = (node as { children?: unknown } | null)?.children;
    if (node && typeof node === 'object' && Array.isArray(children)) {
      children.forEach((child, i) => stack.push({ node: child, path: `${path}.children[${i}]`, depth: depth + 1 }));
    }
  }
  return [];
}

/**
 * ajv's errors as one problem per offending property: a failed `oneOf` is reported once, not per branch,
 * and a node whose `type` is wrong (a root that is not a group) only by its type.
 */
export function structureProblems(errors: ErrorObject[]): FieldProblem[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const mistyped = errors.filter(isWrongTag).map((e) => e.instancePath.slice(0, -'/type'.length));
  const within = (e: ErrorObject, node: string) => e.instancePath === node || e.instancePath.startsWith(`${node}/`);
  const problems = errors
    .filter((e) => !oneOfs.some((prefix) => e.schemaPath.startsWith(prefix)))
    .filter((e) => isWrongTag(e) || !mistyped.some((node) => within(e, node)))
    .map(problemOf);
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.field}\u0000${p.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** A node's `type` that is not the one its schema requires (the tag is a one-value enum). */
const isWrongTag = (e: ErrorObject) => e.keyword === 'enum' && e.instancePath.endsWith('/type') && (e.params.allowedValues as unknown[]).length === 1;

function problemOf(e: ErrorObject): FieldProblem {
  const at = pathOf(e.instancePath);
  const schema = e.parentSchema as { oneOf?: { type?: string }[]; discriminator?: { propertyName: string }; description?: string } | undefined;
  switch (e.keyword) {
    case 'required':
      return { field: `${at}.${e.params.missingProperty}`, message: 'is required' };
    case 'additionalProperties':
      return { field: `${at}.${e.params.additionalProperty}`, message: 'is not allowed here' };
    case 'discriminator': {
      const tags = (schema?.oneOf ?? []).map((branch) => tagOf(branch as { $ref?: string }, e.params.tag)).filter(Boolean);
      return { field: `${at}.${e.params.tag}`, message: `must be one of: ${tags.join(', ')}` };
    }
    case 'oneOf': {
      const types = (schema?.oneOf ?? []).map((branch) => (branch.type === 'array' ? 'list' : branch.type)).filter(Boolean);
      return { field: at, message: `must be ${types.length ? `a ${types.join(' or ')}` : 'valid'}` };
    }
    case 'enum':
      return { field: at, message: `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { field: at, message: 'must start with a letter and hold only letters, digits and _ (at most 64 characters)' };
    case 'format':
      return { field: at, message: `must be a ${e.params.format}` };
    default:
      return { field: at, message: e.message ?? 'is invalid' };
  }
}

/** The tag a discriminated branch takes (read from the branch schema it references). */
function tagOf(branch: { $ref?: string }, property: string): string | undefined {
  const name = branch.$ref?.split('/').pop();
  const schema = (name ? SEGMENT_RULE_SCHEMAS[name] : undefined) as { properties?: Record<string, { enum?: string[] }> } | undefined;
  return schema?.properties?.[property]?.enum?.[0];
}

/** `/root/children/1/value` → `rules.root.children[1].value`. */
export function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), ROOT);
}

function checkNode(node: RuleNode, path: string, problems: FieldProblem[]): void {
  switch (node.type) {
    case 'group':
      node.children.forEach((child, i) => checkNode(child, `${path}.children[${i}]`, problems));
      return;
    case 'field': {
      const field = findSegmentField(node.field);
      if (!field) return void problems.push({ field: `${path}.field`, message: `"${node.field}" is not a segment field` });
      checkValueTest(field.dataType, node.operator, node.value, path, problems, field.operators, field.options);
      return;
    }
    case 'attribute':
      checkValueTest(ATTRIBUTE_DATA_TYPES[node.valueType], node.operator, node.value, path, problems);
      return;
    case 'orders':
      checkOrders(node, path, problems);
      return;
    case 'event':
      checkEvent(node, path, problems);
      return;
    case 'segment':
      return;
  }
}

function checkValueTest(
  dataType: FieldDataType,
  operator: ValueOperator,
  value: RuleValue | undefined,
  path: string,
  problems: FieldProblem[],
  operators: readonly ValueOperator[] = OPERATORS_BY_TYPE[dataType],
  options?: readonly string[],
): void {
  if (!operators.includes(operator)) {
    return void problems.push({ field: `${path}.operator`, message: `must be one of ${operators.join(', ')} for a ${dataType} value` });
  }
  const problem = valueProblem(dataType, operator, value, options);
  if (problem) problems.push({ field: `${path}.value`, message: problem });
}

/** What is wrong with the value of a value test, or undefined. */
function valueProblem(dataType: FieldDataType, operator: ValueOperator, value: RuleValue | undefined, options?: readonly string[]): string | undefined {
  const shape = SHAPES[operator];
  if (shape === 'none') return value === undefined ? undefined : `must be left out for ${operator}`;
  if (value === undefined) return `is required for ${operator}`;
  switch (shape) {
    case 'days':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_WINDOW_DAYS ? undefined : `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}`;
    case 'scalar':
      return scalarProblem(dataType, value, options);
    case 'list': {
      if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RULE_ARRAY) return `must be a list of 1 to ${MAX_RULE_ARRAY} values`;
      const problem = value.map((item) => scalarProblem(dataType === 'list' ? 'option' : dataType, item, options)).find(Boolean);
      return problem ? `every value ${problem}` : undefined;
    }
    case 'range': {
      if (!Array.isArray(value) || value.length !== 2) return 'must be [min, max]';
      const problem = value.map((item) => scalarProblem(dataType, item)).find(Boolean);
      if (problem) return `both ends ${problem}`;
      const [min, max] = dataType === 'date' ? value.map((v) => Date.parse(ruleDate(v as string).start)) : (value as number[]);
      return min <= max ? undefined : 'min must not be greater than max';
    }
  }
}

function scalarProblem(dataType: FieldDataType, value: unknown, options?: readonly string[]): string | undefined {
  switch (dataType) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'date':
      return typeof value === 'string' && parseRuleDate(value) ? undefined : 'must be an ISO 8601 date (2025-03-01) or date-time with a zone (2025-03-01T10:00:00Z)';
    case 'string':
    case 'option':
    case 'list':
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RULE_STRING) return `must be a string of 1 to ${MAX_RULE_STRING} characters`;
      return options && !options.includes(value) ? `must be one of: ${options.join(', ')}` : undefined;
    case 'boolean':
      return 'must be left out';
  }
}

function checkOrders(node: OrdersCondition, path: string, problems: FieldProblem[]): void {
  const between = node.operator === 'between';
  if (between !== Array.isArray(node.value)) {
    problems.push({ field: `${path}.value`, message: between ? 'must be [min, max] for between' : `must be a number for ${node.operator}` });
  } else if (between) {
    const [min, max] = node.value as [number, number];
    if (min > max) problems.push({ field: `${path}.value`, message: 'min must not be greater than max' });
  }
  checkWindow(node.window, `${path}.window`, problems);
}

function checkEvent(node: EventCondition, path: string, problems: FieldProblem[]): void {
  checkWindow(node.window, `${path}.window`, problems);
  node.where?.forEach((filter, i) => checkValueTest(ATTRIBUTE_DATA_TYPES[filter.valueType], filter.operator, filter.value, `${path}.where[${i}]`, problems));
}

function checkWindow(window: TimeWindow, path: string, problems: FieldProblem[]): void {
  if (window.kind !== 'between') return;
  const from = parseRuleDate(window.from);
  const to = parseRuleDate(window.to);
  const message = 'must be an ISO 8601 date (2025-03-01) or date-time with a zone (2025-03-01T10:00:00Z)';
  if (!from) problems.push({ field: `${path}.from`, message });
  if (!to) problems.push({ field: `${path}.to`, message });
  if (from && to && Date.parse(from.start) > Date.parse(to.end)) problems.push({ field: `${path}.to`, message: 'must not be before from' });
}
