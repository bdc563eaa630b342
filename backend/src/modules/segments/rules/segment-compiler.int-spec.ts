import { DataSource } from 'typeorm';
import { SegmentCompiler } from './segment-compiler';
import { idsQuery } from './segment-queries';
import type { RuleGroup, RuleNode, SegmentRules } from './segment-rules.types';
import { AS_OF, connect, insertPeople, insertWorkspace } from './segment-rules.fixtures.test';
import type { Name } from './segment-rules.fixtures.test';

describe('SegmentCompiler on PostgreSQL', () => {
  let ds: DataSource;
  let workspaceId: string;
  let names: Map<string, Name>;
  const compiler = new SegmentCompiler();
  const saved = new Map<string, SegmentRules>();

  const tree = (root: RuleGroup): SegmentRules => ({ version: 1, root });
  const and = (...children: RuleNode[]): RuleGroup => ({ type: 'group', operator: 'and', children });

  async function matching(root: RuleGroup): Promise<Name[]> {
    const compiled = await compiler.compile(tree(root), { workspaceId, asOf: AS_OF, loadSegmentRules: async (id) => saved.get(id) ?? null });
    const { sql, params } = idsQuery(compiled);
    const rows: { id: string }[] = await ds.query(sql, params);
    return rows.map((r) => names.get(r.id)!).sort();
  }

  beforeAll(async () => {
    ds = await connect();
    workspaceId = await insertWorkspace(ds, 'Compiler');
    const ids = await insertPeople(ds, workspaceId);
    names = new Map(Object.entries(ids).map(([name, id]) => [id, name as Name]));
  });
  afterAll(() => ds.destroy());

  it('smoke: the benchmark shape', async () => {
    const root: RuleGroup = and(
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
    );
    expect(await matching(root)).toEqual(['ann', 'dan']);
  });
});
