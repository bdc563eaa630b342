import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ImportMappingDto } from './import-mapping.dto';

@ApiSchema({ name: 'StartCustomerImportRequest' })
export class StartCustomerImportDto {
  @ApiProperty({ type: ImportMappingDto, description: 'Where each column goes; needs a column for externalId or email' })
  @ValidateNested() @Type(() => ImportMappingDto)
  mapping: ImportMappingDto;

  @ApiPropertyOptional({ maxLength: 120, description: 'Also save the mapping under this name (replacing one of the same name)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120)
  saveMappingAs?: string;
}
