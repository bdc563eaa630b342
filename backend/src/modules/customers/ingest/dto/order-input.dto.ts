import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ORDER_CHANNELS } from '../../customers.types';
import type { OrderChannel } from '../../customers.types';
import { CustomerReferenceDto } from './customer-reference.dto';
import { IsMoney, IsPastTimestamp, MAX_MONEY, NoNul } from './item-validators';

/** Most line items one order may carry. */
export const MAX_ORDER_LINES = 1000;

export class OrderLineInputDto {
  @ApiProperty({ example: 'Trail running shoes', minLength: 1, maxLength: 200 }) @IsString() @Length(1, 200) @NoNul() product: string;
  @ApiProperty({ example: 'Footwear', minLength: 1, maxLength: 120 }) @IsString() @Length(1, 120) @NoNul() category: string;
  @ApiProperty({ example: 2, minimum: 1, maximum: 1_000_000 }) @IsInt() @Min(1) @Max(1_000_000) quantity: number;
  @ApiProperty({ example: 59.9, minimum: 0, maximum: MAX_MONEY, description: 'Price of one unit, at most two decimals' })
  @IsMoney()
  unitPrice: number;
}

/**
 * One order of a bulk batch. With an `externalId` already known in the workspace the stored order and its
 * line items are replaced (`updated`); otherwise the order is `created`.
 */
export class OrderInputDto extends CustomerReferenceDto {
  @ApiPropertyOptional({
    description: 'Your id of the order; sending it again updates the order instead of adding another',
    example: 'web-2024-000981',
    maxLength: 255,
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @NoNul()
  externalId?: string;

  @ApiPropertyOptional({
    description:
      'Order total. Defaults to the sum of quantity × unitPrice of the line items; when given it must equal that sum ' +
      'within 0.01, otherwise the order is rejected (field `amount`).',
    example: 119.8,
    minimum: 0,
    maximum: MAX_MONEY,
  })
  @IsOptional()
  @IsMoney()
  amount?: number;

  @ApiProperty({ description: 'ISO 4217 code; stored upper case', example: 'EUR', minLength: 3, maxLength: 3 })
  @IsISO4217CurrencyCode()
  currency: string;

  @ApiProperty({ enum: ORDER_CHANNELS, example: 'online' }) @IsIn(ORDER_CHANNELS) channel: OrderChannel;

  @ApiProperty({
    format: 'date-time',
    description: 'When the order was placed: ISO 8601 with a time zone, not in the future (5 minutes of clock skew allowed)',
    example: '2024-05-17T18:42:00Z',
  })
  @IsPastTimestamp()
  placedAt: string;

  @ApiProperty({ type: [OrderLineInputDto], minItems: 1, maxItems: MAX_ORDER_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  items: OrderLineInputDto[];
}
