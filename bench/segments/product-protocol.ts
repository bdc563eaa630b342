import type { SegmentRules } from '../../backend/src/modules/segments/rules/segment-rules.types';

// What main.ts and the product process (product-server.ts) exchange over IPC.

/** What the parent asks the product process for, beside HTTP (things the product has no endpoint for). */
export type ProductCommand =
  /** TraitsService.recomputeWorkspace: every customer's computed traits from their orders and events. */
  | { cmd: 'recomputeTraits'; workspaceId: string }
  /** SegmentRefreshService.requestRefresh (incremental refreshes have no endpoint: the scheduler asks for them). */
  | { cmd: 'requestRefresh'; workspaceId: string; segmentId: string; kind: 'full' | 'incremental' }
  /** The SQL the product counts a rule tree with at `asOf` (SegmentCompiler + countQuery), for EXPLAIN. */
  | { cmd: 'countSql'; workspaceId: string; rules: SegmentRules; asOf: string }
  /** This process's resident memory now and at its peak (VmHWM), in MB. */
  | { cmd: 'memory' };

export interface ProductReady {
  url: string;
  pid: number;
}

/** Login of the owner the product creates on its empty database (its first-run bootstrap). */
export const BENCH_OWNER = { email: 'bench-owner@lodestar.example', password: 'segments-benchmark-owner' };
