import { SegmentMember } from './segment-member.entity';
import { SegmentRefresh } from './segment-refresh.entity';
import { Segment } from './segment.entity';

/** Every entity of the segments module. */
export const SEGMENT_ENTITIES = [Segment, SegmentMember, SegmentRefresh];
