import { isUUID } from 'class-validator';
import { decodeCursor } from '../../../platform/pagination/cursor';
import type { CursorPosition } from '../../../platform/pagination/cursor';
import type { CustomerKeyset, CustomerSort } from './customer-filters';
import { parseSort } from './customer-query';
import type { SortValueType } from './customer-query';
import { profilesError } from './profiles.errors';

/** An instant as `Date.toISOString()` writes it (what cursors carry). */
export const isIsoInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value));

/**
 * Cursors of the customer list. The keyset value may be NULL (a customer without a last order or a
 * name), so it travels JSON-encoded together with the sort it belongs to: a cursor of one sort is
 * refused by another rather than silently skipping rows.
 */
export function customerPosition(sort: CustomerSort, sortValue: unknown, id: string): CursorPosition {
  const value = sortValue instanceof Date ? sortValue.toISOString() : (sortValue as string | number | null);
  return { v: JSON.stringify([sort, value ?? null]), id };
}

export function decodeCustomerCursor(cursor: string | undefined, sort: CustomerSort): CustomerKeyset | undefined {
  const position = decodeCursor(cursor);
  if (!position) return undefined;
  let parsed: unknown;
  try {
    parsed = typeof position.v === 'string' ? JSON.parse(position.v) : undefined;
  } catch {
    throw profilesError.invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== sort || !isUUID(position.id)) throw profilesError.invalidCursor();
  const { key } = parseSort(sort);
  const value: unknown = parsed[1];
  if (value === null ? !key.nullable : !fits(value, key.type)) throw profilesError.invalidCursor();
  return { value: value as CustomerKeyset['value'], id: position.id };
}

/** Whether a cursor value can be cast to the sort key's SQL type (a bad one would fail in the database). */
function fits(value: unknown, type: SortValueType): boolean {
  switch (type) {
    case 'timestamptz':
      return isIsoInstant(value);
    case 'numeric':
      return typeof value === 'string' && /^-?\d{1,20}(\.\d{1,10})?$/.test(value);
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
    case 'text':
      return typeof value === 'string' && value.length <= 1000;
  }
}
