import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_STATUSES } from '../bulk-result';
import type { ItemStatus } from '../bulk-result';

export class IngestItemResultDto {
  @ApiProperty({ description: '0-based position of the item in `items`', example: 0 }) index: number;
  @ApiProperty({ enum: ITEM_STATUSES, example: 'created' }) status: ItemStatus;
  @ApiPropertyOptional({ description: 'Id of the stored customer, order or event (absent when rejected)', example: '3f1c0e4e-2a52-4bd4-9d0e-6a4f3c1f1b7a' })
  id?: string;
  @ApiPropertyOptional({ description: 'Why the item was rejected', example: 'currency must be a valid ISO4217 currency code' }) reason?: string;
  @ApiPropertyOptional({ description: 'Path of the offending field inside the item', example: 'items.0.quantity' }) field?: string;
}

export class IngestSummaryDto {
  @ApiProperty({ example: 998 }) created: number;
  @ApiProperty({ example: 1 }) updated: number;
  @ApiProperty({ example: 1 }) rejected: number;
}

/** The outcome of a bulk request: one result per item, in item order, and the counts. */
export class IngestResponseDto {
  @ApiProperty({ type: [IngestItemResultDto] }) results: IngestItemResultDto[];
  @ApiProperty({ type: IngestSummaryDto }) summary: IngestSummaryDto;
}
