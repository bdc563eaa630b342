import type { CustomerTraits } from '../entities/customer-traits.entity';
import type { Customer } from '../entities/customer.entity';
import type { CustomerDetailDto, CustomerDto, CustomerProfileDto, CustomerTraitsDto, CustomerTraitsSummaryDto } from './dto/customer.response';
import type { CustomerListRow, TraitsSummary } from './customers.repository';

/** NUMERIC columns arrive as strings; the API speaks numbers (amounts have two decimals). */
export const toAmount = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

export function toProfileDto(c: Customer): CustomerProfileDto {
  return {
    id: c.id,
    externalId: c.externalId,
    email: c.email,
    phone: c.phone,
    firstName: c.firstName,
    lastName: c.lastName,
    timezone: c.timezone,
    locale: c.locale,
    country: c.country,
    city: c.city,
    attributes: c.attributes,
    consent: c.consent,
    tags: c.tags,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    erasedAt: c.erasedAt,
  };
}

export function toTraitsSummaryDto(t: TraitsSummary | null): CustomerTraitsSummaryDto {
  return {
    totalSpent: toAmount(t?.totalSpent) ?? 0,
    orderCount: t?.orderCount ?? 0,
    avgOrderValue: toAmount(t?.avgOrderValue),
    firstOrderAt: t?.firstOrderAt ?? null,
    lastOrderAt: t?.lastOrderAt ?? null,
    rfmTier: t?.rfmTier ?? null,
    churnRisk: t?.churnRisk ?? null,
    clv: toAmount(t?.clv),
    engagementScore: t?.engagementScore ?? 0,
    nightBuyer: t?.nightBuyer ?? false,
    preferredCategory: t?.preferredCategory ?? null,
  };
}

export function toTraitsDto(t: CustomerTraits | null): CustomerTraitsDto {
  return {
    ...toTraitsSummaryDto(t),
    recencyScore: t?.recencyScore ?? null,
    frequencyScore: t?.frequencyScore ?? null,
    monetaryScore: t?.monetaryScore ?? null,
    preferredHour: t?.preferredHour ?? null,
    categorySpend: t?.categorySpend ?? {},
    eventCount: t?.eventCount ?? 0,
    lastEventAt: t?.lastEventAt ?? null,
    updatedAt: t?.updatedAt ?? null,
  };
}

export const toCustomerDto = (row: CustomerListRow): CustomerDto => ({ ...toProfileDto(row.customer), traits: toTraitsSummaryDto(row.traits) });

export const toCustomerDetailDto = (customer: Customer, traits: CustomerTraits | null): CustomerDetailDto => ({
  ...toProfileDto(customer),
  traits: toTraitsDto(traits),
});
