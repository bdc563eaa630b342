/**
 * The queries run over a compiled segment: count, sample, ids. Pure: SQL text and parameters, always
 * scoped to the workspace ($1) and leaving erased customers out.
 */
import { CUSTOMER_FROM, CUSTOMER_ID, CUSTOMER_SAMPLE_COLUMNS, customerScope } from '../../customers/segment-source/customer-sql-vocabulary';
import type { CompiledSegment } from './segment-compiler';

/**
 * Settings for the transaction that runs these queries (`SET LOCAL`, so they end with it). JIT compilation
 * of a plan this size costs seconds more than it saves (1M customers: 6 s of JIT in a 23 s count, 7 s
 * without it); a larger work_mem keeps the per-customer aggregates of orders and events in memory instead of
 * spilling them to disk in dozens of batches.
 */
export const SEGMENT_QUERY_SETTINGS = ['SET LOCAL jit = off', "SET LOCAL work_mem = '64MB'"] as const;

export interface SegmentQuery {
  sql: string;
  params: unknown[];
}

const where = (compiled: CompiledSegment, predicate = compiled.predicate) => `${customerScope('$1')} AND (${predicate})`;

/** One row `{ count }` (a number). */
export function countQuery(compiled: CompiledSegment): SegmentQuery {
  return { sql: `SELECT count(*)::int AS count FROM ${CUSTOMER_FROM} WHERE ${where(compiled)}`, params: compiled.params };
}

/** Up to `limit` matching customers (id, email, firstName, lastName, country, rfmTier, totalSpent), newest first. */
export function sampleQuery(compiled: CompiledSegment, limit: number): SegmentQuery {
  const params = [...compiled.params, limit];
  return {
    sql: `SELECT ${CUSTOMER_SAMPLE_COLUMNS} FROM ${CUSTOMER_FROM} WHERE ${where(compiled)} ORDER BY c.created_at DESC, ${CUSTOMER_ID} DESC LIMIT $${params.length}`,
    params,
  };
}

/**
 * `SELECT c.id` of the matching customers. With `onlyIdsParam`, the query takes one more parameter (the caller
 * appends it to `params`: a uuid[]) and only those customers are evaluated, their orders and events alone read
 * (incremental refreshes).
 */
export function idsQuery(compiled: CompiledSegment, options: { onlyIdsParam?: boolean } = {}): SegmentQuery {
  const predicate = options.onlyIdsParam ? compiled.onlyIdsPredicate : compiled.predicate;
  return { sql: `SELECT ${CUSTOMER_ID} FROM ${CUSTOMER_FROM} WHERE ${where(compiled, predicate)}`, params: compiled.params };
}
