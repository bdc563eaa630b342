import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ApiSegmentRulesProperty } from '../rules/segment-rules.schema';
import type { SegmentRules } from '../rules/segment-rules.types';

/** A ready-made segment definition with what to do with its members. */
@ApiSchema({ name: 'SegmentPlaybook' })
export class SegmentPlaybookDto {
  @ApiProperty({ example: 'rfm-champions' }) key: string;
  @ApiProperty({ enum: ['rfm', 'behaviour', 'value', 'lifecycle'] }) category: string;
  @ApiProperty({ example: 'Champions' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'What a campaign to this segment aims at' }) goal: string;
  @ApiProperty({ description: 'The offer that usually works' }) recommendedOffer: string;
  @ApiProperty({ type: [String], example: ['email', 'sms'], description: 'Channels to reach them on' }) recommendedChannels: string[];
  @ApiSegmentRulesProperty({ description: 'The rule tree (version 1)' }) rules: SegmentRules;
  @ApiProperty({ type: Number, nullable: true, description: 'Customers matching it now; null when counting took too long' }) count: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The segment already created from it in this workspace, if any' })
  segmentId: string | null;
}
