import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { RoleWithCount } from '../repositories/roles.repository';

export class RoleSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'admin' }) key: string;
  @ApiProperty({ example: 'Admin' }) name: string;
}

export class RoleDto extends RoleSummaryDto {
  @ApiProperty() description: string;
  @ApiProperty({ type: [String], example: ['users:read'] }) permissions: string[];
  @ApiProperty() builtIn: boolean;
  @ApiProperty() memberCount: number;
}

export class PermissionInfoDto {
  @ApiProperty({ example: 'users:manage' }) key: string;
  @ApiProperty() description: string;
}

export class CreateRoleRequest {
  @ApiProperty({ example: 'Campaign editor' }) @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) permissions: string[];
}

export class UpdateRoleRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) permissions?: string[];
}

export const toRoleDto = (r: RoleWithCount): RoleDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  permissions: [...r.permissions].sort(),
  builtIn: r.builtIn,
  memberCount: r.memberCount,
});
