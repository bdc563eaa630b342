/**
 * The test oracle: evaluates a segment rule tree over an in-memory data set, customer by customer, straight
 * from the semantics documented in `segment-rules.types.ts`. It never looks at SQL: the equivalence spec
 * compares its answers with the compiler's, so the two must stay independent.
 */
import type { AttributeValueType, EventCondition, OrdersCondition, RuleNode, SegmentRules, TimeWindow } from '../segment-rules.types';
import type { OracleCustomer, OracleDataSet, OracleOrder } from './oracle-data';
import { ORACLE_FIELDS } from './oracle-fields';
import { inDateRange, inLastDays, matches, matchesNumber, readJson } from './oracle-values';
import type { ValueKind } from './oracle-values';

export interface OracleContext {
  asOf: Date;
  /** Rules of the other segments a tree may reference, by id. */
  segments: ReadonlyMap<string, SegmentRules>;
  /**
   * Members of referenced segments (erased customers included) already evaluated over the same data and asOf;
   * filled as segments are evaluated. Pass one map to several evaluations to evaluate each segment once.
   */
  segmentMembers?: Map<string, Set<string>>;
}

/** Ids of the customers (never erased ones) the rules match. */
export function evaluateSegment(data: OracleDataSet, rules: SegmentRules, context: OracleContext): Set<string> {
  return new OracleRun(data, context).members(rules);
}

class OracleRun {
  /** Members of referenced segments, erased customers included (they are dropped once, at the top). */
  private readonly segmentMembers: Map<string, Set<string>>;

  constructor(
    private readonly data: OracleDataSet,
    private readonly context: OracleContext,
  ) {
    this.segmentMembers = context.segmentMembers ?? new Map();
  }

  members(rules: SegmentRules): Set<string> {
    return new Set(this.data.customers.filter((c) => !c.erasedAt && this.node(rules.root, c)).map((c) => c.id));
  }

  private node(node: RuleNode, customer: OracleCustomer): boolean {
    switch (node.type) {
      case 'group': {
        const hit = (child: RuleNode) => this.node(child, customer);
        if (node.operator === 'and') return node.children.every(hit);
        if (node.operator === 'or') return node.children.some(hit);
        return !node.children.some(hit);
      }
      case 'field': {
        const field = ORACLE_FIELDS[node.field];
        if (!field) throw new Error(`oracle: unknown field ${node.field}`);
        return matches(field.kind, node.operator, field.read(customer), node.value, this.context.asOf);
      }
      case 'attribute':
        return matches(
          kindOf(node.valueType),
          node.operator,
          readJson(own(customer.attributes, node.key), node.valueType),
          node.value,
          this.context.asOf,
        );
      case 'orders':
        return this.orders(node, customer);
      case 'event':
        return this.event(node, customer);
      case 'segment': {
        const inSegment = this.segment(node.segmentId).has(customer.id);
        return node.operator === 'in' ? inSegment : !inSegment;
      }
    }
  }

  private orders(condition: OrdersCondition, customer: OracleCustomer): boolean {
    const categories = condition.items?.categories ?? [];
    const products = condition.items?.products ?? [];
    const filtered = categories.length > 0 || products.length > 0;
    // DECISION: a line qualifies when its category is listed OR its product is listed (exact match).
    const qualifies = (item: OracleOrder['items'][number]) => categories.includes(item.category) || products.includes(item.product);
    let count = 0;
    let cents = 0;
    for (const order of customer.orders) {
      if (!this.inWindow(order.placedAt, condition.window)) continue;
      if (!filtered) {
        count++;
        cents += order.amountCents;
        continue;
      }
      const lines = order.items.filter(qualifies);
      if (lines.length === 0) continue;
      count++;
      cents += lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    }
    return matchesNumber(condition.operator, condition.measure === 'count' ? count : cents / 100, condition.value);
  }

  private event(condition: EventCondition, customer: OracleCustomer): boolean {
    const { asOf } = this.context;
    const count = customer.events.filter(
      (e) =>
        e.type === condition.event &&
        this.inWindow(e.occurredAt, condition.window) &&
        (condition.where ?? []).every((f) =>
          matches(kindOf(f.valueType), f.operator, readJson(own(e.properties, f.key), f.valueType), f.value, asOf),
        ),
    ).length;
    const { operator, times } = condition.frequency ?? { operator: 'atLeast', times: 1 };
    const holds = operator === 'atLeast' ? count >= times : operator === 'atMost' ? count <= times : count === times;
    return condition.did ? holds : !holds;
  }

  private segment(id: string): Set<string> {
    let members = this.segmentMembers.get(id);
    if (!members) {
      const rules = this.context.segments.get(id);
      if (!rules) throw new Error(`oracle: segment ${id} is not in the context`);
      members = new Set(this.data.customers.filter((c) => this.node(rules.root, c)).map((c) => c.id));
      this.segmentMembers.set(id, members);
    }
    return members;
  }

  private inWindow(at: Date, window: TimeWindow): boolean {
    if (window.kind === 'ever') return true;
    if (window.kind === 'lastDays') return inLastDays(at.getTime(), window.days, this.context.asOf);
    return inDateRange(at.getTime(), window.from, window.to);
  }
}

/** Attributes and event properties read as `string` are free text (case-insensitive). */
const kindOf = (valueType: AttributeValueType): ValueKind => (valueType === 'string' ? 'text' : valueType);

/** A JSON object's own key only (`constructor`, `__proto__` are keys like any other). */
const own = (object: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
