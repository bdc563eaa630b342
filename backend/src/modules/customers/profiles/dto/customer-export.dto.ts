import { ApiProperty, ApiSchema, IntersectionType } from '@nestjs/swagger';
import { PageOf } from '../../../../platform/pagination/cursor';
import type { ExportStatus } from '../../customers.types';
import { CustomerFiltersQuery, CustomerSortQuery } from './customer-filters.query';

/** The list's filters and sort: the body of a new export, and what an export records it was asked with. */
@ApiSchema({ name: 'CustomerExportFilters' })
export class CustomerExportFiltersDto extends IntersectionType(CustomerFiltersQuery, CustomerSortQuery) {}

@ApiSchema({ name: 'CustomerExport' })
export class CustomerExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'], enumName: 'CustomerExportStatus' }) status: ExportStatus;
  @ApiProperty({ type: CustomerExportFiltersDto, description: 'The filters and sort it was asked with' }) filters: CustomerExportFiltersDto;
  @ApiProperty({ description: 'Rows written (when completed)' }) rowCount: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error: string | null;
  @ApiProperty({ description: 'Who asked for it (user email or API key name)' }) createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export const CustomerExportPageDto = PageOf(CustomerExportDto);
