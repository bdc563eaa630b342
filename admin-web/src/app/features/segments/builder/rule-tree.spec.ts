import { aCondition, aGroup, nestedRules, someRules } from './testing/rule-factories';
import {
  emptyRules,
  findNode,
  groupIds,
  insertNode,
  moveNode,
  newNodeId,
  nodePaths,
  parentOf,
  removeNode,
  updateNode,
  withIds,
} from './rule-tree';
import type { RuleGroup, SegmentRules } from './rule-types';

const childIds = (rules: SegmentRules, groupId: string) => (findNode(rules.root, groupId) as RuleGroup).children.map((c) => c.id);

describe('rule tree operations', () => {
  it('gives fresh ids that differ', () => {
    const ids = new Set(Array.from({ length: 100 }, newNodeId));
    expect(ids.size).toBe(100);
  });

  it('starts as an empty "All of" group', () => {
    const rules = emptyRules();
    expect(rules.version).toBe(1);
    expect(rules.root).toMatchObject({ type: 'group', operator: 'and', children: [] });
    expect(rules.root.id).toBeTruthy();
  });

  it('adds ids to the nodes of a tree loaded without them, keeping the ids it has', () => {
    const rules = withIds(
      someRules({ type: 'group', operator: 'or', children: [aCondition('kept'), { type: 'group', operator: 'and', children: [] }] }),
    );
    expect(rules.root.id).toBeTruthy();
    expect(rules.root.children[0].id).toBe('kept');
    expect(rules.root.children[1].id).toBeTruthy();
    expect(rules.root.children[1].id).not.toBe(rules.root.id);
  });

  it('adds a condition to a nested group without changing the input tree or untouched branches', () => {
    const rules = nestedRules();
    const before = JSON.stringify(rules);
    const next = insertNode(rules, 'g1', aCondition('new'));
    expect(childIds(next, 'g1')).toEqual(['c2', 'c3', 'new']);
    expect(JSON.stringify(rules)).toBe(before);
    expect(next.root.children[0]).toBe(rules.root.children[0]);
    expect(next.root.children[2]).toBe(rules.root.children[2]);
  });

  it('nests a group inside a nested group, to any depth', () => {
    let rules = nestedRules();
    rules = insertNode(rules, 'g1', aGroup('g2'));
    rules = insertNode(rules, 'g2', aGroup('g3', [], 'not'));
    rules = insertNode(rules, 'g3', aCondition('deep'));
    expect(nodePaths(rules).get('deep')).toBe('rules.root.children[1].children[2].children[0].children[0]');
    expect(parentOf(rules.root, 'deep')?.id).toBe('g3');
  });

  it('removes a condition, or a group with everything in it, but never the root', () => {
    const rules = nestedRules();
    expect(childIds(removeNode(rules, 'c3'), 'g1')).toEqual(['c2']);
    const withoutGroup = removeNode(rules, 'g1');
    expect(childIds(withoutGroup, 'root')).toEqual(['c1', 'c4']);
    expect(findNode(withoutGroup.root, 'c2')).toBeNull();
    expect(removeNode(rules, 'root')).toBe(rules);
    expect(removeNode(rules, 'nope')).toBe(rules);
  });

  it("changes a group's operator", () => {
    const next = updateNode(nestedRules(), 'g1', (g) => ({ ...(g as RuleGroup), operator: 'not' }));
    expect((findNode(next.root, 'g1') as RuleGroup).operator).toBe('not');
    expect(next.root.operator).toBe('and');
  });

  it('reorders within a group as the drop list reports it (index after taking the node out)', () => {
    const rules = nestedRules();
    expect(childIds(moveNode(rules, 'c4', 'root', 0), 'root')).toEqual(['c4', 'c1', 'g1']);
    expect(childIds(moveNode(rules, 'c1', 'root', 2), 'root')).toEqual(['g1', 'c4', 'c1']);
    expect(childIds(moveNode(rules, 'c1', 'root', 1), 'root')).toEqual(['g1', 'c1', 'c4']);
  });

  it('moves a node into another group at the index given', () => {
    const next = moveNode(nestedRules(), 'c4', 'g1', 1);
    expect(childIds(next, 'root')).toEqual(['c1', 'g1']);
    expect(childIds(next, 'g1')).toEqual(['c2', 'c4', 'c3']);
    const out = moveNode(nestedRules(), 'c3', 'root', 0);
    expect(childIds(out, 'root')).toEqual(['c3', 'c1', 'g1', 'c4']);
    expect(childIds(out, 'g1')).toEqual(['c2']);
  });

  it('never moves a group into itself or below itself', () => {
    const rules = insertNode(nestedRules(), 'g1', aGroup('inner'));
    expect(moveNode(rules, 'g1', 'g1', 0)).toBe(rules);
    expect(moveNode(rules, 'g1', 'inner', 0)).toBe(rules);
    expect(moveNode(rules, 'g1', 'missing', 0)).toBe(rules);
  });

  it('lists JSON paths by node id and the groups in tree order', () => {
    const rules = nestedRules();
    const paths = nodePaths(rules);
    expect(paths.get('root')).toBe('rules.root');
    expect(paths.get('c3')).toBe('rules.root.children[1].children[1]');
    expect(paths.get('c4')).toBe('rules.root.children[2]');
    expect(groupIds(rules)).toEqual(['root', 'g1']);
  });
});
