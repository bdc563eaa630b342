/**
 * The compiler against an independent oracle: for a few hundred random rule trees and a list of hand-picked
 * tricky ones, the customer ids selected by the compiled SQL (`idsQuery`) over a generated data set of 3,000
 * customers equal the ids the in-memory oracle (testing/segment-oracle.ts) computes from the documented
 * semantics. A second workspace holds decoy customers that must never show up.
 *
 * Where segment-rules.types.ts is silent, both follow the decisions listed in testing/oracle-values.ts
 * and testing/oracle-fields.ts (marked DECISION) and in the orders condition of testing/segment-oracle.ts.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DB_ENV } from '../../../../test/test-env';
import { dataSourceOptions } from '../../../platform/database/data-source-options';
import { SegmentCompiler } from './segment-compiler';
import { OPERATORS_BY_TYPE, SEGMENT_FIELDS } from './segment-fields';
import { idsQuery } from './segment-queries';
import type { RuleCondition, RuleNode, SegmentRules } from './segment-rules.types';
import type { OracleDataSet } from './testing/oracle-data';
import { ORACLE_FIELDS } from './testing/oracle-fields';
import { RandomRules } from './testing/random-rules';
import { DATASET_AS_OF, generateDataSet, insertDataSet } from './testing/segment-dataset';
import { evaluateSegment } from './testing/segment-oracle';
import { trickySegments, trickyTrees } from './testing/tricky-rules';

const SEED = 20250615;
const RANDOM_TREES = 300;
const asOf = DATASET_AS_OF;

describe('segment compiler ≡ oracle', () => {
  let ds: DataSource;
  let workspaceId: string;
  let data: OracleDataSet;
  const compiler = new SegmentCompiler();
  const segments = new Map<string, SegmentRules>();
  const oracleCache = new Map<string, Set<string>>();

  beforeAll(async () => {
    ds = new DataSource(dataSourceOptions(process.env[TEST_DB_ENV]!, [], []));
    await ds.initialize();
    const workspace = async (name: string) =>
      (await ds.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [name]))[0].id as string;
    workspaceId = await workspace('Segment equivalence');
    data = generateDataSet({ seed: SEED, customers: 3000, asOf });
    await insertDataSet(ds, workspaceId, data);
    // Decoys: another workspace whose customers match everything a leaked predicate could select.
    await insertDataSet(ds, await workspace('Segment equivalence decoys'), generateDataSet({ seed: SEED + 1, customers: 60, asOf }));
  }, 60_000);
  afterAll(() => ds?.destroy());

  const loadSegmentRules = async (id: string) => segments.get(id) ?? null;

  /** Runs the tree both ways; a description of the difference, or null when they agree. */
  async function disagreement(label: string, rules: SegmentRules): Promise<string | null> {
    const compiled = await compiler.compile(rules, { workspaceId, asOf, loadSegmentRules });
    const query = idsQuery(compiled);
    const rows: { id: string }[] = await ds.query(query.sql, query.params);
    const actual = new Set(rows.map((r) => r.id));
    const expected = evaluateSegment(data, rules, { asOf, segments, segmentMembers: oracleCache });
    const extra = [...actual].filter((id) => !expected.has(id));
    const missing = [...expected].filter((id) => !actual.has(id));
    if (rows.length !== actual.size) return `${label}: idsQuery returned ${rows.length - actual.size} duplicate ids`;
    if (!extra.length && !missing.length) return null;
    return [
      `${label}: SQL selects ${actual.size}, oracle ${expected.size} — ${extra.length} only in SQL, ${missing.length} only in the oracle`,
      `tree: ${JSON.stringify(rules)}`,
      `sql: ${query.sql}`,
      `params: ${JSON.stringify(query.params)}`,
      `failing conditions alone: ${(await failingLeaves(rules)).join(' | ') || 'none (only the combination fails)'}`,
      ...[
        ...extra.slice(0, 2).map((id) => `only in SQL: ${customerText(id)}`),
        ...missing.slice(0, 2).map((id) => `only in oracle: ${customerText(id)}`),
      ],
    ].join('\n  ');
  }

  /** The conditions of a failing tree that fail on their own (the minimal cases to report). */
  async function failingLeaves(rules: SegmentRules): Promise<string[]> {
    const failing: string[] = [];
    for (const leaf of conditionsOf(rules.root)) {
      const alone: SegmentRules = { version: 1, root: { type: 'group', operator: 'and', children: [leaf] } };
      if (await disagreementCount(alone)) failing.push(JSON.stringify(leaf));
    }
    return failing;
  }

  async function disagreementCount(rules: SegmentRules): Promise<number> {
    const query = idsQuery(await compiler.compile(rules, { workspaceId, asOf, loadSegmentRules }));
    const rows: { id: string }[] = await ds.query(query.sql, query.params);
    const actual = new Set(rows.map((r) => r.id));
    const expected = evaluateSegment(data, rules, { asOf, segments, segmentMembers: oracleCache });
    return [...actual].filter((id) => !expected.has(id)).length + [...expected].filter((id) => !actual.has(id)).length;
  }

  function customerText(id: string): string {
    const c = data.customers.find((x) => x.id === id);
    return JSON.stringify(c, (key, value) => (key === 'orders' || key === 'events' ? `${(value as unknown[]).length} rows` : value));
  }

  it('covers every catalogue field with the same data type', () => {
    const kinds = Object.fromEntries(SEGMENT_FIELDS.map((f) => [f.key, f.dataType === 'string' ? 'text' : f.dataType]));
    expect(Object.fromEntries(Object.entries(ORACLE_FIELDS).map(([key, f]) => [key, f.kind]))).toEqual(kinds);
  });

  it('agrees on the hand-picked tricky trees', async () => {
    const ids = { base: randomUUID(), chain: randomUUID() };
    const named = trickySegments(ids);
    segments.set(ids.base, named.base).set(ids.chain, named.chain);
    const failures: string[] = [];
    for (const { name, rules } of trickyTrees(ids)) {
      const problem = await disagreement(name, rules);
      if (problem) failures.push(problem);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it(`agrees on ${RANDOM_TREES} random trees (seeded)`, async () => {
    const random = new RandomRules(SEED, data, asOf);
    const generated: string[] = [];
    const failures: string[] = [];
    for (let i = 0; i < RANDOM_TREES; i++) {
      const rules = random.tree(generated);
      const problem = await disagreement(`random tree #${i}`, rules);
      if (problem) failures.push(problem);
      const id = randomUUID();
      segments.set(id, rules);
      generated.push(id);
    }
    expect({ failing: failures.length, first: failures.slice(0, 5) }).toEqual({ failing: 0, first: [] });
    // The trees must keep exercising every field, operator and condition shape, or agreeing proves little.
    const seen = new Set(generated.flatMap((id) => coverageOf(segments.get(id)!.root)));
    const wanted = [
      ...SEGMENT_FIELDS.flatMap((f) => f.operators.map((op) => `field ${f.key} ${op}`)),
      ...Object.entries(OPERATORS_BY_TYPE).flatMap(([type, ops]) =>
        ops.map((op) => `attribute ${type === 'option' ? 'string' : type} ${op}`),
      ),
      ...['ever', 'lastDays', 'between'].flatMap((w) => [`orders count ${w}`, `orders sum ${w}`, `event true ${w}`, `event false ${w}`]),
      'orders items',
      'event where',
      'segment in',
      'segment notIn',
      'group and',
      'group or',
      'group not',
      'group empty',
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  }, 120_000);
});

/** What a tree exercises, as labels: `field <key> <operator>`, `attribute <type> <operator>`, `orders sum lastDays`… */
function coverageOf(node: RuleNode): string[] {
  switch (node.type) {
    case 'group':
      return [`group ${node.operator}`, ...(node.children.length ? [] : ['group empty']), ...node.children.flatMap(coverageOf)];
    case 'field':
      return [`field ${node.field} ${node.operator}`];
    case 'attribute':
      return [`attribute ${node.valueType} ${node.operator}`];
    case 'orders':
      return [`orders ${node.measure} ${node.window.kind}`, ...(node.items ? ['orders items'] : [])];
    case 'event':
      return [`event ${node.did} ${node.window.kind}`, ...(node.where?.length ? ['event where'] : [])];
    case 'segment':
      return [`segment ${node.operator}`];
  }
}

function conditionsOf(node: RuleNode): RuleCondition[] {
  return node.type === 'group' ? node.children.flatMap(conditionsOf) : [node];
}
