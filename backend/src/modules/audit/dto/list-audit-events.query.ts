import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/pagination/cursor';

export class AuditFilterQuery {
  @ApiPropertyOptional({ description: 'User id or API key id' }) @IsOptional() @IsString() @MaxLength(64) actorId?: string;
  @ApiPropertyOptional({ example: 'member.update' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ example: 'role' }) @IsOptional() @IsString() @MaxLength(60) objectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) objectId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive lower bound' })
  @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive upper bound' })
  @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

export class ListAuditEventsQuery extends IntersectionType(AuditFilterQuery, PageQuery) {}
