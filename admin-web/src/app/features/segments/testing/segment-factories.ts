import type { SegmentRules } from '../builder/rule-types';
import type {
  SegmentBreakdown,
  SegmentDetail,
  SegmentExplanation,
  SegmentMember,
  SegmentPlaybook,
  SegmentRefresh,
  SegmentSizeHistory,
  SegmentSummary,
} from '../models/segment-api';

/** Test data for the segments feature. Each factory returns a valid object; pass what the test cares about. */

export const SEGMENT_ID = '5e9a1c2d-0000-4000-8000-000000000001';
export const CUSTOMER_ID = 'c0ffee00-0000-4000-8000-000000000001';

export function someRules(): SegmentRules {
  return {
    version: 1,
    root: {
      type: 'group',
      operator: 'and',
      children: [
        { type: 'orders', measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } },
        { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] },
      ],
    },
  };
}

export function aSegmentSummary(overrides: Partial<SegmentSummary> = {}): SegmentSummary {
  return {
    id: SEGMENT_ID,
    name: 'Big spenders',
    description: 'Spent over 500 in the last 90 days',
    status: 'ready',
    memberCount: 1250,
    refreshedAt: '2026-11-28T10:00:00Z',
    refreshError: null,
    timeRelative: true,
    playbookKey: null,
    sizeTrend: [
      { at: '2026-11-26T10:00:00Z', size: 1200 },
      { at: '2026-11-27T10:00:00Z', size: 1180 },
      { at: '2026-11-28T10:00:00Z', size: 1250 },
    ],
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-28T10:00:00Z',
    ...overrides,
  };
}

export function aSegmentDetail(overrides: Partial<SegmentDetail> = {}): SegmentDetail {
  return {
    ...aSegmentSummary(),
    rules: someRules(),
    references: [],
    usedBy: [],
    fullRefreshedAt: '2026-11-28T10:00:00Z',
    createdBy: 'owner@example.com',
    ...overrides,
  };
}

export function aMember(overrides: Partial<SegmentMember> = {}): SegmentMember {
  return {
    id: CUSTOMER_ID,
    externalId: 'ext-1',
    email: 'anna@example.com',
    firstName: 'Anna',
    lastName: 'Schmidt',
    country: 'US',
    rfmTier: 'Champions',
    totalSpent: 612.4,
    addedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function aRefresh(overrides: Partial<SegmentRefresh> = {}): SegmentRefresh {
  return {
    id: 'r-1',
    segmentId: SEGMENT_ID,
    kind: 'full',
    trigger: 'manual',
    status: 'queued',
    asOf: null,
    evaluated: 0,
    size: null,
    added: 0,
    removed: 0,
    durationMs: null,
    error: null,
    createdAt: '2026-11-28T12:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

export function someHistory(overrides: Partial<SegmentSizeHistory> = {}): SegmentSizeHistory {
  return {
    segmentId: SEGMENT_ID,
    from: '2026-08-30T00:00:00Z',
    to: '2026-11-28T12:00:00Z',
    points: [
      { at: '2026-11-27T10:00:00Z', size: 1180, added: 1180, removed: 0, kind: 'full', trigger: 'create' },
      { at: '2026-11-28T10:00:00Z', size: 1250, added: 90, removed: 20, kind: 'incremental', trigger: 'change' },
    ],
    ...overrides,
  };
}

export function aBreakdown(overrides: Partial<SegmentBreakdown> = {}): SegmentBreakdown {
  return {
    members: 1250,
    rfmTiers: [
      { tier: 'Champions', count: 700 },
      { tier: 'Loyal', count: 500 },
      { tier: null, count: 50 },
    ],
    consent: [
      { channel: 'email', subscribed: 900, unsubscribed: 100, pending: 50, unknown: 200 },
      { channel: 'sms', subscribed: 300, unsubscribed: 20, pending: 0, unknown: 930 },
      { channel: 'push', subscribed: 0, unsubscribed: 0, pending: 0, unknown: 1250 },
    ],
    spend: [
      { from: 500, to: 1000, count: 800 },
      { from: 1000, to: null, count: 400 },
    ],
    nonBuyers: 50,
    ...overrides,
  };
}

export function anExplanation(overrides: Partial<SegmentExplanation> = {}): SegmentExplanation {
  return {
    segmentId: SEGMENT_ID,
    customer: aMember(),
    asOf: '2026-11-28T12:00:00Z',
    matched: true,
    inMembership: true,
    tree: {
      path: 'rules.root',
      type: 'group',
      matched: true,
      expected: { operator: 'and' },
      children: [
        {
          path: 'rules.root.children[0]',
          type: 'orders',
          matched: true,
          actual: 612.4,
          expected: { measure: 'sum', operator: 'gt', value: 500, window: { kind: 'lastDays', days: 90 } },
        },
        { path: 'rules.root.children[1]', type: 'field', matched: true, actual: 'US', expected: { operator: 'in', value: ['US', 'CA'] } },
      ],
    },
    ...overrides,
  };
}

export function aPlaybook(overrides: Partial<SegmentPlaybook> = {}): SegmentPlaybook {
  return {
    key: 'rfm-champions',
    category: 'rfm',
    name: 'Champions',
    description: 'Bought recently, buy often and spend the most.',
    goal: 'Keep them delighted',
    recommendedOffer: 'Early access to new products',
    recommendedChannels: ['email', 'push'],
    rules: { version: 1, root: { type: 'group', operator: 'and', children: [] } },
    count: 312,
    segmentId: null,
    ...overrides,
  };
}
