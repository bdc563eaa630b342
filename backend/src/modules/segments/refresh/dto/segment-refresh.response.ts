import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { REFRESH_KINDS, REFRESH_STATUSES, REFRESH_TRIGGERS } from '../../segments.types';
import type { RefreshKind, RefreshStatus, RefreshTrigger } from '../../segments.types';

const KIND = {
  enum: REFRESH_KINDS,
  enumName: 'SegmentRefreshKind',
  description: 'full: every customer evaluated; incremental: those changed since the last refresh',
};
const TRIGGER = { enum: REFRESH_TRIGGERS, enumName: 'SegmentRefreshTrigger', description: 'What asked for it' };

/** One membership refresh and its progress (queued → running → completed or failed). */
@ApiSchema({ name: 'SegmentRefresh' })
export class SegmentRefreshDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty(KIND) kind: RefreshKind;
  @ApiProperty(TRIGGER) trigger: RefreshTrigger;
  @ApiProperty({ enum: REFRESH_STATUSES, enumName: 'SegmentRefreshStatus' }) status: RefreshStatus;
  @ApiProperty({ type: Date, nullable: true, description: 'The time relative windows were measured from' }) asOf: Date | null;
  @ApiProperty({
    description: 'Customers evaluated so far (all of the workspace for a full refresh, the changed ones for an incremental one)',
  })
  evaluated: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Members once completed' }) size: number | null;
  @ApiProperty({ description: 'Customers who joined' }) added: number;
  @ApiProperty({ description: 'Customers who left' }) removed: number;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed (or why its last attempt did, while retried)' }) error:
    | string
    | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

/** One point of the size history: a completed refresh. */
@ApiSchema({ name: 'SegmentHistoryPoint' })
export class SegmentHistoryPointDto {
  @ApiProperty({ description: 'When the refresh finished' }) at: Date;
  @ApiProperty() size: number;
  @ApiProperty() added: number;
  @ApiProperty() removed: number;
  @ApiProperty(KIND) kind: RefreshKind;
  @ApiProperty(TRIGGER) trigger: RefreshTrigger;
}

@ApiSchema({ name: 'SegmentSizeHistory' })
export class SegmentSizeHistoryDto {
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({
    type: [SegmentHistoryPointDto],
    description: 'Oldest first; incremental refreshes that changed nothing are dropped after a week',
  })
  points: SegmentHistoryPointDto[];
}
