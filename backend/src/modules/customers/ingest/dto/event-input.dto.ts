import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CustomerReferenceDto } from './customer-reference.dto';
import { IsJsonObjectWithin, IsPastTimestamp } from './item-validators';

/** Largest serialized `properties` object of one event. */
export const MAX_EVENT_PROPERTIES_BYTES = 16 * 1024;

/** One behavioural event of a bulk batch; events are always added (`created`), never merged. */
export class EventInputDto extends CustomerReferenceDto {
  @ApiProperty({
    description: 'Event type: lower case letter first, then letters, digits and `_ . : -`, at most 100 characters',
    pattern: '^[a-z][a-z0-9_.:-]{0,99}$',
    example: 'product_viewed',
  })
  @Matches(/^[a-z][a-z0-9_.:-]{0,99}$/, { message: 'type must start with a lower-case letter and use only a-z, 0-9, _ . : - (at most 100)' })
  type: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `Free-form JSON object, at most ${MAX_EVENT_PROPERTIES_BYTES / 1024} KB serialized; default {}`,
    example: { sku: 'TRS-42', price: 59.9 },
  })
  @IsOptional()
  @IsJsonObjectWithin(MAX_EVENT_PROPERTIES_BYTES)
  properties?: Record<string, unknown>;

  @ApiProperty({
    format: 'date-time',
    description: 'When it happened: ISO 8601 with a time zone, not in the future (5 minutes of clock skew allowed)',
    example: '2024-05-17T18:40:12.250Z',
  })
  @IsPastTimestamp()
  occurredAt: string;
}
