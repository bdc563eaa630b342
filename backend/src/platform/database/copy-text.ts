import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** A value for PostgreSQL's COPY text format. */
export type CopyValue = string | number | boolean | Date | null;

const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One field of COPY's text format: `\N` for null, ISO time for dates, backslash escapes for the separators. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(SPECIAL, (c) => ESCAPES[c]);
}

/** One row of COPY's text format, newline included. */
export const copyLine = (values: CopyValue[]): string => values.map(copyField).join('\t') + '\n';

/** A PostgreSQL array literal of strings: `{"a","b \"c\""}`. */
export const textArrayLiteral = (values: string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * Streams text (whole COPY lines, best in chunks of many lines) into `target` — `table (columns…)` —
 * on the connection of `manager`'s transaction.
 */
export async function copyInto(manager: EntityManager, target: string, text: Iterable<string>): Promise<void> {
  if (!manager.queryRunner) throw new Error('COPY needs a transaction');
  const client = (await manager.queryRunner.connect()) as PoolClient;
  await pipeline(Readable.from(text), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
