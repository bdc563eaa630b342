/**
 * The queries run over a compiled segment: count, sample, ids. Pure: SQL text and parameters, always
 * scoped to the workspace ($1) and leaving erased customers out.
 */
import { CUSTOMER_FROM, CUSTOMER_ID, CUSTOMER_SAMPLE_COLUMNS, customerScope } from '../../customers/segment-source/customer-sql-vocabulary';
import type { CompiledSegment } from './segment-compiler';

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
