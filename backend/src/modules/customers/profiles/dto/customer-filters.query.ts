import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../../platform/pagination/cursor';
import { CHURN_RISKS, CONSENT_STATUSES, RFM_TIERS } from '../../customers.types';
import type { ChurnRisk, ConsentStatus, RfmTier } from '../../customers.types';
import { ATTRIBUTE_NAME } from '../../ingest/customer-validation';
import { CUSTOMER_SORTS } from '../customer-filters';
import type { CustomerFilters, CustomerSort } from '../customer-filters';

/** Query strings repeat a key for several values (`?country=DE&country=FR`); one value arrives as a string. */
const toList = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);
const toUpperList = (params: { value: unknown }) => {
  const list = toList(params);
  return Array.isArray(list) ? list.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)) : list;
};
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);

const MAX_VALUES = 50;
/** `key:value` where the key is a valid attribute name (the upsert engine's rule). */
const ATTRIBUTE_FILTER = new RegExp(`^${ATTRIBUTE_NAME.source.replace(/^\^|\$$/g, '')}:`);

/** The filters of the customer list; the CSV export takes the same ones in its body. */
export class CustomerFiltersQuery implements CustomerFilters {
  @ApiPropertyOptional({ description: 'Part of the name, email, phone or external id (case-insensitive)', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes; any of them', example: ['DE', 'FR'] })
  @IsOptional() @Transform(toUpperList) @IsArray() @ArrayMaxSize(MAX_VALUES)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each country must be a two-letter code' })
  country?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Customers with any of these tags' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(MAX_VALUES) @IsString({ each: true }) @MaxLength(60, { each: true })
  tag?: string[];

  @ApiPropertyOptional({ enum: RFM_TIERS, enumName: 'RfmTier', isArray: true, description: 'Any of these RFM tiers' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(MAX_VALUES) @IsIn(RFM_TIERS, { each: true })
  rfmTier?: RfmTier[];

  @ApiPropertyOptional({ enum: CHURN_RISKS, enumName: 'ChurnRisk', isArray: true })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(3) @IsIn(CHURN_RISKS, { each: true })
  churnRisk?: ChurnRisk[];

  @ApiPropertyOptional({ description: 'Customers whose preferred purchase hour is at night' })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  nightBuyer?: boolean;

  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Transform(toNumber) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0)
  minTotalSpent?: number;

  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Transform(toNumber) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0)
  maxTotalSpent?: number;

  @ApiPropertyOptional({ minimum: 0, type: 'integer' }) @IsOptional() @Transform(toNumber) @IsInt() @Min(0)
  minOrderCount?: number;

  @ApiPropertyOptional({ minimum: 0, type: 'integer' }) @IsOptional() @Transform(toNumber) @IsInt() @Min(0)
  maxOrderCount?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last order at or after (a date means midnight UTC)' })
  @IsOptional() @IsISO8601({ strict: true })
  lastOrderAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last order before' })
  @IsOptional() @IsISO8601({ strict: true })
  lastOrderBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional() @IsISO8601({ strict: true })
  createdAfter?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional() @IsISO8601({ strict: true })
  createdBefore?: string;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES, enumName: 'ConsentStatus', description: 'Email consent status' })
  @IsOptional() @IsIn(CONSENT_STATUSES)
  consentEmail?: ConsentStatus;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES, enumName: 'ConsentStatus', description: 'SMS consent status' })
  @IsOptional() @IsIn(CONSENT_STATUSES)
  consentSms?: ConsentStatus;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES, enumName: 'ConsentStatus', description: 'Push consent status' })
  @IsOptional() @IsIn(CONSENT_STATUSES)
  consentPush?: ConsentStatus;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Custom attribute equal to a value, as `key:value` (repeat for several; all must match). The value matches the ' +
      'attribute as text, as the number or boolean it spells, or as an element of a list.',
    example: ['plan:pro'],
  })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(600, { each: true })
  @Matches(ATTRIBUTE_FILTER, { each: true, message: 'each attr must be key:value, the key a letter then letters, digits or _' })
  attr?: string[];

  @ApiPropertyOptional({ description: 'Include erased (GDPR) customers; default false' })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  includeErased?: boolean;
}

export class CustomerSortQuery {
  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, enumName: 'CustomerSort', default: '-createdAt', description: 'Field, `-` prefix for descending' })
  @IsOptional() @IsIn(CUSTOMER_SORTS)
  sort?: CustomerSort;
}

export class ListCustomersQuery extends IntersectionType(CustomerFiltersQuery, CustomerSortQuery, PageQuery) {}
