import type {
  CustomerImport,
  CustomerImportDetail,
  CustomerImportError,
  SavedImportMapping,
} from '../app/features/customer-imports/models/import-api';

/** Test data of the import wizard. Each factory returns a valid object; pass what the test cares about. */

export function anImport(
  overrides: Partial<CustomerImport> = {},
): CustomerImport {
  return {
    id: 'imp-1',
    fileName: 'customers.csv',
    format: 'csv',
    sizeBytes: 2048,
    status: 'uploaded',
    processedRows: 0,
    progress: 0,
    createdCount: 0,
    updatedCount: 0,
    rejectedCount: 0,
    error: null,
    createdBy: 'me@example.com',
    createdAt: '2026-11-24T10:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/** A semicolon CSV with an id, an email, a name, a points column and a notes column. */
export function anImportDetail(
  overrides: Partial<CustomerImportDetail> = {},
): CustomerImportDetail {
  return {
    ...anImport(),
    delimiter: ';',
    headers: ['Customer ID', 'E-Mail', 'Vorname', 'Points', 'Notes'],
    previewRows: [
      ['C-1', 'ada@example.com', 'Ada', '1.200', 'first\nline'],
      ['C-2', 'bob@example', 'Bob', '15', ''],
    ],
    mapping: null,
    suggestedMapping: {
      columns: {
        'Customer ID': 'externalId',
        'E-Mail': 'email',
        Vorname: 'firstName',
        Points: 'attributes.points:number',
        Notes: 'attributes.notes',
      },
    },
    savedMapping: null,
    ...overrides,
  };
}

export function anImportError(
  overrides: Partial<CustomerImportError> = {},
): CustomerImportError {
  return {
    row: 3,
    column: 'E-Mail',
    value: 'bob@example',
    reason: 'Not a valid email address',
    ...overrides,
  };
}

export function aSavedMapping(
  overrides: Partial<SavedImportMapping> = {},
): SavedImportMapping {
  return {
    id: 'map-1',
    name: 'Shop export',
    mapping: {
      columns: {
        'Customer ID': 'externalId',
        'E-Mail': 'email',
        Vorname: 'lastName',
      },
    },
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}
