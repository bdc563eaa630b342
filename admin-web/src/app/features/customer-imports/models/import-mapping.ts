/**
 * The column mapping of a customer import, as the mapping step edits it.
 *
 * The API takes `{ columns: { <header>: <target> | null } }` where a target is a profile field
 * (`email`), `attributes.<name>` with an optional type suffix (`attributes.points:number`),
 * `consent.<channel>` or `tags`; null skips the column. The console edits one row per column:
 * what kind of target it is and, for an attribute, its name and type.
 */

export const PROFILE_FIELDS = [
  { value: 'externalId', label: 'External ID' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'firstName', label: 'First name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'timezone', label: 'Time zone' },
  { value: 'locale', label: 'Locale' },
  { value: 'country', label: 'Country' },
  { value: 'city', label: 'City' },
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number]['value'];

export const CONSENT_TARGETS = [
  { value: 'consent.email', label: 'Email consent' },
  { value: 'consent.sms', label: 'SMS consent' },
  { value: 'consent.push', label: 'Push consent' },
] as const;
export type ConsentTarget = (typeof CONSENT_TARGETS)[number]['value'];

export const ATTRIBUTE_TYPES = [
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'date', label: 'Date' },
  { value: 'list', label: 'List' },
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]['value'];

/** What a column goes to, as picked in its select. */
export type TargetChoice =
  | ProfileField
  | ConsentTarget
  | 'tags'
  | 'attribute'
  | 'skip';

/** The fields customers are matched on: one of them must be mapped. */
export const IDENTIFIER_FIELDS: readonly ProfileField[] = [
  'externalId',
  'email',
];

/** The API's rule for attribute names (letters, digits, `_`; a letter first; at most 64). */
export const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

export interface MappingRow {
  /** The file's header name. */
  column: string;
  choice: TargetChoice;
  /** Used when `choice` is `attribute`. */
  attributeName: string;
  attributeType: AttributeType;
}

export interface ImportMappingValue {
  columns: Record<string, string | null>;
}

const FIELD_VALUES = new Set<string>(PROFILE_FIELDS.map((f) => f.value));
const CONSENT_VALUES = new Set<string>(CONSENT_TARGETS.map((c) => c.value));
const TYPE_VALUES = new Set<string>(ATTRIBUTE_TYPES.map((t) => t.value));

/** A readable attribute name from a header (`Loyalty points` → `loyalty_points`), for a newly picked attribute. */
export function attributeNameFor(column: string): string {
  const words = column
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = /^[a-z]/.test(words) ? words : `col_${words}`;
  return name.slice(0, 64).replace(/_+$/, '') || 'column';
}

/**
 * One row from an API target. A target the console does not know (a newer API, a hand-written
 * saved mapping) is shown as skipped rather than guessed at.
 */
export function rowFor(
  column: string,
  target: string | null | undefined,
): MappingRow {
  const row: MappingRow = {
    column,
    choice: 'skip',
    attributeName: attributeNameFor(column),
    attributeType: 'string',
  };
  if (!target) return row;
  if (
    FIELD_VALUES.has(target) ||
    CONSENT_VALUES.has(target) ||
    target === 'tags'
  ) {
    return { ...row, choice: target as TargetChoice };
  }
  const attribute = /^attributes\.([^:]+)(?::(\w+))?$/.exec(target);
  if (attribute && TYPE_VALUES.has(attribute[2] ?? 'string')) {
    return {
      ...row,
      choice: 'attribute',
      attributeName: attribute[1],
      attributeType: (attribute[2] ?? 'string') as AttributeType,
    };
  }
  return row;
}

/** The API target of a row; null skips the column. Text attributes carry no type suffix. */
export function targetOf(row: MappingRow): string | null {
  switch (row.choice) {
    case 'skip':
      return null;
    case 'attribute': {
      const name = row.attributeName.trim();
      return row.attributeType === 'string'
        ? `attributes.${name}`
        : `attributes.${name}:${row.attributeType}`;
    }
    default:
      return row.choice;
  }
}

/** Rows for a file's headers, in file order, from a mapping (columns it leaves out are skipped). */
export function rowsFromMapping(
  headers: readonly string[],
  mapping: ImportMappingValue | null | undefined,
): MappingRow[] {
  return headers.map((column) => rowFor(column, mapping?.columns[column]));
}

/** The mapping to send: every column of the file, skipped ones as null. */
export function toImportMapping(
  rows: readonly MappingRow[],
): ImportMappingValue {
  return {
    columns: Object.fromEntries(rows.map((row) => [row.column, targetOf(row)])),
  };
}

/** The columns of a file that a saved mapping does not name (they are skipped when it is applied). */
export function unmappedColumns(
  headers: readonly string[],
  mapping: ImportMappingValue,
): string[] {
  return headers.filter(
    (h) => !Object.prototype.hasOwnProperty.call(mapping.columns, h),
  );
}

/** What is wrong with a mapping: per row (same order as the rows), and for the mapping as a whole. */
export interface MappingProblems {
  rows: (string | null)[];
  general: string[];
}

/** Where a row writes, so two rows writing the same place are caught (`attributes.x` whatever its type). */
function destination(row: MappingRow): string | null {
  if (row.choice === 'skip') return null;
  if (row.choice === 'attribute')
    return `attributes.${row.attributeName.trim()}`;
  return row.choice;
}

function describe(row: MappingRow): string {
  if (row.choice === 'attribute')
    return `attribute "${row.attributeName.trim()}"`;
  const known = [...PROFILE_FIELDS, ...CONSENT_TARGETS].find(
    (t) => t.value === row.choice,
  );
  return known ? known.label : 'Tags';
}

/**
 * The rules the API applies before it starts an import, checked as the user edits: attribute
 * names valid, no two columns going to the same place, and a column for external ID or email
 * (customers are matched on them).
 */
export function mappingProblems(rows: readonly MappingRow[]): MappingProblems {
  const problems: MappingProblems = { rows: rows.map(() => null), general: [] };
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    if (
      row.choice === 'attribute' &&
      !ATTRIBUTE_NAME.test(row.attributeName.trim())
    ) {
      problems.rows[i] =
        'Attribute names start with a letter and hold only letters, digits and _ (at most 64)';
      return;
    }
    const to = destination(row);
    if (to === null) return;
    const first = firstRowOf.get(to);
    if (first === undefined) {
      firstRowOf.set(to, i);
    } else {
      problems.rows[i] =
        `${describe(row)} is already mapped from "${rows[first].column}"`;
    }
  });
  if (!IDENTIFIER_FIELDS.some((f) => firstRowOf.has(f))) {
    problems.general.push(
      'Map a column to External ID or Email: customers are matched on them.',
    );
  }
  return problems;
}

export function hasProblems(problems: MappingProblems): boolean {
  return problems.general.length > 0 || problems.rows.some((p) => p !== null);
}
