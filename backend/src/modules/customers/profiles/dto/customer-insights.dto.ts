import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHURN_RISKS, RFM_TIERS } from '../../customers.types';

@ApiSchema({ name: 'FacetValue' })
export class FacetValueDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: 'Customers (line items for order categories) with this value' }) count: number;
}

@ApiSchema({ name: 'AttributeFacet' })
export class AttributeFacetDto {
  @ApiProperty({ example: 'plan' }) key: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'array'], isArray: true, description: 'JSON types seen for this key' })
  types: string[];
  @ApiProperty({ description: 'Customers having the attribute' }) count: number;
}

/** Values present in the workspace, for filter pickers and charts (erased customers left out). */
@ApiSchema({ name: 'CustomerFacets' })
export class CustomerFacetsDto {
  @ApiProperty({ type: [FacetValueDto] }) countries: FacetValueDto[];
  @ApiProperty({ type: [FacetValueDto], description: 'The 200 most used tags' }) tags: FacetValueDto[];
  @ApiProperty({ type: [AttributeFacetDto] }) attributes: AttributeFacetDto[];
  @ApiProperty({ type: [FacetValueDto], description: 'Categories of ordered line items' }) orderCategories: FacetValueDto[];
  @ApiProperty({ type: [FacetValueDto], description: `Every tier (${RFM_TIERS.length}), zero counts included` }) rfmTiers: FacetValueDto[];
  @ApiProperty({ type: [FacetValueDto], description: `${CHURN_RISKS.join(', ')}, zero counts included` }) churnRisks: FacetValueDto[];
}

@ApiSchema({ name: 'MonthlySpend' })
export class MonthlySpendDto {
  @ApiProperty({ example: '2025-03', description: 'Calendar month (UTC)' }) month: string;
  @ApiProperty({ example: 1234.5 }) revenue: number;
  @ApiProperty() orders: number;
}

@ApiSchema({ name: 'CustomerStats' })
export class CustomerStatsDto {
  @ApiProperty({ description: 'Customers not erased' }) totalCustomers: number;
  @ApiProperty({ description: 'Customers (not erased) with at least one order' }) customersWithOrders: number;
  @ApiProperty() erasedCustomers: number;
  @ApiProperty({ type: [MonthlySpendDto], description: 'The last 24 months, oldest first, zero-filled; all orders, erased customers’ included' })
  months: MonthlySpendDto[];
  @ApiProperty({ type: [FacetValueDto], description: 'Customers per RFM tier, every tier listed' }) rfmTiers: FacetValueDto[];
  @ApiProperty({ description: 'Customers without an RFM tier yet' }) unscoredCustomers: number;
}

export class CustomerSpendQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 24, description: 'How many months back, this month included' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(120)
  months?: number;
}

@ApiSchema({ name: 'CustomerSpend' })
export class CustomerSpendDto {
  @ApiProperty({ type: [MonthlySpendDto], description: 'Oldest first, zero-filled' }) months: MonthlySpendDto[];
}
