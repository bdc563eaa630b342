import type { ImportMapping } from '../customers.types';
import type { CustomerImportError } from '../entities/customer-import-error.entity';
import type { CustomerImport } from '../entities/customer-import.entity';
import type { SavedImportMapping } from '../entities/import-mapping.entity';
import type { CustomerImportDetailDto, CustomerImportDto, CustomerImportErrorDto } from './dto/customer-import.response';
import type { SavedImportMappingDto } from './dto/import-mapping.dto';

export function toImportDto(row: CustomerImport): CustomerImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    sizeBytes: Number(row.sizeBytes),
    status: row.status,
    processedRows: row.processedRows,
    progress: row.progress,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    rejectedCount: row.rejectedCount,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export function toImportDetailDto(row: CustomerImport, suggestion: { mapping: ImportMapping; saved: SavedImportMapping | null }): CustomerImportDetailDto {
  return {
    ...toImportDto(row),
    delimiter: row.delimiter,
    headers: row.headers,
    previewRows: row.previewRows,
    mapping: row.mapping,
    suggestedMapping: suggestion.mapping,
    savedMapping: suggestion.saved && toSavedMappingDto(suggestion.saved),
  };
}

export function toSavedMappingDto(row: SavedImportMapping): SavedImportMappingDto {
  return { id: row.id, name: row.name, mapping: row.mapping, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function toImportErrorDto(row: CustomerImportError): CustomerImportErrorDto {
  return { row: row.rowNumber, column: row.columnName, value: row.value, reason: row.reason };
}
