/**
 * SQL for one condition of a rule tree, shared by the compiler (set-based predicates over every customer)
 * and the explainer (the same tests for one customer). Values are always bound; the SQL text comes from
 * the customers' vocabulary and the fragments below.
 */
import {
  attributeSql,
  CUSTOMER_FIELD_SQL,
  eventPropertySql,
  eventsSql,
  ordersSql,
} from '../../customers/segment-source/customer-sql-vocabulary';
import type { CustomerFieldKey, HistorySql, SqlValue, SqlValueType } from '../../customers/segment-source/customer-sql-vocabulary';
import { escapeLike } from '../../../platform/database/escape-like';
import { findSegmentField } from './segment-fields';
import type { FieldDataType } from './segment-fields';
import type { AggregateOperator, AttributeCondition, EventCondition, FieldCondition, OrdersCondition, PropertyFilter, RuleValue, ValueOperator } from './segment-rules.types';
import { ATTRIBUTE_DATA_TYPES } from './segment-rules.validator';
import { daysBefore, ruleDate, windowRange } from './segment-time';

type BindType = SqlValueType | 'bpchar[]' | 'uuid';

/** Parameters of a query being built ($1 is the workspace id) and what the conditions so far depend on. */
export class SegmentSql {
  readonly params: unknown[];
  /** Set once a condition is measured back from `asOf` ("last N days"). */
  timeRelative = false;
  private readonly index = new Map<string, string>();

  constructor(
    workspaceId: string,
    readonly asOf: Date,
  ) {
    this.params = [workspaceId];
  }

  readonly workspace = '$1';

  /** The placeholder of a value; the same value read as the same type shares one. */
  bind(value: unknown, type: BindType): string {
    const key = `${type}:${JSON.stringify(value)}`;
    let placeholder = this.index.get(key);
    if (!placeholder) {
      this.params.push(value);
      placeholder = `$${this.params.length}`;
      this.index.set(key, placeholder);
    }
    return placeholder;
  }

  /** `$n::type`. */
  typed(value: unknown, type: BindType): string {
    return `${this.bind(value, type)}::${type}`;
  }

  /** The placeholder of the instant `days` days before `asOf`; marks the query time-relative. */
  daysAgo(days: number): string {
    this.timeRelative = true;
    return this.bind(daysBefore(this.asOf, days), 'timestamptz');
  }

  /** The placeholder of `asOf`; marks the query time-relative. */
  now(): string {
    this.timeRelative = true;
    return this.bind(this.asOf.toISOString(), 'timestamptz');
  }
}

/** The customer's value a field condition tests. */
export const fieldValue = (node: FieldCondition): SqlValue => CUSTOMER_FIELD_SQL[node.field as CustomerFieldKey];
export const attributeValue = (node: AttributeCondition, sql: SegmentSql): SqlValue => attributeSql(sql.bind(node.key, 'text'), node.valueType);

export function fieldTestSql(node: FieldCondition, sql: SegmentSql): string {
  return valueTestSql(fieldValue(node), findSegmentField(node.field)!.dataType, node.operator, node.value, sql);
}

export function attributeTestSql(node: AttributeCondition, sql: SegmentSql): string {
  return valueTestSql(attributeValue(node, sql), ATTRIBUTE_DATA_TYPES[node.valueType], node.operator, node.value, sql);
}

const propertyTestSql = (filter: PropertyFilter, sql: SegmentSql) =>
  valueTestSql(eventPropertySql(sql.bind(filter.key, 'text'), filter.valueType), ATTRIBUTE_DATA_TYPES[filter.valueType], filter.operator, filter.value, sql);

/**
 * A two-valued test of `v` (never NULL): positive operators do not match a missing value, negative ones
 * (neq, notContains, notIn, hasNone, isEmpty) do. Free text compares case-insensitively, options exactly.
 */
export function valueTestSql(v: SqlValue, dataType: FieldDataType, operator: ValueOperator, value: RuleValue | undefined, sql: SegmentSql): string {
  const x = v.sql;
  const present = (test: string) => (v.nullable ? `(${x} IS NOT NULL AND ${test})` : test);
  const absentOrNot = (test: string) => (v.nullable ? `(${x} IS NULL OR NOT (${test}))` : `NOT (${test})`);
  const pattern = (text: string) => sql.typed(text, 'text');
  const caseless = dataType === 'string';

  switch (operator) {
    case 'isSet':
      return v.nullable ? `${x} IS NOT NULL` : 'TRUE';
    case 'isNotSet':
      return v.nullable ? `${x} IS NULL` : 'FALSE';
    case 'eq':
    case 'neq': {
      const test = caseless ? `lower(${x}) = lower(${sql.typed(value, 'text')})` : `${x} = ${sql.typed(value, scalarType(v.type))}`;
      return operator === 'eq' ? present(test) : absentOrNot(test);
    }
    case 'contains':
      return present(`${x} ILIKE ${pattern(`%${escapeLike(value as string)}%`)} ESCAPE '\\'`);
    case 'notContains':
      return absentOrNot(`${x} ILIKE ${pattern(`%${escapeLike(value as string)}%`)} ESCAPE '\\'`);
    case 'startsWith':
      return present(`${x} ILIKE ${pattern(`${escapeLike(value as string)}%`)} ESCAPE '\\'`);
    case 'endsWith':
      return present(`${x} ILIKE ${pattern(`%${escapeLike(value as string)}`)} ESCAPE '\\'`);
    case 'in':
    case 'notIn': {
      const test = caseless
        ? `lower(${x}) = ANY(ARRAY(SELECT lower(v) FROM unnest(${sql.typed(value, 'text[]')}) v))`
        : `${x} = ANY(${sql.typed(value, v.type === 'bpchar' ? 'bpchar[]' : 'text[]')})`;
      return operator === 'in' ? present(test) : absentOrNot(test);
    }
    case 'gt':
      return present(`${x} > ${sql.typed(value, 'numeric')}`);
    case 'gte':
      return present(`${x} >= ${sql.typed(value, 'numeric')}`);
    case 'lt':
      return present(`${x} < ${sql.typed(value, 'numeric')}`);
    case 'lte':
      return present(`${x} <= ${sql.typed(value, 'numeric')}`);
    case 'between': {
      const [min, max] = value as [number | string, number | string];
      if (dataType === 'date') {
        return present(`${x} BETWEEN ${sql.typed(ruleDate(min as string).start, 'timestamptz')} AND ${sql.typed(ruleDate(max as string).end, 'timestamptz')}`);
      }
      return present(`${x} BETWEEN ${sql.typed(min, 'numeric')} AND ${sql.typed(max, 'numeric')}`);
    }
    case 'before':
      return present(`${x} < ${sql.typed(ruleDate(value as string).start, 'timestamptz')}`);
    case 'after':
      return present(`${x} > ${sql.typed(ruleDate(value as string).end, 'timestamptz')}`);
    case 'withinLastDays':
      return present(`${x} BETWEEN ${sql.daysAgo(value as number)}::timestamptz AND ${sql.now()}::timestamptz`);
    case 'moreThanDaysAgo':
      return present(`${x} < ${sql.daysAgo(value as number)}::timestamptz`);
    case 'isTrue':
      return present(`${x}`);
    case 'isFalse':
      return present(`NOT ${x}`);
    case 'hasAny':
    case 'hasNone': {
      const test = v.type === 'jsonb' ? `${x} ?| ${sql.typed(value, 'text[]')}` : `${x} && ${sql.typed(value, 'text[]')}`;
      return operator === 'hasAny' ? present(test) : absentOrNot(test);
    }
    case 'hasAll':
      return present(v.type === 'jsonb' ? `${x} ?& ${sql.typed(value, 'text[]')}` : `${x} @> ${sql.typed(value, 'text[]')}`);
    case 'isEmpty':
      return absentOrNot(`${listLength(v)} > 0`);
    case 'isNotEmpty':
      return present(`${listLength(v)} > 0`);
  }
}

const scalarType = (type: SqlValueType): SqlValueType => (type === 'bpchar' ? 'bpchar' : type === 'numeric' ? 'numeric' : 'text');
const listLength = (v: SqlValue) => (v.type === 'jsonb' ? `jsonb_array_length(${v.sql})` : `cardinality(${v.sql})`);

/** An aggregate compared with a number. */
export interface Comparison {
  operator: AggregateOperator;
  value: number | [number, number];
}

/** Whether `n` satisfies the comparison (used to know whether customers without history match). */
export function holds(n: number, c: Comparison): boolean {
  const v = c.value as number;
  switch (c.operator) {
    case 'eq':
      return n === v;
    case 'neq':
      return n !== v;
    case 'gt':
      return n > v;
    case 'gte':
      return n >= v;
    case 'lt':
      return n < v;
    case 'lte':
      return n <= v;
    case 'between':
      return n >= (c.value as number[])[0] && n <= (c.value as number[])[1];
  }
}

const SQL_OPERATORS: Record<Exclude<AggregateOperator, 'between'>, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function compareSql(expr: string, c: Comparison, sql: SegmentSql): string {
  if (c.operator === 'between') {
    const [min, max] = c.value as [number, number];
    return `${expr} BETWEEN ${sql.typed(min, 'numeric')} AND ${sql.typed(max, 'numeric')}`;
  }
  return `${expr} ${SQL_OPERATORS[c.operator]} ${sql.typed(c.value, 'numeric')}`;
}

/** A history (orders or events) and the comparison its aggregate must pass; `negated` for "did not". */
export interface HistoryTest {
  history: HistorySql;
  comparison: Comparison;
  negated: boolean;
  /** The aggregate is a count (≥ 1 whenever the customer has a row). */
  counts: boolean;
}

function range(window: OrdersCondition['window'], sql: SegmentSql) {
  if (window.kind === 'lastDays') return { from: sql.daysAgo(window.days), to: sql.now() };
  const { from, to } = windowRange(window, sql.asOf);
  return { from: from && sql.bind(from, 'timestamptz'), to: to && sql.bind(to, 'timestamptz') };
}

export function ordersTest(node: OrdersCondition, sql: SegmentSql): HistoryTest {
  const history = ordersSql({
    workspace: sql.workspace,
    measure: node.measure,
    range: range(node.window, sql),
    categories: node.items?.categories && sql.bind(node.items.categories, 'text[]'),
    products: node.items?.products && sql.bind(node.items.products, 'text[]'),
  });
  return { history, comparison: { operator: node.operator, value: node.value }, negated: false, counts: node.measure === 'count' };
}

const FREQUENCY_OPERATORS = { atLeast: 'gte', atMost: 'lte', exactly: 'eq' } as const;

export function eventTest(node: EventCondition, sql: SegmentSql): HistoryTest {
  const history = eventsSql({
    workspace: sql.workspace,
    type: sql.typed(node.event, 'text'),
    range: range(node.window, sql),
    filters: (node.where ?? []).map((filter) => propertyTestSql(filter, sql)),
  });
  const frequency = node.frequency ?? { operator: 'atLeast', times: 1 };
  return { history, comparison: { operator: FREQUENCY_OPERATORS[frequency.operator], value: frequency.times }, negated: !node.did, counts: true };
}
