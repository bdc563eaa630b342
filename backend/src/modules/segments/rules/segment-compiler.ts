import { Injectable } from '@nestjs/common';
import {
  customerAmong,
  customerHasHistory,
  customerIn,
  customerNotIn,
  customersWhere,
  customersWithHistory,
  historyOf,
  historyOfCustomer,
} from '../../customers/segment-source/customer-sql-vocabulary';
import { attributeTestSql, compareSql, eventTest, fieldTestSql, holds, ordersTest, SegmentSql } from './segment-condition-sql';
import type { Comparison, HistoryTest } from './segment-condition-sql';
import { resolveSegmentReferences } from './segment-references';
import type { RuleGroup, RuleNode, SegmentRules } from './segment-rules.types';
import { validateSegmentRules } from './segment-rules.validator';

export interface CompileContext {
  workspaceId: string;
  /** Evaluation time: relative windows ("last N days") are measured back from it. */
  asOf: Date;
  /** Loads another segment's rules in the same workspace (segment conditions); null when it does not exist. */
  loadSegmentRules: (segmentId: string) => Promise<SegmentRules | null>;
  /** The segment being compiled (cycle detection); undefined for previews of unsaved trees. */
  selfId?: string;
}

export interface CompiledSegment {
  /** Boolean SQL over the customer row (alias `c`) joined to its traits row (alias `t`, LEFT JOIN);
   *  never NULL. Placeholders $1.. ; $1 is always the workspace id. */
  predicate: string;
  params: unknown[];
  /** True when membership depends on asOf (relative windows) — drifts as time passes. */
  timeRelative: boolean;
  /** Every segment referenced, transitively. */
  referencedSegmentIds: string[];
  /**
   * The predicate for only the customers of one more parameter (`$${params.length + 1}`, a uuid[]): every
   * order and event subquery reads just their rows (incremental refreshes; see idsQuery's `onlyIdsParam`).
   */
  onlyIdsPredicate: string;
}

/**
 * A compiled node, in two renderings of the same test:
 * - `sql`, for a WHERE over all the workspace's customers: order and event conditions as sets of customer
 *   ids the planner builds once and joins (semi-/anti-joins);
 * - `perCustomer`, for a few customer rows: the same conditions as correlated subqueries (one index probe
 *   per customer), cheap once a join has narrowed the customers down.
 * `set` says the node is one set of customer ids the customer must be in (`member`) or not; a `driver` is a
 * single aggregate condition the customer must meet (spent more than, ordered at least N times…) — a
 * semi-join that usually narrows the customers a lot. (Having done something at all, in a window or ever,
 * is often true of most customers: testing other conditions per customer behind it would cost more than
 * building their sets, so it drives nothing.)
 * `conjuncts` lists the parts of an AND, so nested ANDs flatten.
 */
interface Piece {
  sql: string;
  perCustomer: string;
  sets: boolean;
  set?: { customers: string; member: boolean; driver: boolean };
  conjuncts?: Piece[];
}

const plain = (sql: string): Piece => ({ sql, perCustomer: sql, sets: false });

/**
 * Compiles a rule tree into one parameterized boolean predicate. Order and event conditions are never left
 * where the planner could only run them once per customer over the whole workspace: negation is pushed down
 * to the conditions (`not` over a group is the conjunction of the negated children); conditions ANDed
 * together become semi-/anti-joins; an AND holding an aggregate one to meet (a driver: spent more than…)
 * tests its other order/event conditions per customer, on the customers that join lets through; elsewhere
 * an `or` holding such conditions becomes one set, the union of its children's customers.
 */
@Injectable()
export class SegmentCompiler {
  /** Validates (400 `invalid-segment-rules` with JSON paths like `rules.root.children[1].value`) and compiles. */
  async compile(rules: unknown, ctx: CompileContext): Promise<CompiledSegment> {
    const tree = validateSegmentRules(rules);
    const references = await resolveSegmentReferences(tree, ctx);
    const sql = new SegmentSql(ctx.workspaceId, ctx.asOf);
    const predicate = new TreeCompiler(sql, references).group(tree.root, false).sql;
    // The same tree again binds the same values to the same placeholders, so the list of ids comes next.
    const bound = sql.params.length;
    const only = `$${bound + 1}`;
    const onlyIdsPredicate = `${customerAmong(only)} AND ${new TreeCompiler(sql, references, only).group(tree.root, false).sql}`;
    if (sql.params.length !== bound) throw new Error('Compiling the tree twice bound different parameters');
    return { predicate, params: sql.params, timeRelative: sql.timeRelative, referencedSegmentIds: [...references.keys()], onlyIdsPredicate };
  }
}

class TreeCompiler {
  /** `only`: the placeholder of a uuid[] the sets are restricted to. */
  constructor(
    private readonly sql: SegmentSql,
    private readonly references: Map<string, SegmentRules>,
    private readonly only?: string,
  ) {}

  /** The node, or its negation when `negated`. */
  node(node: RuleNode, negated: boolean): Piece {
    switch (node.type) {
      case 'group':
        return this.group(node, negated);
      case 'field':
        return plain(negate(fieldTestSql(node, this.sql), negated));
      case 'attribute':
        return plain(negate(attributeTestSql(node, this.sql), negated));
      case 'orders':
        return this.history(ordersTest(node, this.sql), negated);
      case 'event':
        return this.history(eventTest(node, this.sql), negated);
      case 'segment':
        return this.group(this.references.get(node.segmentId)!.root, negated !== (node.operator === 'notIn'));
    }
  }

  group(group: RuleGroup, negated: boolean): Piece {
    // and = every child; or = some child; not = no child = every child negated.
    const conjunction = group.operator === 'or' ? negated : !negated;
    const childNegated = group.operator === 'not' ? !negated : negated;
    const children = group.children.map((child) => this.node(child, childNegated));
    if (children.length === 0) return plain(conjunction ? 'TRUE' : 'FALSE');
    if (children.length === 1) return children[0];
    return conjunction ? this.and(children.flatMap((p) => p.conjuncts ?? [p])) : this.or(children);
  }

  private and(pieces: Piece[]): Piece {
    // With a driver, the other order/event conditions are tested per customer on what the joins let through.
    const driven = pieces.some((p) => p.set?.driver);
    const sql = pieces.map((p) => (driven && !p.set?.driver ? p.perCustomer : p.sql));
    return { sql: `(${sql.join(' AND ')})`, perCustomer: `(${pieces.map((p) => p.perCustomer).join(' AND ')})`, sets: pieces.some((p) => p.sets), conjuncts: pieces };
  }

  private or(pieces: Piece[]): Piece {
    const perCustomer = `(${pieces.map((p) => p.perCustomer).join(' OR ')})`;
    if (!pieces.some((p) => p.sets)) return { sql: `(${pieces.map((p) => p.sql).join(' OR ')})`, perCustomer, sets: false };
    // Over the workspace, one set: each child's customers, unioned (UNION, so the planner expects distinct ids).
    const customers = pieces.map((p) => (p.set?.member ? p.set.customers : customersWhere(this.sql.workspace, p.sql, this.only))).join(' UNION ');
    return { sql: customerIn(customers), perCustomer, sets: true, set: { customers, member: true, driver: false } };
  }

  /**
   * Customers whose aggregate passes the comparison. As a set: when customers without history (aggregate 0)
   * pass, NOT the set of those with history that fail, so the subquery only reads existing rows; for counts
   * that only ask whether there is a row, no aggregate at all.
   */
  private history(test: HistoryTest, negated: boolean): Piece {
    const { comparison } = test;
    const history = this.only ? historyOf(test.history, this.only) : test.history;
    const zeroPasses = holds(0, comparison);
    const flipped = test.negated !== negated;
    const member = !zeroPasses !== flipped;
    // Sums can be 0 with rows (free orders), so only counts reduce to "has a row".
    const onePasses = test.counts ? countsAlike(comparison) : undefined;
    if (onePasses !== undefined && onePasses !== zeroPasses) {
      const customers = customersWithHistory(history);
      const perCustomer = member ? customerHasHistory(test.history) : `NOT ${customerHasHistory(test.history)}`;
      // Not having a row: NOT EXISTS, which the planner runs as an anti-join or per customer, as it sees fit.
      return { sql: member ? customerIn(customers) : perCustomer, perCustomer, sets: true, set: { customers, member, driver: false } };
    }
    const customers = customersWithHistory(history, (aggregate) => {
      const sql = compareSql(aggregate, comparison, this.sql);
      return zeroPasses ? `NOT (${sql})` : sql;
    });
    const perCustomer = negate(compareSql(historyOfCustomer(test.history), comparison, this.sql), flipped);
    return { sql: member ? customerIn(customers) : customerNotIn(customers), perCustomer, sets: true, set: { customers, member, driver: member } };
  }
}

/**
 * For counts, whether every count ≥ 1 passes (true) or every one fails (false), so that only having a row
 * matters (no GROUP BY); undefined when it depends on the count.
 */
function countsAlike(c: Comparison): boolean | undefined {
  const positiveInteger = (v: number) => Number.isInteger(v) && v >= 1;
  switch (c.operator) {
    case 'gt':
    case 'gte':
      return holds(1, c) ? true : undefined;
    case 'lt':
    case 'lte':
      return holds(1, c) ? undefined : false;
    case 'eq':
      return positiveInteger(c.value as number) ? undefined : false;
    case 'neq':
      return positiveInteger(c.value as number) ? undefined : true;
    case 'between':
      return (c.value as number[])[1] < 1 ? false : undefined;
  }
}

const negate = (sql: string, negated: boolean) => (negated ? `NOT (${sql})` : sql);
