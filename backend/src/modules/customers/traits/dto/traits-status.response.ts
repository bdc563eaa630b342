import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RFM_TIERS } from '../../customers.types';
import type { RfmTier } from '../../customers.types';

/** A workspace's quintile cut points: the 20th, 40th, 60th and 80th percentiles over customers with orders. */
@ApiSchema({ name: 'RfmBoundaries' })
export class RfmBoundariesDto {
  @ApiProperty({ type: [Number], example: [12.5, 48, 120.3, 301], description: 'Days since the last order (fewer scores higher)' })
  recencyDays: number[];

  @ApiProperty({ type: [Number], example: [1, 2, 3, 6], description: 'Order count' })
  frequency: number[];

  @ApiProperty({ type: [Number], example: [45.5, 120, 310.75, 900], description: 'Total spent' })
  monetary: number[];

  @ApiProperty({ description: 'Customers with orders the cut points were computed over' })
  customerCount: number;
}

@ApiSchema({ name: 'RfmTierCount' })
export class RfmTierCountDto {
  @ApiProperty({ enum: RFM_TIERS, enumName: 'RfmTier' }) tier: RfmTier;
  @ApiProperty() customers: number;
}

/** Where the workspace's RFM scoring stands. */
@ApiSchema({ name: 'CustomerTraitsStatus' })
export class TraitsStatusDto {
  @ApiProperty({ type: RfmBoundariesDto, nullable: true, description: 'Null until the first RFM run' })
  boundaries: RfmBoundariesDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the boundaries were computed and everyone rescored' })
  computedAt: string | null;

  @ApiProperty({ type: [RfmTierCountDto], description: 'Customers per RFM tier, largest first' })
  tiers: RfmTierCountDto[];
}

/** A queued RFM refresh. */
@ApiSchema({ name: 'CustomerTraitsRefresh' })
export class TraitsRefreshDto {
  @ApiProperty({ description: 'Id of the background job' }) jobId: string;
}
