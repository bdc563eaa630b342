import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { NoNul } from './item-validators';

const REQUIRED = 'customerExternalId or customerEmail is required';

/**
 * Whose order or event this is: the customer's external id, else their email. An unknown customer is
 * created with the identifiers given (through the customer upsert engine, as the customers batch would).
 */
export abstract class CustomerReferenceDto {
  @ApiPropertyOptional({ description: 'External id of the customer; looked up first', example: 'crm-10042', maxLength: 255 })
  @ValidateIf((o: CustomerReferenceDto) => o.customerExternalId !== undefined || o.customerEmail === undefined)
  @IsDefined({ message: REQUIRED })
  @IsString()
  @Length(1, 255)
  @NoNul()
  customerExternalId?: string;

  @ApiPropertyOptional({ description: 'Email of the customer, used when no external id is given', example: 'ada@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  customerEmail?: string;
}
