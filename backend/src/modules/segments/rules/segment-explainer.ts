import { Injectable } from '@nestjs/common';
import { historyOfCustomer } from '../../customers/segment-source/customer-sql-vocabulary';
import type { SqlValue } from '../../customers/segment-source/customer-sql-vocabulary';
import { notFound } from '../../../platform/errors/domain-error';
import { attributeTestSql, attributeValue, compareSql, eventTest, fieldTestSql, fieldValue, ordersTest, SegmentSql } from './segment-condition-sql';
import type { HistoryTest } from './segment-condition-sql';
import { SegmentExplainRepository } from './segment-explain.repository';
import { resolveSegmentReferences } from './segment-references';
import type { RuleNode, SegmentRules } from './segment-rules.types';
import { validateSegmentRules } from './segment-rules.validator';

/**
 * One node of a rule tree annotated for one customer (GET /api/segments/{id}/explain/{customerId}).
 * - group: `expected` `{ operator }`; `matched` from the children (and: all, or: one, not: none).
 * - field / attribute: `actual` the customer's value (null when missing, or not readable as the attribute's
 *   type), `expected` `{ operator, value? }`.
 * - orders: `actual` the count or sum in the window (0 without orders), `expected` `{ measure, operator, value, window, items? }`.
 * - event: `actual` how many matching events in the window, `expected` `{ did, frequency, window, where? }`.
 * - segment: `actual` whether the customer meets that segment's rules now, `expected` `{ operator, segmentId }`.
 */
export interface ExplainedNode {
  /** JSON path of the node, e.g. `rules.root.children[1]`. */
  path: string;
  type: RuleNode['type'];
  matched: boolean;
  actual?: unknown;
  expected?: unknown;
  children?: ExplainedNode[];
}

/** A condition's columns in the customer's row: whether it passes and the value compared. */
interface Evaluated {
  matched: string;
  actual: string;
  read: (value: unknown) => unknown;
}

/** Why a customer meets or misses each condition of a rule tree, with the values compared. */
@Injectable()
export class SegmentExplainer {
  constructor(private readonly repository: SegmentExplainRepository) {}

  /** The annotated tree; 404 when the customer is not in the workspace (or was erased). */
  async explain(
    workspaceId: string,
    rules: unknown,
    customerId: string,
    asOf: Date,
    loadSegmentRules: (segmentId: string) => Promise<SegmentRules | null>,
  ): Promise<ExplainedNode> {
    const tree = validateSegmentRules(rules);
    const references = await resolveSegmentReferences(tree, { loadSegmentRules });
    const memberships = new Map<string, Promise<boolean>>();
    const membership = (segmentId: string): Promise<boolean> => {
      if (!memberships.has(segmentId)) memberships.set(segmentId, explainTree(references.get(segmentId)!).then((node) => node.matched));
      return memberships.get(segmentId)!;
    };

    const explainTree = async (rules: SegmentRules): Promise<ExplainedNode> => {
      const sql = new SegmentSql(workspaceId, asOf);
      const customer = sql.bind(customerId, 'uuid');
      const columns: string[] = [];
      const plan = new Map<RuleNode, Evaluated>();
      for (const node of conditions(rules.root)) {
        const evaluated = evaluate(node, sql);
        if (evaluated) plan.set(node, evaluated);
      }
      for (const e of plan.values()) columns.push(e.matched, e.actual);
      const row = await this.repository.customerRow(columns, customer, sql.params);
      if (!row) throw notFound('Customer');
      const results = new Map([...plan].map(([node, e], i) => [node, { matched: row[`c${2 * i}`] === true, actual: e.read(row[`c${2 * i + 1}`]) }]));
      return annotate(rules.root, 'rules.root', results, membership);
    };
    return explainTree(tree);
  }
}

function* conditions(node: RuleNode): Generator<RuleNode> {
  if (node.type === 'group') for (const child of node.children) yield* conditions(child);
  else yield node;
}

/** The SQL of a condition for the customer `c`: the same tests as the compiler, aggregates of this customer only. */
function evaluate(node: RuleNode, sql: SegmentSql): Evaluated | undefined {
  switch (node.type) {
    case 'field':
      return valueColumns(fieldTestSql(node, sql), fieldValue(node));
    case 'attribute':
      return valueColumns(attributeTestSql(node, sql), attributeValue(node, sql));
    case 'orders':
      return historyColumns(ordersTest(node, sql), sql);
    case 'event':
      return historyColumns(eventTest(node, sql), sql);
    default:
      return undefined;
  }
}

const valueColumns = (matched: string, value: SqlValue): Evaluated => ({
  matched,
  actual: value.sql,
  read: (v) => (v === null || v === undefined ? null : value.type === 'numeric' ? Number(v) : v instanceof Date ? v.toISOString() : v),
});

function historyColumns(test: HistoryTest, sql: SegmentSql): Evaluated {
  const actual = historyOfCustomer(test.history);
  const passes = compareSql(actual, test.comparison, sql);
  return { matched: test.negated ? `NOT (${passes})` : passes, actual, read: (v) => Number(v) };
}

async function annotate(
  node: RuleNode,
  path: string,
  results: Map<RuleNode, { matched: boolean; actual: unknown }>,
  membership: (segmentId: string) => Promise<boolean>,
): Promise<ExplainedNode> {
  switch (node.type) {
    case 'group': {
      const children = await Promise.all(node.children.map((child, i) => annotate(child, `${path}.children[${i}]`, results, membership)));
      const met = children.filter((c) => c.matched).length;
      const matched = node.operator === 'and' ? met === children.length : node.operator === 'or' ? met > 0 : met === 0;
      return { path, type: 'group', matched, expected: { operator: node.operator }, children };
    }
    case 'segment': {
      const member = await membership(node.segmentId);
      return { path, type: 'segment', matched: node.operator === 'in' ? member : !member, actual: member, expected: { operator: node.operator, segmentId: node.segmentId } };
    }
    default: {
      const { matched, actual } = results.get(node)!;
      return { path, type: node.type, matched, actual, expected: expectation(node) };
    }
  }
}

/** The condition's own terms, without the node id and type. */
function expectation(node: RuleNode): Record<string, unknown> {
  const terms = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'id' && key !== 'type'));
  if (node.type === 'event') return { frequency: { operator: 'atLeast', times: 1 }, ...terms };
  return terms;
}
