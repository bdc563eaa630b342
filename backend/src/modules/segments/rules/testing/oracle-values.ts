/**
 * How the oracle compares one value with an operator, written from the semantics in `segment-rules.types.ts`
 * (not from the compiler). Where those semantics are silent the oracle decided (marked DECISION) or the lead did
 * (LEAD DECISION); the compiler's author agreed to each (see the commit messages of this folder).
 */
import type { AttributeValueType, RuleValue, ValueOperator } from '../segment-rules.types';

/**
 * How a value is compared: `text` case-insensitively, `option` exactly (country, consent, RFM tier…),
 * `list` element by element (exactly).
 */
export type ValueKind = 'text' | 'option' | 'number' | 'date' | 'boolean' | 'list';

/**
 * A value as the oracle holds it: strings, numbers, dates as epoch milliseconds (fractional below the
 * millisecond: timestamptz keeps microseconds), booleans, string lists; undefined = missing.
 */
export type OracleValue = string | number | boolean | string[] | undefined;

export const DAY_MS = 86_400_000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/;
/** One microsecond, in milliseconds. */
const MICROSECOND = 0.001;

/**
 * An ISO 8601 date (`2025-01-31`, midnight UTC) or date-time with a zone (`Z`, `±hh:mm` up to 14 h; up to µs),
 * naming a real calendar day, as epoch ms. DECISION: anything else — `2025-02-30`, zone-less date-times, an
 * offset without its colon (`+0200`, ISO's basic format mixed into the extended one), a space instead of `T` —
 * is not a date.
 */
export function parseIsoDate(text: string): IsoDate | undefined {
  if (!parsedDates.has(text)) parsedDates.set(text, parse(text));
  return parsedDates.get(text);
}

interface IsoDate {
  ms: number;
  dateOnly: boolean;
}

/** Parsed texts (the same values are compared for every customer). */
const parsedDates = new Map<string, IsoDate | undefined>();

function parse(text: string): IsoDate | undefined {
  const dateOnly = DATE_ONLY.exec(text);
  const match = dateOnly ?? DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (dateOnly) return { ms: Date.UTC(year, month - 1, day), dateOnly: true };
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = match[8];
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59) return undefined; // real zones span −12…+14 h
  const micros = Number((match[7] ?? '').padEnd(6, '0'));
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000 + micros * MICROSECOND, dateOnly: false };
}

/** A number written as a JSON string (no spaces, no `+`, no hex): imports often store numbers so. */
const NUMERIC_STRING = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,3})?$/;

/**
 * A JSON value (an attribute or an event property) read as `type`. LEAD DECISION (lenient, 03:08): a number is a
 * JSON number or a string matching NUMERIC_STRING exactly; a boolean is true/false or the string "true"/"false"
 * in any case; a date is a string `parseIsoDate` accepts; a list a JSON array of strings. Anything else is missing.
 */
export function readJson(raw: unknown, type: AttributeValueType): OracleValue {
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'number':
      if (typeof raw === 'string' && NUMERIC_STRING.test(raw)) return Number(raw);
      return typeof raw === 'number' ? raw : undefined;
    case 'boolean':
      if (typeof raw === 'string') return raw.toLowerCase() === 'true' ? true : raw.toLowerCase() === 'false' ? false : undefined;
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date':
      return typeof raw === 'string' ? parseIsoDate(raw)?.ms : undefined;
    case 'list':
      return Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? (raw as string[]) : undefined;
  }
}

/**
 * The first and last instant a rule's date value covers. DECISION: a date-only value is its whole UTC day, to
 * its last microsecond; a date-time is one instant.
 */
function ruleDateBounds(value: string | number): { first: number; last: number } {
  const date = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (!date) throw new Error(`oracle: ${JSON.stringify(value)} is not a date the rule schema accepts`);
  return { first: date.ms, last: date.dateOnly ? date.ms + DAY_MS - MICROSECOND : date.ms };
}

/** Is `at` inside an inclusive `[from, to]` of rule dates (date-only bounds taken as whole days)? */
export function inDateRange(at: number, from: string | number, to: string | number): boolean {
  return at >= ruleDateBounds(from).first && at <= ruleDateBounds(to).last;
}

/** DECISION: the last N days are [asOf − N × 24 h, asOf], both ends included; later values are not in them. */
export function inLastDays(at: number, days: number, asOf: Date): boolean {
  return at >= asOf.getTime() - days * DAY_MS && at <= asOf.getTime();
}

const list = (value: RuleValue | undefined): (string | number)[] => {
  if (!Array.isArray(value)) throw new Error(`oracle: expected a list, got ${JSON.stringify(value)}`);
  return value;
};

/**
 * Does `actual` (undefined = missing) satisfy `operator value`? Positive operators never match a missing
 * value; the negative ones (neq, notContains, notIn, hasNone) do.
 */
export function matches(kind: ValueKind, operator: ValueOperator, actual: OracleValue, value: RuleValue | undefined, asOf: Date): boolean {
  if (operator === 'isSet') return actual !== undefined;
  if (operator === 'isNotSet') return actual === undefined;
  switch (kind) {
    case 'text':
    case 'option':
      return matchesString(kind === 'text', operator, actual as string | undefined, value);
    case 'number':
      return matchesNumber(operator, actual as number | undefined, value);
    case 'date':
      return matchesDate(operator, actual as number | undefined, value, asOf);
    case 'boolean':
      if (operator === 'isTrue') return actual === true;
      if (operator === 'isFalse') return actual === false; // DECISION: a missing boolean is not false.
      break;
    case 'list':
      return matchesList(operator, actual as string[] | undefined, value);
  }
  throw new Error(`oracle: operator ${operator} does not apply to ${kind}`);
}

function matchesString(
  caseInsensitive: boolean,
  operator: ValueOperator,
  actual: string | undefined,
  value: RuleValue | undefined,
): boolean {
  const norm = (s: string | number) => (caseInsensitive ? String(s).toLowerCase() : String(s));
  const a = actual === undefined ? undefined : norm(actual);
  switch (operator) {
    case 'eq':
      return a !== undefined && a === norm(value as string);
    case 'neq':
      return a === undefined || a !== norm(value as string);
    case 'contains':
      return a !== undefined && a.includes(norm(value as string));
    case 'notContains':
      return a === undefined || !a.includes(norm(value as string));
    case 'startsWith':
      return a !== undefined && a.startsWith(norm(value as string));
    case 'endsWith':
      return a !== undefined && a.endsWith(norm(value as string));
    case 'in':
      return a !== undefined && list(value).some((v) => norm(v) === a);
    case 'notIn':
      return a === undefined || !list(value).some((v) => norm(v) === a);
    default:
      throw new Error(`oracle: operator ${operator} does not apply to strings`);
  }
}

/** Compares with the aggregate operators too (orders conditions); `between` is an inclusive range. */
export function matchesNumber(operator: ValueOperator, actual: number | undefined, value: RuleValue | undefined): boolean {
  if (operator === 'neq') return actual === undefined || actual !== value;
  if (actual === undefined) return false;
  switch (operator) {
    case 'eq':
      return actual === value;
    case 'gt':
      return actual > (value as number);
    case 'gte':
      return actual >= (value as number);
    case 'lt':
      return actual < (value as number);
    case 'lte':
      return actual <= (value as number);
    case 'between': {
      const [min, max] = list(value) as number[];
      return actual >= min && actual <= max;
    }
    default:
      throw new Error(`oracle: operator ${operator} does not apply to numbers`);
  }
}

function matchesDate(operator: ValueOperator, actual: number | undefined, value: RuleValue | undefined, asOf: Date): boolean {
  if (actual === undefined) return false;
  switch (operator) {
    case 'before':
      return actual < ruleDateBounds(value as string).first;
    case 'after':
      return actual > ruleDateBounds(value as string).last;
    case 'between': {
      const [from, to] = list(value);
      return inDateRange(actual, from, to);
    }
    case 'withinLastDays':
      return inLastDays(actual, value as number, asOf);
    case 'moreThanDaysAgo':
      return actual < asOf.getTime() - (value as number) * DAY_MS;
    default:
      throw new Error(`oracle: operator ${operator} does not apply to dates`);
  }
}

function matchesList(operator: ValueOperator, actual: string[] | undefined, value: RuleValue | undefined): boolean {
  const items = actual ?? []; // DECISION: a missing list is an empty one.
  switch (operator) {
    case 'hasAny':
      return list(value).some((v) => items.includes(String(v)));
    case 'hasAll':
      return list(value).every((v) => items.includes(String(v)));
    case 'hasNone':
      return !list(value).some((v) => items.includes(String(v)));
    case 'isEmpty':
      return items.length === 0;
    case 'isNotEmpty':
      return items.length > 0;
    default:
      throw new Error(`oracle: operator ${operator} does not apply to lists`);
  }
}
