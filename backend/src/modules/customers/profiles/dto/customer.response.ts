import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../../../platform/pagination/cursor';
import { CHURN_RISKS, CONSENT_STATUSES, RFM_TIERS } from '../../customers.types';
import type { ChurnRisk, ConsentStatus } from '../../customers.types';

@ApiSchema({ name: 'ChannelConsent' })
export class ChannelConsentDto {
  @ApiProperty({ enum: CONSENT_STATUSES, enumName: 'ConsentStatus' }) status: ConsentStatus;
  @ApiProperty({ example: 'signup-form', description: 'Where the consent came from' }) source: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

@ApiSchema({ name: 'CustomerConsent' })
export class CustomerConsentDto {
  @ApiPropertyOptional({ type: ChannelConsentDto }) email?: ChannelConsentDto;
  @ApiPropertyOptional({ type: ChannelConsentDto }) sms?: ChannelConsentDto;
  @ApiPropertyOptional({ type: ChannelConsentDto }) push?: ChannelConsentDto;
}

/** The main computed traits; zero counters and null values for a customer without orders or events. */
@ApiSchema({ name: 'CustomerTraitsSummary' })
export class CustomerTraitsSummaryDto {
  @ApiProperty({ example: 245.9 }) totalSpent: number;
  @ApiProperty({ example: 3 }) orderCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Average order value' }) avgOrderValue: number | null;
  @ApiProperty({ type: Date, nullable: true }) firstOrderAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastOrderAt: Date | null;
  @ApiProperty({ enum: RFM_TIERS, enumName: 'RfmTier', nullable: true }) rfmTier: string | null;
  @ApiProperty({ enum: CHURN_RISKS, enumName: 'ChurnRisk', nullable: true }) churnRisk: ChurnRisk | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Customer lifetime value estimate' }) clv: number | null;
  @ApiProperty({ description: '0–100' }) engagementScore: number;
  @ApiProperty({ description: 'Preferred purchase hour is at night' }) nightBuyer: boolean;
  @ApiProperty({ type: String, nullable: true }) preferredCategory: string | null;
}

/** Every computed trait, with the RFM scores. */
@ApiSchema({ name: 'CustomerTraits' })
export class CustomerTraitsDto extends CustomerTraitsSummaryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Recency score 1–5' }) recencyScore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Frequency score 1–5' }) frequencyScore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Monetary score 1–5' }) monetaryScore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Preferred purchase hour 0–23 in the customer’s time zone' })
  preferredHour: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Amount spent per category' })
  categorySpend: Record<string, number>;
  @ApiProperty() eventCount: number;
  @ApiProperty({ type: Date, nullable: true }) lastEventAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the traits last changed; null without a traits row' })
  updatedAt: Date | null;
}

/** The profile fields of a customer. */
@ApiSchema({ name: 'CustomerProfile' })
export class CustomerProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ada@example.com' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+14155550100' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Europe/Berlin' }) timezone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'de-DE' }) locale: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'DE' }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { plan: 'pro' } }) attributes: Record<string, unknown>;
  @ApiProperty({ type: CustomerConsentDto }) consent: CustomerConsentDto;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When the personal data was erased (GDPR)' }) erasedAt: Date | null;
}

/** A customer in a list: profile and main traits. */
@ApiSchema({ name: 'Customer' })
export class CustomerDto extends CustomerProfileDto {
  @ApiProperty({ type: CustomerTraitsSummaryDto }) traits: CustomerTraitsSummaryDto;
}

/** One customer with every trait (the 360 view's header). */
@ApiSchema({ name: 'CustomerDetail' })
export class CustomerDetailDto extends CustomerProfileDto {
  @ApiProperty({ type: CustomerTraitsDto }) traits: CustomerTraitsDto;
}

export const CustomerPageDto = PageOf(CustomerDto);
