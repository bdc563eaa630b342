import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../../../platform/pagination/cursor';
import type { ImportStatus } from '../../customers.types';
import { ImportMappingDto, SavedImportMappingDto } from './import-mapping.dto';

const STATUSES: ImportStatus[] = ['uploaded', 'queued', 'running', 'completed', 'failed'];

/** An uploaded customer file and its background run. */
@ApiSchema({ name: 'CustomerImport' })
export class CustomerImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'customers.csv' }) fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'], enumName: 'CustomerImportFormat' }) format: 'csv' | 'xlsx';
  @ApiProperty({ description: 'File size in bytes' }) sizeBytes: number;
  @ApiProperty({ enum: STATUSES, enumName: 'CustomerImportStatus' }) status: ImportStatus;
  @ApiProperty({ description: 'Data rows read so far (blank rows not counted)' }) processedRows: number;
  @ApiProperty({ description: 'Percent of the file read (100 when completed)', minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() createdCount: number;
  @ApiProperty() updatedCount: number;
  @ApiProperty({ description: 'Rows rejected; see the errors' }) rejectedCount: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed' }) error: string | null;
  @ApiProperty({ description: 'Who uploaded it (user email or API key name)' }) createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

/** An import with what the mapping step needs: the file's columns, its first rows and a suggested mapping. */
@ApiSchema({ name: 'CustomerImportDetail' })
export class CustomerImportDetailDto extends CustomerImportDto {
  @ApiProperty({ type: String, nullable: true, description: 'Detected CSV delimiter (null for XLSX)' }) delimiter: string | null;
  @ApiProperty({ type: [String], description: 'Column headers, in file order (blank ones named "Column <n>", repeats suffixed " (2)")' })
  headers: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'Up to 20 data rows as read' })
  previewRows: string[][];
  @ApiProperty({ type: ImportMappingDto, nullable: true, description: 'The mapping it was started with' }) mapping: ImportMappingDto | null;
  @ApiProperty({ type: ImportMappingDto, description: 'A saved mapping that fits these columns, else one suggested from the headers' })
  suggestedMapping: ImportMappingDto;
  @ApiProperty({ type: SavedImportMappingDto, nullable: true, description: 'The saved mapping suggested, if one fits' })
  savedMapping: SavedImportMappingDto | null;
}

/** One rejected row (or cell) of an import. */
@ApiSchema({ name: 'CustomerImportError' })
export class CustomerImportErrorDto {
  @ApiProperty({ description: 'Row number as a spreadsheet shows the file (the header is row 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'Column header, when one column is at fault' }) column: string | null;
  @ApiProperty({ type: String, nullable: true }) value: string | null;
  @ApiProperty() reason: string;
}

export const CustomerImportPageDto = PageOf(CustomerImportDto);
export const CustomerImportErrorPageDto = PageOf(CustomerImportErrorDto);
export const SavedImportMappingPageDto = PageOf(SavedImportMappingDto);
