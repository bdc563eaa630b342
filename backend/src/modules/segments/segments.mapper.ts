import type { CustomerSummary } from '../customers/segment-source/customer-directory.service';
import type { SegmentCustomerDto, SegmentMemberDto } from './dto/segment-customer.dto';
import type { SegmentDetailDto, SegmentSummaryDto } from './dto/segment.response';
import type { Segment } from './entities/segment.entity';
import type { SegmentRef, SizePoint } from './segments.repository';

export function toSegmentSummaryDto(s: Segment, sizeTrend: SizePoint[]): SegmentSummaryDto {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    status: s.status,
    memberCount: s.memberCount,
    refreshedAt: s.refreshedAt,
    refreshError: s.refreshError,
    timeRelative: s.timeRelative,
    playbookKey: s.playbookKey,
    sizeTrend,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function toSegmentDetailDto(s: Segment, related: { sizeTrend: SizePoint[]; references: SegmentRef[]; usedBy: SegmentRef[] }): SegmentDetailDto {
  return {
    ...toSegmentSummaryDto(s, related.sizeTrend),
    rules: s.rules,
    references: related.references,
    usedBy: related.usedBy,
    fullRefreshedAt: s.fullRefreshedAt,
    createdBy: s.createdBy,
  };
}

export const toSegmentCustomerDto = (c: CustomerSummary): SegmentCustomerDto => ({
  id: c.id,
  email: c.email,
  firstName: c.firstName,
  lastName: c.lastName,
  country: c.country,
  rfmTier: c.rfmTier,
  totalSpent: c.totalSpent,
});

export const toSegmentMemberDto = (c: CustomerSummary, addedAt: Date): SegmentMemberDto => ({ ...toSegmentCustomerDto(c), externalId: c.externalId, addedAt });
