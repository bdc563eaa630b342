import { RFM_TIERS } from '../customers.types';
import {
  addEvents,
  ascendingScore,
  averageOrderValue,
  churnRisk,
  clv,
  DAY_MS,
  deriveTraits,
  engagementScore,
  expectedGapDays,
  fallbackTier,
  isNightBuyer,
  preferredCategory,
  preferredHour,
  recencyScore,
  RFM_TIER_GRID,
  rfmTier,
  TraitSums,
} from './formulas';

const hours = (counts: Record<number, number>) => Array.from({ length: 24 }, (_, h) => counts[h] ?? 0);
const asOf = new Date('2025-06-01T12:00:00Z');
const daysBefore = (days: number) => new Date(asOf.getTime() - days * DAY_MS);

describe('order aggregates', () => {
  it('averages to cents and is null without orders', () => {
    expect(averageOrderValue(100, 3)).toBe(33.33); // 33.333…
    expect(averageOrderValue(200, 3)).toBe(66.67); // 66.666…
    expect(averageOrderValue(585.05, 2)).toBe(292.53); // 292.525: half up, although the double is 292.52499…
    expect(averageOrderValue(0, 0)).toBeNull();
  });

  it('prefers the category with the most spend, alphabetically on a tie', () => {
    expect(preferredCategory({ Toys: 45, Books: 30, Apparel: 45 })).toBe('Apparel');
    expect(preferredCategory({ Toys: 45.01, Apparel: 45 })).toBe('Toys');
    expect(preferredCategory({})).toBeNull();
  });

  it('prefers the hour with the most orders, the earliest on a tie', () => {
    expect(preferredHour(hours({ 21: 2, 9: 1 }))).toBe(21);
    expect(preferredHour(hours({ 21: 2, 9: 2, 23: 2 }))).toBe(9);
    expect(preferredHour(hours({ 0: 1 }))).toBe(0);
    expect(preferredHour(hours({}))).toBeNull();
  });

  it('calls a night buyer whoever places at least half of two or more orders between 22:00 and 05:59', () => {
    expect(isNightBuyer(hours({ 23: 1, 1: 1, 12: 1 }), 3)).toBe(true); // 2 of 3
    expect(isNightBuyer(hours({ 22: 1, 5: 1, 12: 1, 13: 1 }), 4)).toBe(true); // 2 of 4: exactly half
    expect(isNightBuyer(hours({ 6: 1, 21: 1, 3: 1 }), 3)).toBe(false); // 06:00 and 21:00 are day: 1 of 3
    expect(isNightBuyer(hours({ 23: 1 }), 1)).toBe(false); // one order is not a habit
  });
});

describe('RFM', () => {
  const cuts = [10, 30, 60, 120];

  it('scores frequency and monetary by cut points exceeded, a value on a cut point scoring lower', () => {
    expect([1, 2, 3, 4, 5, 6].map((v) => ascendingScore(v, [1, 2, 3, 5]))).toEqual([1, 2, 3, 4, 4, 5]);
    expect(ascendingScore(0, [0, 0, 1, 2])).toBe(1);
  });

  it('scores recency by cut points the days stay below: fewer days, higher score', () => {
    expect([1, 10, 15, 45, 60, 90, 200].map((d) => recencyScore(d, cuts))).toEqual([5, 4, 4, 3, 2, 2, 1]);
  });

  it('maps R and ⌊(F+M)/2⌋ to the tiers of the classic grid, every tier reachable', () => {
    expect(rfmTier(5, 5, 4)).toBe('Champions'); // FM ⌊9/2⌋ = 4
    expect(rfmTier(5, 1, 2)).toBe('New'); // FM ⌊3/2⌋ = 1
    expect(rfmTier(4, 1, 1)).toBe('Promising');
    expect(rfmTier(4, 3, 2)).toBe('Potential loyalist'); // FM 2
    expect(rfmTier(3, 4, 5)).toBe('Loyal'); // FM 4
    expect(rfmTier(3, 1, 2)).toBe('Need attention');
    expect(rfmTier(2, 3, 4)).toBe('At risk'); // FM 3
    expect(rfmTier(1, 5, 5)).toBe("Can't lose");
    expect(rfmTier(2, 2, 1)).toBe('Hibernating');
    expect(rfmTier(1, 1, 3)).toBe('Lost'); // FM 2
    expect(new Set(RFM_TIER_GRID.flat())).toEqual(new Set(RFM_TIERS));
  });

  it('falls back to New / Potential loyalist before the workspace has boundaries', () => {
    expect(fallbackTier(1)).toBe('New');
    expect(fallbackTier(4)).toBe('Potential loyalist');
  });
});

describe('churn risk and CLV', () => {
  it('expects the own average gap (floored at 30 days), 90 days after a single order', () => {
    expect(expectedGapDays(3, 60)).toBe(30); // 60 / 2
    expect(expectedGapDays(5, 200)).toBe(50); // 200 / 4
    expect(expectedGapDays(2, 20)).toBe(30); // 20, floored
    expect(expectedGapDays(1, 0)).toBe(90);
  });

  it('grades how many expected gaps have passed: ≤ 1.5 low, ≤ 3 medium, more high', () => {
    expect(churnRisk(45, 30)).toBe('low'); // 1.5
    expect(churnRisk(46, 30)).toBe('medium');
    expect(churnRisk(270, 90)).toBe('medium'); // 3
    expect(churnRisk(271, 90)).toBe('high');
  });

  it('adds the expected future orders over three years, weighted by retention', () => {
    expect(clv(180, 100, 'low')).toBe(720); // 180 × (1 + 365/365 × 3 × 1)
    expect(clv(80, 150, 'medium')).toBe(200); // 80 × (1 + 1 × 3 × 0.5)
    expect(clv(150, 400, 'high')).toBe(191.06); // 150 × (1 + 365/400 × 3 × 0.1) = 150 × 1.27375 = 191.0625
  });
});

describe('engagement', () => {
  it('decays points exactly whatever order the events arrive in', () => {
    const events = [
      { type: 'email_clicked', occurredAt: daysBefore(30) },
      { type: 'page_view', occurredAt: daysBefore(60) },
      { type: 'product_view', occurredAt: asOf },
    ];
    // As of the latest event: 4 × 0.5^(30/30) + 1 × 0.5^(60/30) + 1.5 = 2 + 0.25 + 1.5 = 3.75
    const inOrder = addEvents({ points: 0, at: null }, events);
    const reversed = addEvents({ points: 0, at: null }, [...events].reverse());
    expect(inOrder.at).toEqual(asOf);
    expect(inOrder.points).toBeCloseTo(3.75, 12);
    expect(reversed.points).toBeCloseTo(3.75, 12);
  });

  it('saturates: 100 × (1 − e^(−points/20)) of the points decayed to the scoring time', () => {
    const state = { points: 3.75, at: asOf };
    expect(engagementScore(state, asOf)).toBe(17); // 100 × (1 − e^−0.1875) = 17.10
    expect(engagementScore(state, new Date(asOf.getTime() + 30 * DAY_MS))).toBe(9); // 1.875 → 100 × (1 − e^−0.09375) = 8.95
    expect(engagementScore(state, daysBefore(10))).toBe(17); // an event dated later than the scoring time is not grown
    expect(engagementScore({ points: 1000, at: asOf }, asOf)).toBe(100);
    expect(engagementScore({ points: 0, at: null }, asOf)).toBe(0);
  });
});

describe('deriveTraits', () => {
  const sums = (overrides: Partial<TraitSums>): TraitSums => ({
    totalSpent: 0,
    orderCount: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    categorySpend: {},
    hourCounts: hours({}),
    engagementPoints: 0,
    engagementAt: null,
    ...overrides,
  });

  it('leaves RFM, churn and CLV empty for a customer with events only', () => {
    expect(deriveTraits(sums({ engagementPoints: 3.75, engagementAt: asOf }), null, asOf)).toEqual({
      avgOrderValue: null,
      preferredCategory: null,
      preferredHour: null,
      nightBuyer: false,
      recencyScore: null,
      frequencyScore: null,
      monetaryScore: null,
      rfmTier: null,
      churnRisk: null,
      clv: null,
      engagementScore: 17,
    });
  });

  it('scores against the cut points, or falls back without them', () => {
    const customer = sums({
      totalSpent: 180,
      orderCount: 3,
      firstOrderAt: daysBefore(100),
      lastOrderAt: daysBefore(40),
      categorySpend: { Books: 100, Toys: 80 },
      hourCounts: hours({ 9: 2, 23: 1 }),
    });
    const cuts = { recencyDays: [10, 30, 60, 120], frequency: [1, 2, 3, 5], monetary: [50, 100, 200, 500] };
    // R: 40 days < 60, 120 → 3; F: 3 > 1, 2 → 3; M: 180 > 50, 100 → 3; FM 3 → Need attention.
    // Churn: gap 60/2 = 30, 40/30 = 1.33 → low; CLV 180 × (1 + 1 × 3 × 1) = 720.
    expect(deriveTraits(customer, cuts, asOf)).toEqual({
      avgOrderValue: 60,
      preferredCategory: 'Books',
      preferredHour: 9,
      nightBuyer: false,
      recencyScore: 3,
      frequencyScore: 3,
      monetaryScore: 3,
      rfmTier: 'Need attention',
      churnRisk: 'low',
      clv: 720,
      engagementScore: 0,
    });
    expect(deriveTraits(customer, null, asOf)).toMatchObject({ recencyScore: null, rfmTier: 'Potential loyalist', clv: 720 });
  });
});
