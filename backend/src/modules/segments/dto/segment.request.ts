import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/pagination/cursor';
import { ApiSegmentRulesProperty } from '../rules/segment-rules.schema';
import type { SegmentRules } from '../rules/segment-rules.types';

/** Names are trimmed; a blank one is refused. */
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

const RULES_DESCRIPTION = 'The rule tree (version 1), validated by the compiler; a bad node is a 400 naming its JSON path';

/** A new segment: a unique name in the workspace and a rule tree. */
@ApiSchema({ name: 'CreateSegmentRequest' })
export class CreateSegmentRequest {
  @ApiProperty({ maxLength: 120, example: 'Big spenders in Canada' }) @trim() @IsString() @IsNotEmpty() @MaxLength(120) name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;

  @ApiSegmentRulesProperty({ description: RULES_DESCRIPTION }) @IsObject() rules: SegmentRules;
}

/** Changes to a segment: absent fields stay. New rules are compiled and re-materialized. */
@ApiSchema({ name: 'UpdateSegmentRequest' })
export class UpdateSegmentRequest {
  @ApiPropertyOptional({ maxLength: 120 }) @IsOptional() @trim() @IsString() @IsNotEmpty() @MaxLength(120) name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, description: 'null clears it' })
  @IsOptional() @IsString() @MaxLength(1000)
  description?: string | null;

  @ApiSegmentRulesProperty({ required: false, description: RULES_DESCRIPTION }) @IsOptional() @IsObject() rules?: SegmentRules;
}

/** A rule tree to count, saved or not. */
@ApiSchema({ name: 'PreviewSegmentRequest' })
export class PreviewSegmentRequest {
  @ApiSegmentRulesProperty({ description: RULES_DESCRIPTION }) @IsObject() rules: SegmentRules;

  @ApiPropertyOptional({ format: 'uuid', description: 'The segment being edited, so that a condition on itself is reported as a cycle' })
  @IsOptional() @IsUUID()
  segmentId?: string;
}

export class ListSegmentsQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 120, description: 'Part of the name, case-insensitive' }) @IsOptional() @IsString() @MaxLength(120) search?: string;
}

/** Creates the playbook's segment; `name` overrides the playbook's name (e.g. when that name is taken). */
@ApiSchema({ name: 'CreateSegmentFromPlaybookRequest' })
export class CreateSegmentFromPlaybookRequest {
  @ApiPropertyOptional({ maxLength: 120 }) @IsOptional() @trim() @IsString() @IsNotEmpty() @MaxLength(120) name?: string;
}
