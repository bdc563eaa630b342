import { Injectable } from '@nestjs/common';
import { customerIn, customerNotIn, customersWithHistory } from '../../customers/segment-source/customer-sql-vocabulary';
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
}

/**
 * A compiled node: plain SQL, or membership (`member`) or not of a set of customer ids (orders and event
 * conditions), kept apart so sibling sets under `or` merge into one and sets ANDed at the top of the
 * predicate become semi-/anti-joins.
 */
type Piece = { sql: string } | { customers: string; member: boolean };

/**
 * Compiles a rule tree into one parameterized boolean predicate. Negation is pushed down to the
 * conditions (`not` over a group becomes the conjunction of negated children), so order and event
 * conditions stay set-based subqueries the planner runs once, never per customer.
 */
@Injectable()
export class SegmentCompiler {
  /** Validates (400 `invalid-segment-rules` with JSON paths like `rules.root.children[1].value`) and compiles. */
  async compile(rules: unknown, ctx: CompileContext): Promise<CompiledSegment> {
    const tree = validateSegmentRules(rules);
    const references = await resolveSegmentReferences(tree, ctx);
    const sql = new SegmentSql(ctx.workspaceId, ctx.asOf);
    const compiler = new TreeCompiler(sql, references);
    const predicate = render(compiler.group(tree.root, false, true), true);
    return { predicate, params: sql.params, timeRelative: sql.timeRelative, referencedSegmentIds: [...references.keys()] };
  }
}

class TreeCompiler {
  constructor(
    private readonly sql: SegmentSql,
    private readonly references: Map<string, SegmentRules>,
  ) {}

  /** The node, or its negation when `negated`; `top` when it is ANDed at the top of the WHERE clause. */
  node(node: RuleNode, negated: boolean, top: boolean): Piece {
    switch (node.type) {
      case 'group':
        return this.group(node, negated, top);
      case 'field':
        return { sql: negate(fieldTestSql(node, this.sql), negated) };
      case 'attribute':
        return { sql: negate(attributeTestSql(node, this.sql), negated) };
      case 'orders':
        return this.history(ordersTest(node, this.sql), negated);
      case 'event':
        return this.history(eventTest(node, this.sql), negated);
      case 'segment':
        return this.group(this.references.get(node.segmentId)!.root, negated !== (node.operator === 'notIn'), top);
    }
  }

  group(group: RuleGroup, negated: boolean, top: boolean): Piece {
    // and = every child; or = some child; not = no child = every child negated.
    const conjunction = group.operator === 'or' ? negated : !negated;
    const childNegated = group.operator === 'not' ? !negated : negated;
    const childTop = top && conjunction;
    const pieces = group.children.map((child) => this.node(child, childNegated, childTop));
    if (pieces.length === 0) return { sql: conjunction ? 'TRUE' : 'FALSE' };
    if (pieces.length === 1) return pieces[0];
    if (conjunction) return { sql: `(${pieces.map((p) => render(p, childTop)).join(' AND ')})` };
    // Under `or`, the customers of every positive set condition form one set (one hash, one join).
    const sets = pieces.filter((p): p is { customers: string; member: boolean } => 'customers' in p && p.member);
    const rest = pieces.filter((p) => !('customers' in p && p.member));
    const union: Piece[] = sets.length ? [{ customers: sets.map((s) => s.customers).join(' UNION ALL '), member: true }] : [];
    if (!rest.length) return union[0];
    return { sql: `(${[...union, ...rest].map((p) => render(p, false)).join(' OR ')})` };
  }

  /**
   * Customers whose aggregate passes the comparison, as a set: when customers without history (aggregate 0)
   * pass, as NOT the set of those with history that fail, so the subquery only reads existing rows.
   */
  private history(test: HistoryTest, negated: boolean): Piece {
    const { history, comparison } = test;
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

function render(piece: Piece, top: boolean): string {
  if ('sql' in piece) return piece.sql;
  return piece.member ? customerIn(piece.customers) : customerNotIn(piece.customers, top);
}

const negate = (sql: string, negated: boolean) => (negated ? `NOT (${sql})` : sql);
