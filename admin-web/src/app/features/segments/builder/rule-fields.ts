import { DataType, DEFAULT_DAYS, OPERATORS, valueShape } from './rule-operators';
import { newNodeId } from './rule-tree';
import type {
  AttributeValueType,
  RuleCondition,
  RuleNode,
  RuleValue,
  SegmentField,
  SegmentFields,
  SegmentRules,
  ValueOperator,
} from './rule-types';

/**
 * The field picker: every condition a user can start, grouped by kind, each under a string key
 * (`field:profile.country`, `attribute:number:age`, `orders:sum`, `event:email_opened`, `segment`).
 */
export interface FieldChoice {
  key: string;
  label: string;
}
export interface FieldChoiceGroup {
  label: string;
  choices: FieldChoice[];
}

const FIELD_GROUPS: { group: SegmentField['group']; label: string }[] = [
  { group: 'Profile', label: 'Profile' },
  { group: 'Consent', label: 'Consent' },
  { group: 'Traits', label: 'Traits' },
];

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeValueType, string> = {
  string: 'text',
  number: 'number',
  date: 'date',
  boolean: 'yes/no',
  list: 'list',
};

export const SEGMENT_CHOICE = 'segment';

export function fieldChoices(catalogue: SegmentFields | null): FieldChoiceGroup[] {
  const groups: FieldChoiceGroup[] = FIELD_GROUPS.map(({ group, label }) => ({
    label,
    choices: (catalogue?.fields ?? []).filter((f) => f.group === group).map((f) => ({ key: `field:${f.key}`, label: f.label })),
  }));
  groups.push({
    label: 'Custom attributes',
    choices: (catalogue?.options.attributes ?? []).map((a) => ({
      key: attributeKey(a.key, a.valueType),
      label: `${a.key} (${ATTRIBUTE_TYPE_LABELS[a.valueType]})`,
    })),
  });
  groups.push({
    label: 'Orders',
    choices: [
      { key: 'orders:count', label: 'Number of orders' },
      { key: 'orders:sum', label: 'Amount spent on orders' },
    ],
  });
  groups.push({
    label: 'Events',
    choices: (catalogue?.options.eventTypes ?? []).map((e) => ({ key: `event:${e.type}`, label: e.type })),
  });
  groups.push({ label: 'Segments', choices: [{ key: SEGMENT_CHOICE, label: 'Member of a segment' }] });
  return groups.filter((g) => g.choices.length);
}

function attributeKey(key: string, type: AttributeValueType): string {
  return `attribute:${type}:${key}`;
}

/** The picker key of a condition; '' for a condition whose field is not picked yet. */
export function choiceOf(condition: RuleCondition): string {
  switch (condition.type) {
    case 'field':
      return condition.field ? `field:${condition.field}` : '';
    case 'attribute':
      return attributeKey(condition.key, condition.valueType);
    case 'orders':
      return `orders:${condition.measure}`;
    case 'event':
      return `event:${condition.event}`;
    case 'segment':
      return SEGMENT_CHOICE;
  }
}

/** A label for a picker key the catalogue does not list (a field since removed from the data). */
export function choiceLabel(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1) || 'Segment';
}

/** A condition "Add condition" makes: no field picked yet. */
export function blankCondition(): RuleCondition {
  return { id: newNodeId(), type: 'field', field: '', operator: 'eq' };
}

/** True while a condition's field is not picked: the live count waits for it. */
export function isBlank(condition: RuleCondition): boolean {
  return condition.type === 'field' && !condition.field;
}

/** True when some condition of the tree has no field picked yet. */
export function hasBlankConditions(rules: SegmentRules): boolean {
  const blank = (node: RuleNode): boolean => (node.type === 'group' ? node.children.some(blank) : isBlank(node));
  return blank(rules.root);
}

export function catalogueField(catalogue: SegmentFields | null, key: string): SegmentField | undefined {
  return catalogue?.fields.find((f) => f.key === key);
}

/** The data type a field or attribute condition compares. */
export function dataTypeOf(condition: RuleCondition, catalogue: SegmentFields | null): DataType {
  if (condition.type === 'attribute') return condition.valueType;
  if (condition.type === 'field') return catalogueField(catalogue, condition.field)?.dataType ?? 'string';
  return 'number';
}

/**
 * The operators a field allows, the usual one first: its data type's, narrowed to the catalogue's list for
 * the field when it has one (a field that is never missing offers no "is set").
 */
export function operatorsOf(condition: RuleCondition, catalogue: SegmentFields | null): readonly ValueOperator[] {
  const byType = OPERATORS[dataTypeOf(condition, catalogue)];
  const field = condition.type === 'field' ? catalogueField(catalogue, condition.field) : undefined;
  if (!field?.operators.length) return byType;
  const allowed = new Set<string>(field.operators);
  return [...byType.filter((op) => allowed.has(op)), ...(field.operators as ValueOperator[]).filter((op) => !byType.includes(op))];
}

/** The values a field's picker offers: its fixed options, or those of the data it names (`optionsSource`). */
export function fieldOptions(field: SegmentField | undefined, catalogue: SegmentFields | null): readonly string[] {
  if (!field) return [];
  if (field.options) return field.options;
  const source = field.optionsSource;
  if (!source || !catalogue) return [];
  return source === 'eventTypes' ? catalogue.options.eventTypes.map((e) => e.type) : catalogue.options[source].map((o) => o.value);
}

/** A default value for an operator's input (only "last N days" has one). */
export function defaultValue(type: DataType, operator: ValueOperator): RuleValue | undefined {
  return valueShape(type, operator) === 'days' ? DEFAULT_DAYS : undefined;
}

/**
 * The condition picking `key` in the field picker makes of `previous` (same id). Another field of the same
 * data type keeps the operator, and the value unless it was one of the old field's options; anything else
 * starts with the new field's usual operator and an empty value.
 */
export function conditionForChoice(key: string, previous: RuleCondition, catalogue: SegmentFields | null): RuleCondition {
  const id = previous.id ?? newNodeId();
  const [kind, ...rest] = key.split(':');
  if (kind === 'orders') {
    const measure = rest[0] === 'sum' ? 'sum' : 'count';
    if (previous.type === 'orders') return { ...previous, measure };
    return { id, type: 'orders', measure, operator: 'gt', value: measure === 'sum' ? 100 : 0, window: { kind: 'ever' } };
  }
  if (kind === 'event') {
    const event = rest.join(':');
    if (previous.type === 'event') return { ...previous, event, where: undefined };
    return { id, type: 'event', event, did: true, window: { kind: 'lastDays', days: DEFAULT_DAYS } };
  }
  if (kind === SEGMENT_CHOICE) {
    return previous.type === 'segment' ? previous : { id, type: 'segment', segmentId: '', operator: 'in' };
  }
  const next: RuleCondition =
    kind === 'attribute'
      ? { id, type: 'attribute', valueType: rest[0] as AttributeValueType, key: rest.slice(1).join(':'), operator: 'eq' }
      : { id, type: 'field', field: rest.join(':'), operator: 'eq' };
  const type = dataTypeOf(next, catalogue);
  const operators = operatorsOf(next, catalogue);
  const sameType =
    (previous.type === 'field' || previous.type === 'attribute') && !isBlank(previous) && dataTypeOf(previous, catalogue) === type;
  if (sameType && operators.includes(previous.operator)) {
    const keepValue = type !== 'option' && type !== 'list';
    return { ...next, operator: previous.operator, value: keepValue ? previous.value : defaultValue(type, previous.operator) };
  }
  return { ...next, operator: operators[0], value: defaultValue(type, operators[0]) };
}
