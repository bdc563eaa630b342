import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../../customers.types';
import type { ConsentChannel, ConsentStatus } from '../../customers.types';
import type { CustomerInput } from '../customer-input';

export class ConsentInputDto {
  @ApiProperty({ enum: CONSENT_STATUSES, example: 'subscribed' }) status: ConsentStatus;
  @ApiPropertyOptional({ description: 'Where the consent came from; default `api`', example: 'signup-form', maxLength: 100 }) source?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was given or withdrawn (ISO 8601 with a zone); default now. An older one than stored is ignored' })
  updatedAt?: string;
}

/**
 * The shape of one customer of a bulk batch, for the OpenAPI document. Items are validated one by one by
 * the customer upsert engine (`CustomerUpsertService`, which owns the rules), so one bad item is rejected
 * alone; absent fields leave stored values as they are, an explicit null clears one.
 */
@ApiExtraModels(ConsentInputDto)
export class CustomerInputDto implements CustomerInput {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Your id of the customer; matched first', example: 'crm-10042', maxLength: 255 })
  externalId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Matched when no customer has the external id; stored lower case', example: 'ada@example.com', maxLength: 320 })
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Phone number, stored as E.164', example: '+14155550100', maxLength: 40 }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ada', maxLength: 200 }) firstName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lovelace', maxLength: 200 }) lastName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'IANA time zone', example: 'Europe/London' }) timezone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'BCP 47 tag', example: 'en-GB' }) locale?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2', example: 'GB' }) country?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'London', maxLength: 120 }) city?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Custom attributes (at most 100): names are a letter then letters, digits and `_` (≤ 64); values are strings (≤ 1,000), ' +
      'numbers, booleans, ISO dates or string lists (≤ 100); merged key by key, a null value removes the key',
    example: { plan: 'gold', newsletter: true },
  })
  attributes?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    description: `Consent per channel (${CONSENT_CHANNELS.join(', ')})`,
    additionalProperties: { $ref: getSchemaPath(ConsentInputDto) },
    example: { email: { status: 'subscribed', source: 'signup-form' } },
  })
  consent?: Partial<Record<ConsentChannel, ConsentInputDto>>;
  @ApiPropertyOptional({ type: [String], example: ['vip'], maxItems: 100, description: 'Tags (≤ 60 characters each), added to the stored ones' })
  tags?: string[];
}
