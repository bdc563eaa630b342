import { CUSTOMER_FIELD_SQL } from '../../customers/segment-source/customer-sql-vocabulary';
import type { CustomerFieldKey } from '../../customers/segment-source/customer-sql-vocabulary';
import { CHURN_RISKS, CONSENT_STATUSES, RFM_TIERS } from '../../customers/customers.types';
import type { BooleanOperator, DateOperator, ListOperator, NumberOperator, OptionOperator, StringOperator, ValueOperator } from './segment-rules.types';

/**
 * How a field's values compare: `string` is free text (case-insensitive), `option` one of a set of values
 * (exact), `list` a set of options (tags, list attributes; items compare exactly).
 */
export type FieldDataType = 'string' | 'option' | 'number' | 'date' | 'boolean' | 'list';

export const STRING_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'isSet',
  'isNotSet',
] as const satisfies readonly StringOperator[];
export const OPTION_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'isSet', 'isNotSet'] as const satisfies readonly OptionOperator[];
export const NUMBER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'isSet', 'isNotSet'] as const satisfies readonly NumberOperator[];
export const DATE_OPERATORS = ['before', 'after', 'between', 'withinLastDays', 'moreThanDaysAgo', 'isSet', 'isNotSet'] as const satisfies readonly DateOperator[];
export const BOOLEAN_OPERATORS = ['isTrue', 'isFalse', 'isSet', 'isNotSet'] as const satisfies readonly BooleanOperator[];
export const LIST_OPERATORS = ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'] as const satisfies readonly ListOperator[];

export const OPERATORS_BY_TYPE: Record<FieldDataType, readonly ValueOperator[]> = {
  string: STRING_OPERATORS,
  option: OPTION_OPERATORS,
  number: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  boolean: BOOLEAN_OPERATORS,
  list: LIST_OPERATORS,
};

/** Every value operator, in a stable order (the schema's enum). */
export const VALUE_OPERATORS: readonly ValueOperator[] = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];

/** Where the console gets the choices of an option/list field whose values come from the workspace's data. */
export type FieldOptionsSource = 'countries' | 'tags' | 'categories' | 'products' | 'eventTypes';

export interface SegmentField {
  key: CustomerFieldKey;
  label: string;
  group: 'Profile' | 'Consent' | 'Traits';
  dataType: FieldDataType;
  operators: readonly ValueOperator[];
  /** The fixed choices of an option field. */
  options?: readonly string[];
  optionsSource?: FieldOptionsSource;
  /** The value of a customer without a traits row (no order or event yet), for fields that are never missing. */
  missingAs?: number | boolean;
  description?: string;
}

type FieldSpec = Omit<SegmentField, 'operators' | 'group'>;
const withoutSetTests = (ops: readonly ValueOperator[]) => ops.filter((op) => op !== 'isSet' && op !== 'isNotSet');

const group = (name: SegmentField['group'], specs: FieldSpec[]): SegmentField[] =>
  specs.map((spec) => ({
    ...spec,
    group: name,
    // A field that is never missing offers no isSet / isNotSet.
    operators: CUSTOMER_FIELD_SQL[spec.key].nullable ? OPERATORS_BY_TYPE[spec.dataType] : withoutSetTests(OPERATORS_BY_TYPE[spec.dataType]),
  }));

/** The built-in fields a segment condition may name, by catalogue key (an allow-list: nothing else compiles). */
export const SEGMENT_FIELDS: readonly SegmentField[] = [
  ...group('Profile', [
    { key: 'profile.email', label: 'Email', dataType: 'string' },
    { key: 'profile.firstName', label: 'First name', dataType: 'string' },
    { key: 'profile.lastName', label: 'Last name', dataType: 'string' },
    { key: 'profile.phone', label: 'Phone', dataType: 'string', description: 'E.164, e.g. +14155550100' },
    { key: 'profile.externalId', label: 'External id', dataType: 'string' },
    { key: 'profile.city', label: 'City', dataType: 'string' },
    { key: 'profile.country', label: 'Country', dataType: 'option', optionsSource: 'countries', description: 'ISO 3166-1 alpha-2, upper case' },
    { key: 'profile.timezone', label: 'Time zone', dataType: 'string', description: 'IANA zone, e.g. Europe/Berlin' },
    { key: 'profile.locale', label: 'Locale', dataType: 'string', description: 'BCP 47 tag, e.g. de-DE' },
    { key: 'profile.tags', label: 'Tags', dataType: 'list', optionsSource: 'tags' },
    { key: 'profile.createdAt', label: 'Created', dataType: 'date' },
  ]),
  ...group('Consent', [
    { key: 'consent.email', label: 'Email consent', dataType: 'option', options: CONSENT_STATUSES },
    { key: 'consent.sms', label: 'SMS consent', dataType: 'option', options: CONSENT_STATUSES },
    { key: 'consent.push', label: 'Push consent', dataType: 'option', options: CONSENT_STATUSES },
  ]),
  ...group('Traits', [
    { key: 'traits.totalSpent', label: 'Total spent', dataType: 'number', missingAs: 0 },
    { key: 'traits.orderCount', label: 'Order count', dataType: 'number', missingAs: 0 },
    { key: 'traits.avgOrderValue', label: 'Average order value', dataType: 'number' },
    { key: 'traits.firstOrderAt', label: 'First order', dataType: 'date' },
    { key: 'traits.lastOrderAt', label: 'Last order', dataType: 'date' },
    { key: 'traits.recencyScore', label: 'Recency score', dataType: 'number', description: 'RFM recency, 1–5' },
    { key: 'traits.frequencyScore', label: 'Frequency score', dataType: 'number', description: 'RFM frequency, 1–5' },
    { key: 'traits.monetaryScore', label: 'Monetary score', dataType: 'number', description: 'RFM monetary, 1–5' },
    { key: 'traits.rfmTier', label: 'RFM tier', dataType: 'option', options: RFM_TIERS },
    { key: 'traits.clv', label: 'Customer lifetime value', dataType: 'number' },
    { key: 'traits.churnRisk', label: 'Churn risk', dataType: 'option', options: CHURN_RISKS },
    { key: 'traits.preferredCategory', label: 'Preferred category', dataType: 'option', optionsSource: 'categories' },
    { key: 'traits.preferredHour', label: 'Preferred hour', dataType: 'number', description: 'Hour of day 0–23 in the customer’s time zone' },
    { key: 'traits.nightBuyer', label: 'Night buyer', dataType: 'boolean', missingAs: false },
    { key: 'traits.engagementScore', label: 'Engagement score', dataType: 'number', missingAs: 0, description: '0–100' },
    { key: 'traits.eventCount', label: 'Event count', dataType: 'number', missingAs: 0 },
    { key: 'traits.lastEventAt', label: 'Last event', dataType: 'date' },
  ]),
];

const BY_KEY = new Map<string, SegmentField>(SEGMENT_FIELDS.map((f) => [f.key, f]));

/** The catalogue entry of a key, or undefined for a key that is not in the allow-list. */
export const findSegmentField = (key: string): SegmentField | undefined => BY_KEY.get(key);
