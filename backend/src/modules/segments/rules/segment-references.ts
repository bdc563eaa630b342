import { DomainError } from '../../../platform/errors/domain-error';
import type { FieldProblem } from '../../../platform/errors/domain-error';
import type { RuleNode, SegmentCondition, SegmentRules } from './segment-rules.types';
import { invalidRules, validateSegmentRules } from './segment-rules.validator';

/** Segment conditions nest at most this deep (a segment referring to one referring to one…). */
export const MAX_SEGMENT_REFERENCE_DEPTH = 10;
export const SEGMENT_CYCLE = 'segment-cycle';

export interface ReferenceContext {
  loadSegmentRules: (segmentId: string) => Promise<SegmentRules | null>;
  selfId?: string;
}

/** Every segment condition of a tree with its JSON path. */
export function* segmentConditions(node: RuleNode, path: string): Generator<{ node: SegmentCondition; path: string }> {
  if (node.type === 'segment') yield { node, path };
  if (node.type === 'group') for (const [i, child] of node.children.entries()) yield* segmentConditions(child, `${path}.children[${i}]`);
}

/**
 * Loads the rules of every segment the tree refers to, transitively (each once), checking them. A
 * reference back to a segment on the way (the one being saved, `selfId`, included) is a 400
 * `segment-cycle`; a missing segment, an invalid one or references nested too deep a 400
 * `invalid-segment-rules`. Problems name the tree's own segment condition they come through.
 */
export async function resolveSegmentReferences(rules: SegmentRules, ctx: ReferenceContext): Promise<Map<string, SegmentRules>> {
  const loaded = new Map<string, SegmentRules | null>();
  const invalidStored = new Set<string>();
  const problems: FieldProblem[] = [];
  let cycle = false;

  const load = async (id: string): Promise<SegmentRules | null> => {
    if (!loaded.has(id)) {
      const stored = await ctx.loadSegmentRules(id);
      loaded.set(id, stored && isValid(stored) ? stored : null);
      if (stored && !loaded.get(id)) invalidStored.add(id);
    }
    return loaded.get(id)!;
  };

  const visit = async (tree: SegmentRules, chain: string[], field: string): Promise<boolean> => {
    for (const { node } of segmentConditions(tree.root, '')) {
      if (!(await follow(node.segmentId, chain, field))) return false;
    }
    return true;
  };
  /** False once a problem was reported for `field` (one per top-level condition). */
  const follow = async (id: string, chain: string[], field: string): Promise<boolean> => {
    const path = [...chain, id];
    if (chain.includes(id)) {
      cycle = true;
      problems.push({ field, message: `refers back to segment ${id}: ${path.join(' → ')}` });
      return false;
    }
    if (path.length - (ctx.selfId ? 1 : 0) > MAX_SEGMENT_REFERENCE_DEPTH) {
      problems.push({ field, message: `segment references nest at most ${MAX_SEGMENT_REFERENCE_DEPTH} deep: ${path.join(' → ')}` });
      return false;
    }
    const referenced = await load(id);
    if (!referenced) {
      const message = invalidStored.has(id) ? `segment ${id} has invalid rules` : `segment ${id} does not exist in this workspace`;
      problems.push({ field, message });
      return false;
    }
    return visit(referenced, path, field);
  };

  const start = ctx.selfId ? [ctx.selfId] : [];
  for (const { node, path } of segmentConditions(rules.root, 'rules.root')) await follow(node.segmentId, start, `${path}.segmentId`);

  if (problems.length) {
    throw cycle ? new DomainError(SEGMENT_CYCLE, 400, `Segment references form a cycle: ${problems[0].field} ${problems[0].message}`, problems) : invalidRules(problems);
  }
  return new Map([...loaded].filter((entry): entry is [string, SegmentRules] => entry[1] !== null));
}

function isValid(rules: SegmentRules): boolean {
  try {
    validateSegmentRules(rules);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
