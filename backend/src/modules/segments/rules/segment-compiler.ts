import { Injectable } from '@nestjs/common';
import { customerAmong, customerIn, customerNotIn, customersWhere, customersWithHistory, historyOf } from '../../customers/segment-source/customer-sql-vocabulary';
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
 * A compiled node: plain SQL (`sets` when it holds set subqueries), or membership (`member`) or not of a
 * set of customer ids (orders and event conditions, and groups turned into sets).
 */
type Piece = { sql: string; sets: boolean } | { customers: string; member: boolean };

/**
 * Compiles a rule tree into one parameterized boolean predicate whose order and event conditions are
 * set-based subqueries the planner runs once (never per customer), and always in a position where it can
 * join them: negation is pushed down to the conditions (`not` over a group is the conjunction of the
 * negated children), conditions ANDed together become semi-/anti-joins, and an `or` holding such a
 * condition becomes one set — the union of its children's customers.
 */
@Injectable()
export class SegmentCompiler {
  /** Validates (400 `invalid-segment-rules` with JSON paths like `rules.root.children[1].value`) and compiles. */
  async compile(rules: unknown, ctx: CompileContext): Promise<CompiledSegment> {
    const tree = validateSegmentRules(rules);
    const references = await resolveSegmentReferences(tree, ctx);
    const sql = new SegmentSql(ctx.workspaceId, ctx.asOf);
    const predicate = render(new TreeCompiler(sql, references).group(tree.root, false));
    // The same tree again binds the same values to the same placeholders, so the list of ids comes next.
    const bound = sql.params.length;
    const only = `$${bound + 1}`;
    const onlyIdsPredicate = `${customerAmong(only)} AND ${render(new TreeCompiler(sql, references, only).group(tree.root, false))}`;
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
        return { sql: negate(fieldTestSql(node, this.sql), negated), sets: false };
      case 'attribute':
        return { sql: negate(attributeTestSql(node, this.sql), negated), sets: false };
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
    const pieces = group.children.map((child) => this.node(child, childNegated));
    if (pieces.length === 0) return { sql: conjunction ? 'TRUE' : 'FALSE', sets: false };
    if (pieces.length === 1) return pieces[0];
    const sets = pieces.some((p) => !('sql' in p) || p.sets);
    if (conjunction || !sets) return { sql: `(${pieces.map(render).join(conjunction ? ' AND ' : ' OR ')})`, sets };
    // A disjunction of sets, as one set: each child's customers, unioned.
    const union = pieces.map((p) => ('customers' in p && p.member ? p.customers : customersWhere(this.sql.workspace, render(p), this.only)));
    return { customers: union.join(' UNION ALL '), member: true };
  }

  /**
   * Customers whose aggregate passes the comparison, as a set: when customers without history (aggregate 0)
   * pass, as NOT the set of those with history that fail, so the subquery only reads existing rows.
   */
  private history(test: HistoryTest, negated: boolean): Piece {
    const { comparison } = test;
    const history = this.only ? historyOf(test.history, this.only) : test.history;
    const zeroPasses = holds(0, comparison);
    // Sums can be 0 with rows (free orders), so only counts reduce to "has a row".
    const onePasses = test.counts ? countsAlike(comparison) : undefined;
    let customers: string;
    if (onePasses !== undefined && onePasses !== zeroPasses) {
      customers = customersWithHistory(history);
    } else {
      customers = customersWithHistory(history, (aggregate) => {
        const sql = compareSql(aggregate, comparison, this.sql);
        return zeroPasses ? `NOT (${sql})` : sql;
      });
    }
    return { customers, member: !zeroPasses !== (test.negated !== negated) };
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

function render(piece: Piece): string {
  if ('sql' in piece) return piece.sql;
  return piece.member ? customerIn(piece.customers) : customerNotIn(piece.customers);
}

const negate = (sql: string, negated: boolean) => (negated ? `NOT (${sql})` : sql);
