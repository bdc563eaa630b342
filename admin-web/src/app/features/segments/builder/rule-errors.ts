import type { FieldError } from '../../../core/errors/problem';
import type { RuleNode, SegmentRules } from './rule-types';

/** An API validation error placed on a node: `part` is what it names below the node (`value`, `window.days`), '' for the node. */
export interface NodeError {
  part: string;
  message: string;
}

export interface PlacedErrors {
  /** By node id. */
  byNode: Map<string, NodeError[]>;
  /** Errors that name no node of the tree (`name`, `rules.version`…). */
  unplaced: FieldError[];
}

const NODE_PATH = /^(?:.*\.)?rules\.root((?:\.children\[\d+\])*)(?:\.(.+))?$/;

/**
 * Places the errors of a problem+json answer (`errors[].field` like `rules.root.children[1].value`) on the
 * nodes of the tree they were found in. A path below a node that no longer exists lands on its deepest
 * existing ancestor.
 */
export function placeErrors(rules: SegmentRules, errors: readonly FieldError[]): PlacedErrors {
  const byNode = new Map<string, NodeError[]>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const match = NODE_PATH.exec(error.field);
    if (!match) {
      unplaced.push(error);
      continue;
    }
    const indexes = [...match[1].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    let node: RuleNode = rules.root;
    let depth = 0;
    for (const index of indexes) {
      const child: RuleNode | undefined = node.type === 'group' ? node.children[index] : undefined;
      if (!child) break;
      node = child;
      depth += 1;
    }
    const part = depth === indexes.length ? (match[2] ?? '') : '';
    if (!node.id) {
      unplaced.push(error);
      continue;
    }
    byNode.set(node.id, [...(byNode.get(node.id) ?? []), { part, message: error.message }]);
  }
  return { byNode, unplaced };
}
