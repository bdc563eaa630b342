import type { FieldProblem } from '../../../platform/errors/domain-error';
import { CONSENT_CHANNELS } from '../customers.types';
import type { ConsentChannel, ImportMapping } from '../customers.types';
import type { CustomerInput } from '../ingest/customer-input';
import { ATTRIBUTE_NAME, PROFILE_FIELDS } from '../ingest/customer-validation';
import type { AttributeValue, ProfileField } from '../ingest/customer-validation';
import { cellText, isBlank, parseBoolean, parseConsentStatus, parseDate, parseList, parseNumber } from './import-values';
import type { CellValue } from './import-values';

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'list'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * Where a column goes. Targets are written as: a profile field (`externalId`, `email`, `phone`,
 * `firstName`, `lastName`, `timezone`, `locale`, `country`, `city`); `attributes.<name>` with an optional
 * type suffix (`attributes.points:number`; types string — the default —, number, boolean, date, list);
 * `consent.<email|sms|push>` (the cell holds the status); `tags` (a list in the cell); or null to skip.
 */
export type ImportTarget =
  | { kind: 'field'; field: ProfileField }
  | { kind: 'attribute'; name: string; type: AttributeType }
  | { kind: 'consent'; channel: ConsentChannel }
  | { kind: 'tags' };

export const TARGET_SYNTAX =
  'a profile field (externalId, email, phone, firstName, lastName, timezone, locale, country, city), attributes.<name>[:string|number|boolean|date|list], consent.<email|sms|push>, tags, or null';

export function parseTarget(target: string): ImportTarget | undefined {
  if ((PROFILE_FIELDS as readonly string[]).includes(target)) return { kind: 'field', field: target as ProfileField };
  if (target === 'tags') return { kind: 'tags' };
  const consent = /^consent\.(\w+)$/.exec(target);
  if (consent) return (CONSENT_CHANNELS as readonly string[]).includes(consent[1]) ? { kind: 'consent', channel: consent[1] as ConsentChannel } : undefined;
  const attribute = /^attributes\.([^:]+)(?::(\w+))?$/.exec(target);
  if (!attribute || !ATTRIBUTE_NAME.test(attribute[1])) return undefined;
  const type = (attribute[2] ?? 'string') as AttributeType;
  return ATTRIBUTE_TYPES.includes(type) ? { kind: 'attribute', name: attribute[1], type } : undefined;
}

/** The upsert engine's field path a target writes (`attributes.points`, `consent.email`…), to map its rejections back to a column. */
function enginePath(target: ImportTarget): string {
  switch (target.kind) {
    case 'field':
      return target.field;
    case 'attribute':
      return `attributes.${target.name}`;
    case 'consent':
      return `consent.${target.channel}`;
    case 'tags':
      return 'tags';
  }
}

/**
 * Problems of a mapping for a file with these headers (empty when it is usable): every key a header of the
 * file, every target valid and used once, and a column for `externalId` or `email` (the dedupe keys).
 */
export function mappingProblems(mapping: ImportMapping, headers: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(headers);
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping.columns)) {
    const field = `mapping.columns.${column}`;
    if (!known.has(column)) problems.push({ field, message: `The file has no column "${column}"` });
    if (target === null) continue;
    const parsed = typeof target === 'string' ? parseTarget(target) : undefined;
    if (!parsed) {
      problems.push({ field, message: `"${String(target)}" is not a target; use ${TARGET_SYNTAX}` });
      continue;
    }
    const path = enginePath(parsed);
    const other = used.get(path);
    if (other !== undefined) problems.push({ field, message: `Columns "${other}" and "${column}" both go to ${path}` });
    used.set(path, column);
  }
  if (!used.has('externalId') && !used.has('email')) {
    problems.push({ field: 'mapping.columns', message: 'Map a column to externalId or email: customers are matched on them' });
  }
  return problems;
}

export interface CellProblem {
  column: string;
  value: string;
  reason: string;
}

export type MappedRow = { input: CustomerInput; problems: CellProblem[] };

/**
 * Turns rows of cells into upsert-engine items by a (valid) mapping. Blank cells are left out, so they never
 * clear stored values; typed attribute cells are parsed (see import-values) and a cell that does not parse
 * is a problem of the row.
 */
export class CompiledMapping {
  private readonly columns: { index: number; header: string; target: ImportTarget }[];
  private readonly columnByPath = new Map<string, string>();

  constructor(mapping: ImportMapping, headers: string[]) {
    this.columns = headers.flatMap((header, index) => {
      const raw = mapping.columns[header];
      const target = typeof raw === 'string' ? parseTarget(raw) : undefined;
      if (!target) return [];
      this.columnByPath.set(enginePath(target), header);
      return [{ index, header, target }];
    });
  }

  map(cells: CellValue[]): MappedRow {
    const input: CustomerInput = {};
    const problems: CellProblem[] = [];
    for (const { index, header, target } of this.columns) {
      const cell = cells[index] ?? null;
      if (isBlank(cell)) continue;
      switch (target.kind) {
        case 'field':
          input[target.field] = cellText(cell).trim();
          break;
        case 'tags':
          input.tags = parseList(cell);
          break;
        case 'consent': {
          const status = parseConsentStatus(cell);
          if (status) (input.consent ??= {})[target.channel] = { status };
          else problems.push({ column: header, value: cellText(cell), reason: 'Not a consent status (subscribed, unsubscribed, pending, yes or no)' });
          break;
        }
        case 'attribute': {
          const value = attributeValue(cell, target.type);
          if (value !== undefined) (input.attributes ??= {})[target.name] = value;
          else problems.push({ column: header, value: cellText(cell), reason: `Not a ${target.type === 'date' ? 'date' : target.type}` });
        }
      }
    }
    return { input, problems };
  }

  /** The column behind a field path of an engine rejection (`email`, `attributes.points`, `consent.sms.status`), if one. */
  columnOf(field: string | undefined): string | null {
    if (!field) return null;
    const [head, second] = field.split('.');
    return this.columnByPath.get(field) ?? this.columnByPath.get(`${head}.${second}`) ?? null;
  }

  /** The cell of a column in a row, as text for the error report. */
  valueOf(cells: CellValue[], column: string | null): string | null {
    if (column === null) return null;
    const found = this.columns.find((c) => c.header === column);
    return found ? cellText(cells[found.index] ?? null) : null;
  }
}

function attributeValue(cell: CellValue, type: AttributeType): AttributeValue | undefined {
  switch (type) {
    case 'number':
      return parseNumber(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'date':
      return parseDate(cell);
    case 'list':
      return parseList(cell);
    default:
      return cellText(cell).trim();
  }
}
