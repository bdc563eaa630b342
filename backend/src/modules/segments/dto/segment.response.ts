import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../../platform/pagination/cursor';
import { ApiSegmentRulesProperty } from '../rules/segment-rules.schema';
import type { SegmentRules } from '../rules/segment-rules.types';
import { SEGMENT_STATUSES } from '../segments.types';
import type { SegmentStatus } from '../segments.types';

/** One point of a segment's size history: a completed refresh. */
@ApiSchema({ name: 'SegmentSizePoint' })
export class SegmentSizePointDto {
  @ApiProperty({ description: 'When the refresh finished (as in the size history)' }) at: Date;
  @ApiProperty() size: number;
}

/** A segment in the list: its definition's summary and the state of its materialized membership. */
@ApiSchema({ name: 'SegmentSummary' })
export class SegmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: SEGMENT_STATUSES, enumName: 'SegmentStatus', description: 'Where the materialized membership stands' }) status: SegmentStatus;
  @ApiProperty({ description: 'Members after the last completed refresh' }) memberCount: number;
  @ApiProperty({ type: Date, nullable: true, description: 'Evaluation time of the refresh that produced the membership' }) refreshedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last refresh failed' }) refreshError: string | null;
  @ApiProperty({ description: 'A condition is relative to now ("last N days"): membership drifts as time passes' }) timeRelative: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The playbook it was created from' }) playbookKey: string | null;
  @ApiProperty({ type: [SegmentSizePointDto], description: 'Sizes of the last 30 completed refreshes, oldest first' }) sizeTrend: SegmentSizePointDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export const SegmentSummaryPageDto = PageOf(SegmentSummaryDto);

/** Another segment, by id and name. */
@ApiSchema({ name: 'SegmentReference' })
export class SegmentReferenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** One segment with its rule tree and the segments whose rules refer to it. */
@ApiSchema({ name: 'SegmentDetail' })
export class SegmentDetailDto extends SegmentSummaryDto {
  @ApiSegmentRulesProperty({ description: 'The rule tree (version 1)' }) rules: SegmentRules;
  @ApiProperty({ type: [SegmentReferenceDto], description: 'Segments this one refers to, directly or through others' }) references: SegmentReferenceDto[];
  @ApiProperty({ type: [SegmentReferenceDto], description: 'Segments whose rules refer to this one (it cannot be deleted while there are any)' })
  usedBy: SegmentReferenceDto[];
  @ApiProperty({ type: Date, nullable: true, description: 'Evaluation time of the last full refresh' }) fullRefreshedAt: Date | null;
  @ApiProperty({ description: 'Who created it (email or API key name)' }) createdBy: string;
}
