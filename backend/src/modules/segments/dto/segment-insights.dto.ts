import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CONSENT_CHANNELS } from '../../customers/customers.types';
import { SegmentCustomerDto } from './segment-customer.dto';

@ApiSchema({ name: 'SegmentTierCount' })
export class SegmentTierCountDto {
  @ApiProperty({ type: String, nullable: true, description: 'The RFM tier; null for members not scored yet' }) tier: string | null;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'SegmentConsentCount' })
export class SegmentConsentCountDto {
  @ApiProperty({ enum: CONSENT_CHANNELS, enumName: 'ConsentChannel' }) channel: string;
  @ApiProperty() subscribed: number;
  @ApiProperty() unsubscribed: number;
  @ApiProperty() pending: number;
  @ApiProperty({ description: 'Members who never gave or refused consent on this channel' }) unknown: number;
}

@ApiSchema({ name: 'SegmentSpendBucket' })
export class SegmentSpendBucketDto {
  @ApiProperty({ description: 'Lower bound of total spent, inclusive' }) from: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Upper bound, exclusive; null for the last bucket' }) to: number | null;
  @ApiProperty() count: number;
}

/** What a segment's members are made of (the materialized membership). */
@ApiSchema({ name: 'SegmentBreakdown' })
export class SegmentBreakdownDto {
  @ApiProperty({ description: 'Members counted' }) members: number;
  @ApiProperty({ type: [SegmentTierCountDto], description: 'Every RFM tier from best to worst, then unscored members' }) rfmTiers: SegmentTierCountDto[];
  @ApiProperty({ type: [SegmentConsentCountDto], description: 'Consent status per channel' }) consent: SegmentConsentCountDto[];
  @ApiProperty({ type: [SegmentSpendBucketDto], description: 'Members who bought, by total spent (buckets from 0 to 50, 50 to 100, 100 to 250… 25,000 and more)' })
  spend: SegmentSpendBucketDto[];
  @ApiProperty({ description: 'Members who have spent nothing' }) nonBuyers: number;
}

/** One node of the rule tree, annotated for one customer. */
@ApiSchema({ name: 'SegmentExplainNode' })
export class SegmentExplainNodeDto {
  @ApiProperty({ example: 'rules.root.children[1]', description: 'JSON path of the node in the rule tree' }) path: string;
  @ApiProperty({ example: 'field', description: 'The node type: group, field, attribute, orders, event, segment' }) type: string;
  @ApiProperty({ description: 'Whether the customer meets this node' }) matched: boolean;
  @ApiPropertyOptional({ description: 'The customer’s value that was compared' }) actual?: unknown;
  @ApiPropertyOptional({ description: 'What the condition expects' }) expected?: unknown;
  @ApiPropertyOptional({ type: () => [SegmentExplainNodeDto], description: 'A group’s children' }) children?: SegmentExplainNodeDto[];
}

/** Why a customer is (or is not) in a segment. */
@ApiSchema({ name: 'SegmentExplanation' })
export class SegmentExplanationDto {
  @ApiProperty({ format: 'uuid' }) segmentId: string;
  @ApiProperty({ type: SegmentCustomerDto }) customer: SegmentCustomerDto;
  @ApiProperty({ description: 'The evaluation time' }) asOf: Date;
  @ApiProperty({ description: 'The customer meets the rules now' }) matched: boolean;
  @ApiProperty({ description: 'The customer is in the materialized membership (as of the last refresh)' }) inMembership: boolean;
  @ApiProperty({ type: SegmentExplainNodeDto, description: 'The rule tree annotated per node' }) tree: SegmentExplainNodeDto;
}
