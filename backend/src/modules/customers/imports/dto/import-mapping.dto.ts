import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { ImportMapping } from '../../customers.types';
import { TARGET_SYNTAX } from '../column-mapping';

/** Where each column of a file goes, keyed by the file's header names. */
@ApiSchema({ name: 'ImportMapping' })
export class ImportMappingDto implements ImportMapping {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: `Header name → target: ${TARGET_SYNTAX}. Columns left out are skipped.`,
    example: { 'E-mail': 'email', 'Customer ID': 'externalId', Vorname: 'firstName', 'Loyalty points': 'attributes.loyalty_points:number', Notes: null },
  })
  @IsObject()
  columns: Record<string, string | null>;
}

/** A named mapping, saved for the next file with the same columns. */
@ApiSchema({ name: 'SaveImportMappingRequest' })
export class SaveImportMappingDto {
  @ApiProperty({ maxLength: 120, example: 'Shop export' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  name: string;

  @ApiProperty({ type: ImportMappingDto })
  @ValidateNested() @Type(() => ImportMappingDto)
  mapping: ImportMappingDto;
}

@ApiSchema({ name: 'SavedImportMapping' })
export class SavedImportMappingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: ImportMappingDto }) mapping: ImportMappingDto;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
