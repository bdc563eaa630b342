import { DataSource } from 'typeorm';
import { DomainError } from '../../../platform/errors/domain-error';
import { SegmentExplainRepository } from './segment-explain.repository';
import { SegmentExplainer } from './segment-explainer';
import type { ExplainedNode } from './segment-explainer';
import type { RuleGroup, SegmentRules } from './segment-rules.types';
import { AS_OF, connect, insertPeople, insertWorkspace } from './segment-rules.fixtures.test';
import type { Name } from './segment-rules.fixtures.test';

const SEGMENT_A = '00000000-0000-4000-8000-00000000000a';

describe('SegmentExplainer on PostgreSQL', () => {
  let ds: DataSource;
  let workspaceId: string;
  let ids: Record<Name, string>;
  let explainer: SegmentExplainer;
  const saved = new Map<string, SegmentRules>([
    // Segment A: customers in the US.
    [SEGMENT_A, { version: 1, root: { type: 'group', operator: 'and', children: [{ type: 'field', field: 'profile.country', operator: 'eq', value: 'US' }] } }],
  ]);
  const explain = (root: RuleGroup, name: Name) => explainer.explain(workspaceId, { version: 1, root }, ids[name], AS_OF, async (id) => saved.get(id) ?? null);

  beforeAll(async () => {
    ds = await connect();
    workspaceId = await insertWorkspace(ds, 'Explain');
    ids = await insertPeople(ds, workspaceId);
    explainer = new SegmentExplainer(new SegmentExplainRepository(ds));
  });
  afterAll(() => ds.destroy());

  /** The benchmark's shape plus an attribute, a negated group and a segment condition. */
  const root: RuleGroup = {
    type: 'group',
    operator: 'and',
    children: [
      { type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } },
      {
        type: 'group',
        operator: 'or',
        children: [
          { type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } },
          { type: 'event', event: 'visit', did: true, frequency: { operator: 'atLeast', times: 3 }, window: { kind: 'lastDays', days: 14 } },
        ],
      },
      { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] },
      { type: 'attribute', key: 'age', valueType: 'number', operator: 'gte', value: 30 },
      { type: 'group', operator: 'not', children: [{ type: 'field', field: 'traits.rfmTier', operator: 'eq', value: 'At risk' }] },
      { type: 'segment', segmentId: SEGMENT_A, operator: 'in' },
    ],
  };

  it('a customer meeting every condition: every node matched, with the values compared', async () => {
    const tree = await explain(root, 'ann');
    // ann: orders of 2025-05-25 (300) and 2025-04-20 (400) in the last 90 days; email opened 2025-05-28; 3 visits
    // since 2025-05-18; US; age 34; Champions; in the US segment.
    expect(tree).toEqual<ExplainedNode>({
      path: 'rules.root',
      type: 'group',
      matched: true,
      expected: { operator: 'and' },
      children: [
        { path: 'rules.root.children[0]', type: 'orders', matched: true, actual: 700, expected: { measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } } },
        {
          path: 'rules.root.children[1]',
          type: 'group',
          matched: true,
          expected: { operator: 'or' },
          children: [
            { path: 'rules.root.children[1].children[0]', type: 'event', matched: true, actual: 1, expected: { event: 'email_opened', did: true, frequency: { operator: 'atLeast', times: 1 }, window: { kind: 'lastDays', days: 30 } } },
            { path: 'rules.root.children[1].children[1]', type: 'event', matched: true, actual: 3, expected: { event: 'visit', did: true, frequency: { operator: 'atLeast', times: 3 }, window: { kind: 'lastDays', days: 14 } } },
          ],
        },
        { path: 'rules.root.children[2]', type: 'field', matched: true, actual: 'US', expected: { field: 'profile.country', operator: 'in', value: ['US', 'CA'] } },
        { path: 'rules.root.children[3]', type: 'attribute', matched: true, actual: 34, expected: { key: 'age', valueType: 'number', operator: 'gte', value: 30 } },
        {
          path: 'rules.root.children[4]',
          type: 'group',
          matched: true,
          expected: { operator: 'not' },
          children: [{ path: 'rules.root.children[4].children[0]', type: 'field', matched: false, actual: 'Champions', expected: { field: 'traits.rfmTier', operator: 'eq', value: 'At risk' } }],
        },
        { path: 'rules.root.children[5]', type: 'segment', matched: true, actual: true, expected: { operator: 'in', segmentId: SEGMENT_A } },
      ],
    });
  });

  it('a customer missing some conditions: misses show the values that failed', async () => {
    const tree = await explain(root, 'bob');
    // bob: no order in the last 90 days (his only one is 2024-12-01); email opened 2025-04-01 (61 days before);
    // 2 visits in the last 14 days; CA; age stored as the string "29" (read as 29 < 30); At risk; not in the US segment.
    const flat = (n: ExplainedNode): [string, boolean, unknown][] => [[n.path, n.matched, n.actual], ...(n.children ?? []).flatMap(flat)];
    expect(flat(tree)).toEqual([
      ['rules.root', false, undefined],
      ['rules.root.children[0]', false, 0],
      ['rules.root.children[1]', false, undefined],
      ['rules.root.children[1].children[0]', false, 0],
      ['rules.root.children[1].children[1]', false, 2],
      ['rules.root.children[2]', true, 'CA'],
      ['rules.root.children[3]', false, 29],
      ['rules.root.children[4]', false, undefined],
      ['rules.root.children[4].children[0]', true, 'At risk'],
      ['rules.root.children[5]', false, false],
    ]);
  });

  it('a customer without traits, orders or attributes: missing values are null, aggregates 0', async () => {
    const tree = await explain(root, 'cat');
    const flat = (n: ExplainedNode): [string, boolean, unknown][] => [[n.path, n.matched, n.actual], ...(n.children ?? []).flatMap(flat)];
    expect(flat(tree)).toEqual([
      ['rules.root', false, undefined],
      ['rules.root.children[0]', false, 0],
      ['rules.root.children[1]', false, undefined],
      ['rules.root.children[1].children[0]', false, 0],
      ['rules.root.children[1].children[1]', false, 0],
      ['rules.root.children[2]', false, null],
      ['rules.root.children[3]', false, null],
      // No tier: "rfmTier eq At risk" does not match a missing value, so the not group does.
      ['rules.root.children[4]', true, undefined],
      ['rules.root.children[4].children[0]', false, null],
      ['rules.root.children[5]', false, false],
    ]);
  });

  it('404 for a customer of another workspace or an erased one', async () => {
    const other = await insertWorkspace(ds, 'Other');
    await expect(explainer.explain(other, { version: 1, root }, ids.ann, AS_OF, async (id) => saved.get(id) ?? null)).rejects.toMatchObject({ code: 'not-found', status: 404 });
    await expect(explain(root, 'eve')).rejects.toBeInstanceOf(DomainError);
  });
});
