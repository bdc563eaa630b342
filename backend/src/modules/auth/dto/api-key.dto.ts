import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { ApiKey } from '../entities/api-key.entity';

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'First characters of the secret', example: 'lsk_AbCdEfGh' }) prefix: string;
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Email of who created it' }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto }) apiKey: ApiKeyDto;
  @ApiProperty({ description: 'The key itself, shown only in this response; send it as X-Api-Key' }) secret: string;
}

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'Shop integration' }) @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty({ type: [String], example: ['customers:read'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) permissions: string[];
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() expiresAt?: Date;
}

export const toApiKeyDto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  permissions: [...k.permissions].sort(),
  createdBy: k.creator?.email ?? null,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
