import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/pagination/cursor';
import type { Membership } from '../entities/membership.entity';
import { RoleSummaryDto } from './role.dto';

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'User id' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: RoleSummaryDto }) role: RoleSummaryDto;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'When they joined the workspace' }) createdAt: string;
}

class MemberFilterQuery {
  @ApiPropertyOptional({ description: 'Search in email and name' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roleId?: string;
}

export class ListMembersQuery extends IntersectionType(MemberFilterQuery, PageQuery) {}

export class UpdateMemberRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roleId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export const toMemberDto = (m: Membership): MemberDto => ({
  id: m.userId,
  email: m.user!.email,
  name: m.user!.name,
  role: { id: m.role!.id, key: m.role!.key, name: m.role!.name },
  active: m.active,
  lastLoginAt: m.user!.lastLoginAt?.toISOString() ?? null,
  createdAt: m.createdAt.toISOString(),
});
