import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CONSENT_STATUSES } from '../../customers.types';
import type { ConsentStatus } from '../../customers.types';

@ApiSchema({ name: 'ChannelConsentInput' })
export class ChannelConsentRequest {
  @ApiProperty({ enum: CONSENT_STATUSES, enumName: 'ConsentStatus' }) @IsIn(CONSENT_STATUSES) status: ConsentStatus;

  @ApiPropertyOptional({ description: 'Where the consent came from; default `console` (signed-in user) or `api` (API key)', maxLength: 100 })
  @IsOptional() @IsString() @MaxLength(100)
  source?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was given or withdrawn, with a time zone; default now' })
  @IsOptional() @IsString() @MaxLength(40)
  updatedAt?: string;
}

@ApiSchema({ name: 'CustomerConsentInput' })
export class CustomerConsentRequest {
  @ApiPropertyOptional({ type: ChannelConsentRequest }) @IsOptional() @ValidateNested() @Type(() => ChannelConsentRequest) email?: ChannelConsentRequest;
  @ApiPropertyOptional({ type: ChannelConsentRequest }) @IsOptional() @ValidateNested() @Type(() => ChannelConsentRequest) sms?: ChannelConsentRequest;
  @ApiPropertyOptional({ type: ChannelConsentRequest }) @IsOptional() @ValidateNested() @Type(() => ChannelConsentRequest) push?: ChannelConsentRequest;
}

/**
 * A new customer. An external id or an email identifies it (each unique in the workspace). The same
 * rules as the bulk API and imports apply: email lower-cased, phone to E.164 (the country is the default
 * region), IANA time zone, canonical BCP 47 locale, ISO 3166-1 alpha-2 country, flat attributes named
 * like `signupYear`. Absent or null fields stay empty.
 */
@ApiSchema({ name: 'CreateCustomerRequest' })
export class CreateCustomerRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 }) @IsOptional() @IsString() @MaxLength(255) externalId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 320, description: 'Stored lower-case' })
  @IsOptional() @IsString() @MaxLength(320)
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Stored as E.164, e.g. +14155550100' }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) firstName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) lastName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'IANA time zone', example: 'Europe/Berlin' })
  @IsOptional() @IsString() @MaxLength(64)
  timezone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'BCP 47 tag', example: 'de-DE' }) @IsOptional() @IsString() @MaxLength(35) locale?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2', example: 'DE' }) @IsOptional() @IsString() @MaxLength(2) country?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 120 }) @IsOptional() @IsString() @MaxLength(120) city?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Flat object of strings, numbers, booleans and lists of strings',
    example: { plan: 'pro', signupYear: 2024 },
  })
  @IsOptional() @IsObject()
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ type: CustomerConsentRequest }) @IsOptional() @ValidateNested() @Type(() => CustomerConsentRequest) consent?: CustomerConsentRequest;

  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) tags?: string[];
}

/**
 * Changes to a customer: absent fields stay, null clears a field. `attributes` are merged (a null value
 * removes that attribute), `tags` replace the stored list, `consent` replaces the given channels only.
 */
@ApiSchema({ name: 'UpdateCustomerRequest' })
export class UpdateCustomerRequest extends CreateCustomerRequest {}
