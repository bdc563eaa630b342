/**
 * The generated contract types the import wizard uses, under the console's names (the
 * `core/api/models.ts` pattern, kept in the feature). If the backend renames a schema, only this
 * file changes.
 */
export type {
  CustomerImport,
  CustomerImportDetail,
  CustomerImportError,
  CustomerImportStatus,
  ImportMapping,
  SavedImportMapping,
} from '@lodestar/contracts';
