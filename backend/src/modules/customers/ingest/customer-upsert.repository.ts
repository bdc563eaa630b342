import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { copyInto, copyLine, textArrayLiteral } from '../../../platform/database/copy-text';
import { CONSENT_CHANNELS } from '../customers.types';
import { FIELD_BIT, PROFILE_FIELDS } from './customer-validation';
import type { NormalizedCustomer } from './customer-validation';

/** Why the database refused a row of the batch (decided against the customers as they were before it). */
export type StagedProblem = 'email-taken' | 'email-other-external-id' | 'erased' | 'same-customer' | 'conflict';

/** The fate of one staged row (one merged group of the batch). */
export interface StagedOutcome {
  ord: number;
  customerId: string;
  isNew: boolean;
  problem: StagedProblem | null;
  /** For the email problems: the customer that owns the email. */
  ownerId: string | null;
  ownerExternalId: string | null;
  /** For `same-customer`: the ord of the row that kept the customer. */
  firstOrd: number | null;
}

const STAGING = 'pg_temp.customer_upsert_staging';
const RESOLVED = 'pg_temp.customer_upsert_resolved';
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = PROFILE_FIELDS.map(snake);

/** The batch as copied in, and (narrow, so resolving never rewrites the wide rows) what each row resolved to. */
const CREATE_STAGING = `
  DROP TABLE IF EXISTS ${STAGING}, ${RESOLVED};
  CREATE TEMP TABLE customer_upsert_staging (
    ord integer NOT NULL, given integer NOT NULL,
    ${COLUMNS.map((c) => `${c} text`).join(', ')},
    attributes jsonb, unset text[], consent jsonb, tags text[]
  ) ON COMMIT DROP;
  CREATE TEMP TABLE customer_upsert_resolved (
    ord integer NOT NULL, customer_id uuid NOT NULL, is_new boolean NOT NULL, problem text,
    owner_id uuid, owner_external_id text, first_ord integer
  ) ON COMMIT DROP`;

const STAGING_COLUMNS = `${STAGING} (ord, given, ${COLUMNS.join(', ')}, attributes, unset, consent, tags)`;

/**
 * Finds each staged row's customer — by external id first, else by email — and flags rows that cannot be
 * applied: the external id and the email belong to two different customers; the email belongs to a
 * customer with another external id; the customer was erased; or an earlier row of the batch already
 * targets that customer. Unmatched rows get a fresh id and are new. The lateral lookups (`LIMIT 1`: the
 * unique indexes allow one row anyway) keep the planner from joining against the whole workspace: each
 * staged row costs two probes of the unique indexes, however many customers there are.
 */
const RESOLVE = `
  WITH matched AS (
    SELECT s.ord, s.external_id, by_id.id AS id_match, by_id.erased_at AS id_erased,
           by_email.id AS email_match, by_email.external_id AS email_owner, by_email.erased_at AS email_erased
    FROM ${STAGING} s
    LEFT JOIN LATERAL (SELECT c.id, c.erased_at FROM customers c WHERE c.workspace_id = $1 AND c.external_id = s.external_id LIMIT 1) by_id ON true
    LEFT JOIN LATERAL (SELECT c.id, c.external_id, c.erased_at FROM customers c WHERE c.workspace_id = $1 AND c.email = s.email LIMIT 1) by_email ON true
  ), resolved AS (
    SELECT m.*, coalesce(m.id_match, m.email_match) AS target,
           CASE WHEN m.id_match IS NOT NULL THEN m.id_erased ELSE m.email_erased END AS erased_at,
           first_value(m.ord) OVER (PARTITION BY coalesce(m.id_match, m.email_match) ORDER BY m.ord) AS first_ord
    FROM matched m
  )
  INSERT INTO ${RESOLVED} (ord, customer_id, is_new, problem, owner_id, owner_external_id, first_ord)
  SELECT r.ord, coalesce(r.target, gen_random_uuid()), r.target IS NULL,
    CASE
      WHEN r.id_match <> r.email_match THEN 'email-taken'
      WHEN r.id_match IS NULL AND r.email_owner <> r.external_id THEN 'email-other-external-id'
      WHEN r.erased_at IS NOT NULL THEN 'erased'
      WHEN r.target IS NOT NULL AND r.first_ord <> r.ord THEN 'same-customer'
    END,
    r.email_match, r.email_owner, r.first_ord
  FROM resolved r`;

/**
 * Inserts the new customers and counts them against the rows meant to be new. `ON CONFLICT DO NOTHING` turns
 * a clash with a customer written meanwhile by a writer that does not take the workspace lock into a missing
 * row (see {@link MARK_CONFLICTS}) instead of an error for the whole batch.
 */
const INSERT_NEW = `
  WITH inserted AS (
    INSERT INTO customers (id, workspace_id, ${COLUMNS.join(', ')}, attributes, consent, tags)
    SELECT r.customer_id, $1::uuid, ${COLUMNS.map((c) => `s.${c}`).join(', ')},
           coalesce(s.attributes, '{}'), coalesce(s.consent, '{}'), coalesce(s.tags, '{}')
    FROM ${STAGING} s JOIN ${RESOLVED} r ON r.ord = s.ord WHERE r.is_new AND r.problem IS NULL
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM inserted)::int AS inserted,
         (SELECT count(*) FROM ${RESOLVED} WHERE is_new AND problem IS NULL)::int AS expected`;

/**
 * Rare path: new rows that were not inserted (their fresh id is not in the table) lost to a concurrent write.
 * (`LIMIT 1` keeps the check a primary-key probe per row rather than an anti-join over the table.)
 */
const MARK_CONFLICTS = `
  UPDATE ${RESOLVED} r SET problem = 'conflict'
  WHERE r.is_new AND r.problem IS NULL AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = r.customer_id LIMIT 1)`;

/**
 * The update rules, as `[column, merged value]`: a profile field is overwritten when the item gave it (its bit
 * in `given`), attributes merge key by key (`unset` removes keys), tags are the union in first-seen order, and a
 * channel's consent is replaced only by another status with a strictly newer `updatedAt` (the same status sent
 * again keeps the time it was first given).
 */
const MERGED: [string, string][] = [
  ...PROFILE_FIELDS.map((f, i): [string, string] => [COLUMNS[i], `CASE WHEN s.given & ${FIELD_BIT[f]} <> 0 THEN s.${COLUMNS[i]} ELSE c.${COLUMNS[i]} END`]),
  [
    'attributes',
    `CASE WHEN s.attributes IS NULL AND s.unset IS NULL THEN c.attributes
      ELSE (c.attributes - coalesce(s.unset, '{}'::text[])) || coalesce(s.attributes, '{}') END`,
  ],
  [
    'consent',
    `CASE WHEN s.consent IS NULL THEN c.consent ELSE c.consent || jsonb_strip_nulls(jsonb_build_object(${CONSENT_CHANNELS.map(
      (ch) => `'${ch}', CASE WHEN s.consent ? '${ch}' AND (NOT c.consent ? '${ch}'
        OR (s.consent->'${ch}'->>'status' IS DISTINCT FROM c.consent->'${ch}'->>'status'
          AND (s.consent->'${ch}'->>'updatedAt')::timestamptz > (c.consent->'${ch}'->>'updatedAt')::timestamptz)) THEN s.consent->'${ch}' END`,
    ).join(', ')})) END`,
  ],
  ['tags', `CASE WHEN s.tags IS NULL THEN c.tags ELSE ARRAY(SELECT t FROM unnest(c.tags || s.tags) WITH ORDINALITY u(t, n) GROUP BY t ORDER BY min(n)) END`],
];

/**
 * Merges the staged rows into their customers by {@link MERGED}. A customer the merge leaves as it was is not
 * rewritten (a re-imported file costs reads, not writes, for the rows that did not change). The `= ANY (ARRAY(…))`
 * condition makes the customers an index scan by primary key: joined on its own, the planner may prefer reading
 * the whole workspace, which grows with every batch of an import.
 */
const UPDATE_EXISTING = `
  UPDATE customers c SET ${MERGED.map(([column, value]) => `${column} = ${value}`).join(',\n    ')}, updated_at = now()
  FROM ${STAGING} s JOIN ${RESOLVED} r ON r.ord = s.ord
  WHERE c.id = r.customer_id AND c.workspace_id = $1 AND NOT r.is_new AND r.problem IS NULL
    AND c.id = ANY (ARRAY(SELECT customer_id FROM ${RESOLVED} WHERE NOT is_new AND problem IS NULL))
    AND (${MERGED.map(([column]) => `c.${column}`).join(', ')}) IS DISTINCT FROM (${MERGED.map(([, value]) => value).join(', ')})`;

const OUTCOMES = `
  SELECT ord, customer_id AS "customerId", is_new AS "isNew", problem,
         owner_id AS "ownerId", owner_external_id AS "ownerExternalId", first_ord AS "firstOrd"
  FROM ${RESOLVED}`;

/**
 * The set-based SQL of the upsert engine: the batch is copied into a temporary staging table, matched with
 * joins, inserted and merged in a handful of statements. Every statement runs in the caller's transaction.
 */
@Injectable()
export class CustomerUpsertRepository {
  /**
   * Serializes upserts of one workspace until the transaction ends, so two concurrent batches never both
   * decide that a customer is new.
   */
  async lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('customers:upsert:' || $1, 0))`, [workspaceId]);
  }

  /** Stores the rows (ord = position in `rows`) and returns what happened to each, in no particular order. */
  async upsert(manager: EntityManager, workspaceId: string, rows: NormalizedCustomer[]): Promise<StagedOutcome[]> {
    await manager.query(CREATE_STAGING);
    await copyInto(manager, STAGING_COLUMNS, copyLines(rows));
    await manager.query(RESOLVE, [workspaceId]);
    // a temporary table has no statistics until analyzed: without them the planner misjudges every join below
    await manager.query(`ANALYZE ${RESOLVED}`);
    const [{ inserted, expected }] = await manager.query(INSERT_NEW, [workspaceId]);
    if (inserted < expected) await manager.query(MARK_CONFLICTS);
    await manager.query(UPDATE_EXISTING, [workspaceId]);
    return manager.query(OUTCOMES);
  }
}

/** The rows in COPY text format, a few hundred rows per chunk. */
function* copyLines(rows: NormalizedCustomer[]): Generator<string> {
  const CHUNK = 500;
  for (let start = 0; start < rows.length; start += CHUNK) {
    let text = '';
    for (let ord = start; ord < Math.min(rows.length, start + CHUNK); ord++) {
      const row = rows[ord];
      text += copyLine([
        ord,
        row.given,
        ...PROFILE_FIELDS.map((field) => row[field]),
        row.attributes && JSON.stringify(row.attributes),
        row.unset && textArrayLiteral(row.unset),
        row.consent && JSON.stringify(row.consent),
        row.tags && textArrayLiteral(row.tags),
      ]);
    }
    yield text;
  }
}
