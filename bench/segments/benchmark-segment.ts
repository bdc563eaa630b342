import type { SegmentRules } from '../../backend/src/modules/segments/rules/segment-rules.types';

/**
 * The segment: "(spent > 500 in the last 90 days) and (did event `email_opened` in the last 30 days or
 * did event `visit` at least 3 times in the last 14 days) and country in (US, CA)", as a v1 rule tree and as
 * hand-written SQL.
 */
export const BENCHMARK_RULES: SegmentRules = {
  version: 1,
  root: {
    type: 'group',
    operator: 'and',
    children: [
      { type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } },
      {
        type: 'group',
        operator: 'or',
        children: [
          { type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } },
          {
            type: 'event',
            event: 'visit',
            did: true,
            frequency: { operator: 'atLeast', times: 3 },
            window: { kind: 'lastDays', days: 14 },
          },
        ],
      },
      { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] },
    ],
  },
};

const DAY_MS = 86_400_000;

/**
 * Parameters of the hand-written queries at evaluation time `asOf`: `$1` the workspace, `$2`–`$4` the starts of
 * the 90-, 30- and 14-day windows (computed by the caller, as an application would bind them).
 */
export const baselineParams = (workspaceId: string, asOf: Date) => [
  workspaceId,
  new Date(asOf.getTime() - 90 * DAY_MS),
  new Date(asOf.getTime() - 30 * DAY_MS),
  new Date(asOf.getTime() - 14 * DAY_MS),
];

/** The customers of the segment, as a FROM … WHERE over `customers c` (erased customers excluded, like the product). */
export interface BaselineForm {
  name: string;
  /** `FROM … WHERE …` selecting the members; `c.id` is the customer id. */
  from: string;
}

const spendersWhere = (extra = '') => `SELECT o.customer_id FROM orders o
                  WHERE o.workspace_id = $1 AND o.placed_at >= $2${extra}
                  GROUP BY o.customer_id HAVING sum(o.amount) > 500`;
const spenders = spendersWhere();
const openers = `SELECT e.customer_id FROM customer_events e
                 WHERE e.workspace_id = $1 AND e.type = 'email_opened' AND e.occurred_at >= $3`;
const visitors = `SELECT e.customer_id FROM customer_events e
                  WHERE e.workspace_id = $1 AND e.type = 'visit' AND e.occurred_at >= $4
                  GROUP BY e.customer_id HAVING count(*) >= 3`;
const profile = `c.workspace_id = $1 AND c.erased_at IS NULL AND c.country IN ('US', 'CA')`;

const eventProbes = `(EXISTS (SELECT 1 FROM customer_events e
                          WHERE e.customer_id = c.id AND e.workspace_id = $1 AND e.type = 'email_opened' AND e.occurred_at >= $3)
                  OR (SELECT count(*) FROM customer_events e
                      WHERE e.customer_id = c.id AND e.workspace_id = $1 AND e.type = 'visit' AND e.occurred_at >= $4) >= 3)`;

/**
 * The ways a careful person would write the predicate by hand; the benchmark times each and takes the fastest
 * as the baseline.
 */
export const BASELINE_FORMS: BaselineForm[] = [
  {
    name: 'IN (GROUP BY … HAVING) per condition',
    from: `FROM customers c
           WHERE ${profile}
             AND c.id IN (${spenders})
             AND (c.id IN (${openers}) OR c.id IN (${visitors}))`,
  },
  {
    name: 'spenders joined, events by UNION',
    from: `FROM (${spenders}) s
           JOIN customers c ON c.id = s.customer_id
           WHERE ${profile}
             AND c.id IN (${openers} UNION ${visitors})`,
  },
  {
    name: 'spenders joined, events by correlated EXISTS / count',
    from: `FROM (${spenders}) s
           JOIN customers c ON c.id = s.customer_id
           WHERE ${profile} AND ${eventProbes}`,
  },
  {
    name: 'correlated per customer (sum, EXISTS, count)',
    from: `FROM customers c
           WHERE ${profile}
             AND (SELECT sum(o.amount) FROM orders o WHERE o.customer_id = c.id AND o.workspace_id = $1 AND o.placed_at >= $2) > 500
             AND ${eventProbes}`,
  },
];

/**
 * The predicate evaluated for some customers only (`$5`, a uuid[]: those changed since the last refresh), written
 * so that every part is restricted to them — the spenders' aggregate included — and probes the per-customer
 * indexes of orders and events: what evaluating 10,000 changed customers costs at least.
 */
export const CHANGED_ONLY_FORM: BaselineForm = {
  name: 'changed customers only, every part restricted to them',
  from: `FROM (${spendersWhere(' AND o.customer_id = ANY($5::uuid[])')}) s
         JOIN customers c ON c.id = s.customer_id
         WHERE ${profile} AND c.id = ANY($5::uuid[]) AND ${eventProbes}`,
};
