import type { SegmentPreview } from '../../builder/rule-types';

/** Test data for the segment editor. Each factory returns a valid object; pass what the test cares about. */

export function aPreview(overrides: Partial<SegmentPreview> = {}): SegmentPreview {
  return {
    count: 42,
    sample: [
      {
        id: 'c-1',
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        country: 'US',
        rfmTier: 'Champions',
        totalSpent: 812.5,
      },
    ],
    asOf: '2026-11-28T10:00:00Z',
    tookMs: 37,
    ...overrides,
  };
}

/** A segment as `GET /api/segments/{id}` returns it. */
export function aSegmentDetail(overrides: Record<string, unknown> = {}) {
  return {
    id: 'seg-1',
    name: 'Big spenders',
    description: 'Spent over 500',
    status: 'ready',
    memberCount: 12,
    refreshedAt: '2026-11-28T09:00:00Z',
    refreshError: null,
    timeRelative: false,
    playbookKey: null,
    sizeTrend: [],
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-28T09:00:00Z',
    rules: {
      version: 1,
      root: { type: 'group', operator: 'and', children: [{ type: 'field', field: 'traits.totalSpent', operator: 'gt', value: 500 }] },
    },
    references: [],
    usedBy: [],
    fullRefreshedAt: '2026-11-28T09:00:00Z',
    createdBy: 'owner@example.com',
    ...overrides,
  };
}
