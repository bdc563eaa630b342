import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
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
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = PROFILE_FIELDS.map(snake);

const CREATE_STAGING = `
  DROP TABLE IF EXISTS ${STAGING};
  CREATE TEMP TABLE customer_upsert_staging (
    ord integer NOT NULL, given integer NOT NULL,
    ${COLUMNS.map((c) => `${c} text`).join(', ')},
    attributes jsonb, unset text[], consent jsonb, tags text[],
    customer_id uuid, is_new boolean, problem text, owner_id uuid, owner_external_id text, first_ord integer
  ) ON COMMIT DROP`;

const COPY_STAGING = `COPY ${STAGING} (ord, given, ${COLUMNS.join(', ')}, attributes, unset, consent, tags) FROM STDIN`;

/**
 * Finds each staged row's customer — by external id first, else by email — and flags rows that cannot be
 * applied: the external id and the email belong to two different customers; the email belongs to a
 * customer with another external id; the customer was erased; or an earlier row of the batch already
 * targets that customer. Unmatched rows get a fresh id and are new. The lateral lookups keep the plan to
 * index probes on the two unique indexes, however large the table.
 */
const RESOLVE = `
  WITH matched AS (
    SELECT s.ord, s.external_id, by_id.id AS id_match, by_id.erased_at AS id_erased,
           by_email.id AS email_match, by_email.external_id AS email_owner, by_email.erased_at AS email_erased
    FROM ${STAGING} s
    LEFT JOIN LATERAL (SELECT c.id, c.erased_at FROM customers c WHERE c.workspace_id = $1 AND c.external_id = s.external_id) by_id ON true
    LEFT JOIN LATERAL (SELECT c.id, c.external_id, c.erased_at FROM customers c WHERE c.workspace_id = $1 AND c.email = s.email) by_email ON true
  ), resolved AS (
    SELECT m.*, coalesce(m.id_match, m.email_match) AS target,
           CASE WHEN m.id_match IS NOT NULL THEN m.id_erased ELSE m.email_erased END AS erased_at,
           first_value(m.ord) OVER (PARTITION BY coalesce(m.id_match, m.email_match) ORDER BY m.ord) AS first_ord
    FROM matched m
  )
  UPDATE ${STAGING} s SET
    customer_id = coalesce(r.target, gen_random_uuid()),
    is_new = r.target IS NULL,
    problem = CASE
      WHEN r.id_match <> r.email_match THEN 'email-taken'
      WHEN r.id_match IS NULL AND r.email_owner <> r.external_id THEN 'email-other-external-id'
      WHEN r.erased_at IS NOT NULL THEN 'erased'
      WHEN r.target IS NOT NULL AND r.first_ord <> r.ord THEN 'same-customer'
    END,
    owner_id = r.email_match,
    owner_external_id = r.email_owner,
    first_ord = r.first_ord
  FROM resolved r
  WHERE r.ord = s.ord`;

/**
 * Inserts the new customers. \`ON CONFLICT DO NOTHING\` turns a clash with a customer written meanwhile by a
 * writer that does not take the workspace lock into a \`conflict\` on that row instead of an error for all.
 */
const INSERT_NEW = `
  WITH inserted AS (
    INSERT INTO customers (id, workspace_id, ${COLUMNS.join(', ')}, attributes, consent, tags)
    SELECT s.customer_id, $1::uuid, ${COLUMNS.map((c) => `s.${c}`).join(', ')},
           coalesce(s.attributes, '{}'), coalesce(s.consent, '{}'), coalesce(s.tags, '{}')
    FROM ${STAGING} s WHERE s.is_new AND s.problem IS NULL
    ON CONFLICT DO NOTHING
    RETURNING id
  )
  UPDATE ${STAGING} s SET problem = 'conflict'
  WHERE s.is_new AND s.problem IS NULL AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = s.customer_id)`;

/**
 * Merges the staged rows into existing customers — the update rules: a profile field is overwritten when
 * the item gave it (its bit in \`given\`), attributes merge key by key (\`unset\` removes keys), tags are the
 * union in first-seen order, and a channel's consent is replaced only by a strictly newer \`updatedAt\`.
 */
const UPDATE_EXISTING = `
  UPDATE customers c SET
    ${PROFILE_FIELDS.map((f, i) => `${COLUMNS[i]} = CASE WHEN s.given & ${FIELD_BIT[f]} <> 0 THEN s.${COLUMNS[i]} ELSE c.${COLUMNS[i]} END`).join(',\n    ')},
    attributes = CASE WHEN s.attributes IS NULL AND s.unset IS NULL THEN c.attributes
      ELSE (c.attributes - coalesce(s.unset, '{}'::text[])) || coalesce(s.attributes, '{}') END,
    consent = CASE WHEN s.consent IS NULL THEN c.consent ELSE c.consent || (
      SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') FROM jsonb_each(s.consent) e
      WHERE NOT c.consent ? e.key OR (e.value->>'updatedAt')::timestamptz > (c.consent->e.key->>'updatedAt')::timestamptz) END,
    tags = CASE WHEN s.tags IS NULL THEN c.tags
      ELSE ARRAY(SELECT t FROM unnest(c.tags || s.tags) WITH ORDINALITY u(t, n) GROUP BY t ORDER BY min(n)) END,
    updated_at = now()
  FROM ${STAGING} s
  WHERE c.id = s.customer_id AND c.workspace_id = $1 AND NOT s.is_new AND s.problem IS NULL`;

const OUTCOMES = `
  SELECT ord, customer_id AS "customerId", is_new AS "isNew", problem,
         owner_id AS "ownerId", owner_external_id AS "ownerExternalId", first_ord AS "firstOrd"
  FROM ${STAGING}`;

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
    await this.copyIntoStaging(manager, rows);
    await manager.query(RESOLVE, [workspaceId]);
    await manager.query(INSERT_NEW, [workspaceId]);
    await manager.query(UPDATE_EXISTING, [workspaceId]);
    return manager.query(OUTCOMES);
  }

  private async copyIntoStaging(manager: EntityManager, rows: NormalizedCustomer[]): Promise<void> {
    if (!manager.queryRunner) throw new Error('the upsert must run inside a transaction');
    const client = (await manager.queryRunner.connect()) as PoolClient;
    await pipeline(Readable.from(copyLines(rows)), client.query(copyFrom(COPY_STAGING)));
  }
}

/** The rows in COPY text format, a few hundred rows per chunk. */
function* copyLines(rows: NormalizedCustomer[]): Generator<string> {
  const CHUNK = 500;
  for (let start = 0; start < rows.length; start += CHUNK) {
    let text = '';
    for (let ord = start; ord < Math.min(rows.length, start + CHUNK); ord++) text += copyLine(ord, rows[ord]);
    yield text;
  }
}

function copyLine(ord: number, row: NormalizedCustomer): string {
  let line = `${ord}\t${row.given}`;
  for (const field of PROFILE_FIELDS) line += '\t' + copyValue(row[field]);
  line += '\t' + copyValue(row.attributes && JSON.stringify(row.attributes));
  line += '\t' + copyValue(row.unset && arrayLiteral(row.unset));
  line += '\t' + copyValue(row.consent && JSON.stringify(row.consent));
  line += '\t' + copyValue(row.tags && arrayLiteral(row.tags));
  return line + '\n';
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIAL_ALL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value of COPY's text format: `\N` for null, backslash escapes for the separators. */
function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]) : value;
}

/** A PostgreSQL array literal of strings: `{"a","b \"c\""}`. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
