import type { EntityManager } from 'typeorm';
import type { CompileContext } from './rules/segment-compiler';
import type { SegmentsRepository } from './segments.repository';

/**
 * The compiler's context for a workspace: segment conditions load the other segment's rules from this
 * workspace (inside the caller's transaction when there is one, so a change being made is seen).
 */
export function compileContext(
  segments: SegmentsRepository,
  workspaceId: string,
  asOf: Date,
  options: { selfId?: string; manager?: EntityManager } = {},
): CompileContext {
  return {
    workspaceId,
    asOf,
    selfId: options.selfId,
    loadSegmentRules: (segmentId) => segments.findRules(workspaceId, segmentId, options.manager),
  };
}
