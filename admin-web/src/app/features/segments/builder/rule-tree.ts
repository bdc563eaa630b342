import type { RuleGroup, RuleNode, SegmentRules } from './rule-types';

/**
 * Immutable operations on a rule tree, addressed by node `id` (the builder gives every node one). Each
 * returns a new tree sharing the untouched branches; an unknown id leaves the tree as it was.
 */

let lastId = 0;

/** A node id unique in this browser tab (ids are the console's: the API ignores them). */
export function newNodeId(): string {
  lastId += 1;
  return `n${Date.now().toString(36)}${lastId.toString(36)}`;
}

/** An empty "All of" tree. */
export function emptyRules(): SegmentRules {
  return { version: 1, root: emptyGroup('and') };
}

export function emptyGroup(operator: RuleGroup['operator'] = 'and'): RuleGroup {
  return { id: newNodeId(), type: 'group', operator, children: [] };
}

/** The tree with an id on every node that has none (trees loaded from the API or a playbook). */
export function withIds(rules: SegmentRules): SegmentRules {
  const visit = <N extends RuleNode>(node: N): N => {
    const id = node.id || newNodeId();
    return node.type === 'group' ? { ...node, id, children: node.children.map(visit) } : { ...node, id };
  };
  return { ...rules, root: visit(rules.root) };
}

/** Replaces node `id` with what `change` makes of it. */
export function updateNode(rules: SegmentRules, id: string, change: (node: RuleNode) => RuleNode): SegmentRules {
  const visit = (node: RuleNode): RuleNode => {
    if (node.id === id) return change(node);
    if (node.type !== 'group') return node;
    const children = node.children.map(visit);
    return children.some((child, i) => child !== node.children[i]) ? { ...node, children } : node;
  };
  const root = visit(rules.root);
  return root === rules.root ? rules : { ...rules, root: root as RuleGroup };
}

/** Appends `node` to group `groupId` (or inserts it at `index`). */
export function insertNode(rules: SegmentRules, groupId: string, node: RuleNode, index?: number): SegmentRules {
  return updateNode(rules, groupId, (group) => {
    if (group.type !== 'group') return group;
    const children = [...group.children];
    children.splice(index ?? children.length, 0, node);
    return { ...group, children };
  });
}

/** Removes node `id` and everything below it; the root cannot be removed. */
export function removeNode(rules: SegmentRules, id: string): SegmentRules {
  const parent = parentOf(rules.root, id);
  if (!parent) return rules;
  return updateNode(rules, parent.id ?? '', (group) =>
    group.type === 'group' ? { ...group, children: group.children.filter((c) => c.id !== id) } : group,
  );
}

/**
 * Moves node `id` to position `index` of group `groupId` (its own group for a reorder). A group cannot
 * move into itself or below itself.
 */
export function moveNode(rules: SegmentRules, id: string, groupId: string, index: number): SegmentRules {
  const node = findNode(rules.root, id);
  const from = parentOf(rules.root, id);
  if (!node || !from || !findNode(rules.root, groupId) || findNode(node, groupId)) return rules;
  if (from.id === groupId) {
    const children = [...from.children];
    const [moved] = children.splice(children.indexOf(node), 1);
    children.splice(Math.max(0, Math.min(index, children.length)), 0, moved);
    return updateNode(rules, groupId, (group) => ({ ...(group as RuleGroup), children }));
  }
  return insertNode(removeNode(rules, id), groupId, node, index);
}

export function findNode(root: RuleNode, id: string): RuleNode | null {
  if (root.id === id) return root;
  if (root.type !== 'group') return null;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return null;
}

export function parentOf(root: RuleGroup, id: string): RuleGroup | null {
  for (const child of root.children) {
    if (child.id === id) return root;
    if (child.type === 'group') {
      const found = parentOf(child, id);
      if (found) return found;
    }
  }
  return null;
}

/** Every node's JSON path in the request body (`rules.root.children[1]`), by id. */
export function nodePaths(rules: SegmentRules): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (node: RuleNode, path: string) => {
    if (node.id) paths.set(node.id, path);
    if (node.type === 'group') node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
  };
  visit(rules.root, 'rules.root');
  return paths;
}

/** The ids of every group, root first (the builder connects their drop lists). */
export function groupIds(rules: SegmentRules): string[] {
  const ids: string[] = [];
  const visit = (node: RuleNode) => {
    if (node.type !== 'group') return;
    if (node.id) ids.push(node.id);
    node.children.forEach(visit);
  };
  visit(rules.root);
  return ids;
}
