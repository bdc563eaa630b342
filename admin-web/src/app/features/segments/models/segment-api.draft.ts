// TEMPORARY: local stand-ins for the generated contract types until the segments API lands in contracts/.
// Deleted once `@lodestar/contracts` exports them (segment-api.ts then re-exports the generated ones).
import type { RfmTier } from '@lodestar/contracts';

export type SegmentStatus = 'pending' | 'refreshing' | 'ready' | 'failed';

export interface SegmentSizePoint {
  at: string;
  size: number;
}

export interface SegmentSummary {
  id: string;
  name: string;
  description: string | null;
  status: SegmentStatus;
  memberCount: number;
  refreshedAt: string | null;
  refreshError: string | null;
  timeRelative: boolean;
  playbookKey: string | null;
  sizeTrend: SegmentSizePoint[];
  createdAt: string;
  updatedAt: string;
}

export interface SegmentReference {
  id: string;
  name: string;
}

export interface SegmentDetail extends SegmentSummary {
  rules: { [key: string]: unknown };
  references: SegmentReference[];
  usedBy: SegmentReference[];
  fullRefreshedAt: string | null;
  createdBy: string;
}

export interface SegmentCustomer {
  id: string;
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  rfmTier: RfmTier | null;
  totalSpent: number;
}

export interface SegmentMember extends SegmentCustomer {
  addedAt: string;
}

export type SegmentRefreshStatus = 'queued' | 'running' | 'completed' | 'failed';
export type SegmentRefreshKind = 'full' | 'incremental';
export type SegmentRefreshTrigger = 'create' | 'update' | 'manual' | 'schedule' | 'time' | 'change';

export interface SegmentRefresh {
  id: string;
  segmentId: string;
  kind: SegmentRefreshKind;
  trigger: SegmentRefreshTrigger;
  status: SegmentRefreshStatus;
  asOf: string | null;
  evaluated: number;
  size: number | null;
  added: number;
  removed: number;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface SegmentHistoryPoint {
  at: string;
  size: number;
  added: number;
  removed: number;
  kind: SegmentRefreshKind;
  trigger: SegmentRefreshTrigger;
}

export interface SegmentSizeHistory {
  segmentId: string;
  from: string;
  to: string;
  points: SegmentHistoryPoint[];
}

export interface SegmentTierCount {
  tier: string | null;
  count: number;
}

export type ConsentChannel = 'email' | 'sms' | 'push';

export interface SegmentConsentCount {
  channel: ConsentChannel;
  subscribed: number;
  unsubscribed: number;
  pending: number;
  unknown: number;
}

export interface SegmentSpendBucket {
  from: number;
  to: number | null;
  count: number;
}

export interface SegmentBreakdown {
  members: number;
  rfmTiers: SegmentTierCount[];
  consent: SegmentConsentCount[];
  spend: SegmentSpendBucket[];
  nonBuyers: number;
}

export interface SegmentExplainNode {
  path: string;
  type: string;
  matched: boolean;
  actual?: unknown;
  expected?: unknown;
  children?: SegmentExplainNode[];
}

export interface SegmentExplanation {
  segmentId: string;
  customer: SegmentCustomer;
  asOf: string;
  matched: boolean;
  inMembership: boolean;
  tree: SegmentExplainNode;
}

export interface SegmentPlaybook {
  key: string;
  category: string;
  name: string;
  description: string;
  goal: string;
  recommendedOffer: string;
  recommendedChannels: string[];
  rules: { [key: string]: unknown };
  count: number | null;
  segmentId: string | null;
}
