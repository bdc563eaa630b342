import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../../platform/pagination/cursor';
import { RFM_TIERS } from '../../customers/customers.types';

/** A customer as segment pages show it: identity, country, RFM tier and total spent. */
@ApiSchema({ name: 'SegmentCustomer' })
export class SegmentCustomerDto {
  @ApiProperty({ format: 'uuid', description: 'The customer id' }) id: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE' }) country: string | null;
  @ApiProperty({ enum: RFM_TIERS, enumName: 'RfmTier', nullable: true }) rfmTier: string | null;
  @ApiProperty({ example: 245.9 }) totalSpent: number;
}

/** A member of a segment's materialized membership. */
@ApiSchema({ name: 'SegmentMember' })
export class SegmentMemberDto extends SegmentCustomerDto {
  @ApiProperty({ type: String, nullable: true, description: 'The customer’s id in the integrator’s system' }) externalId: string | null;
  @ApiProperty({ description: 'When the customer joined the segment (kept while they stay in)' }) addedAt: Date;
}

export const SegmentMemberPageDto = PageOf(SegmentMemberDto);

/** The count of an unsaved (or saved) rule tree evaluated now, with a sample of matching customers. */
@ApiSchema({ name: 'SegmentPreview' })
export class SegmentPreviewDto {
  @ApiProperty({ description: 'Customers matching the tree now (erased customers left out)' }) count: number;
  @ApiProperty({ type: [SegmentCustomerDto], description: 'Up to 20 matching customers' }) sample: SegmentCustomerDto[];
  @ApiProperty({ description: 'The evaluation time relative windows were measured from' }) asOf: Date;
  @ApiProperty({ description: 'Milliseconds the count and the sample took together' }) tookMs: number;
}
