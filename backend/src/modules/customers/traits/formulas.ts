import type { ChurnRisk, RfmTier } from '../customers.types';

/**
 * Every computed-trait formula, as plain functions over a customer's running sums. This file is the
 * definition: the set-based SQL in `traits.repository.ts` computes the same thing for thousands of
 * customers per statement, uses the constants below, and is checked against these functions by
 * `traits-formulas.int-spec.ts`. Durations are in days (fractional); amounts in the order currency.
 */

export const DAY_MS = 86_400_000;

/** The running sums kept per customer (columns of `customer_traits`), from which every trait derives. */
export interface TraitSums {
  totalSpent: number;
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** Amount per category: Σ line quantity × unit price. */
  categorySpend: Record<string, number>;
  /** 24 counters: orders per hour of day in the customer's time zone. */
  hourCounts: number[];
  /** Decayed event points as of `engagementAt` (see {@link addEvents}). */
  engagementPoints: number;
  engagementAt: Date | null;
}

/** Quintile cut points of a workspace (its `customer_rfm_boundaries` row): four ascending values each. */
export interface RfmCuts {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

// ── Order aggregates ────────────────────────────────────────────────────────────────────────────

/** Average order value: total spent / order count, rounded to cents; null without orders. */
export function averageOrderValue(totalSpent: number, orderCount: number): number | null {
  return orderCount > 0 ? roundCents(totalSpent / orderCount) : null;
}

/** Preferred category: the one with the most spend; ties go to the alphabetically first (code-point order). */
export function preferredCategory(categorySpend: Record<string, number>): string | null {
  const entries = Object.entries(categorySpend);
  entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return entries[0]?.[0] ?? null;
}

/** Preferred purchase hour (0–23, local): the hour with the most orders; ties go to the earliest hour. */
export function preferredHour(hourCounts: number[]): number | null {
  let best: number | null = null;
  hourCounts.forEach((n, hour) => {
    if (n > 0 && (best === null || n > hourCounts[best])) best = hour;
  });
  return best;
}

/** Local hours that count as night: 22:00 to 05:59. */
export const NIGHT_HOURS = [22, 23, 0, 1, 2, 3, 4, 5];
export const NIGHT_BUYER_MIN_ORDERS = 2;

/** Night buyer: at least two orders, and at least half of them placed at night ({@link NIGHT_HOURS}, local time). */
export function isNightBuyer(hourCounts: number[], orderCount: number): boolean {
  const night = NIGHT_HOURS.reduce((sum, hour) => sum + hourCounts[hour], 0);
  return orderCount >= NIGHT_BUYER_MIN_ORDERS && 2 * night >= orderCount;
}

// ── RFM ─────────────────────────────────────────────────────────────────────────────────────────

/** The percentiles whose values are a workspace's quintile cut points (`percentile_cont`, linear interpolation). */
export const RFM_QUANTILES = [0.2, 0.4, 0.6, 0.8];

/**
 * Frequency and monetary scores, 1–5: one plus the number of cut points the value is strictly above.
 * The top fifth scores 5; a value exactly on a cut point takes the lower score.
 */
export function ascendingScore(value: number, cuts: number[]): number {
  return 1 + cuts.filter((cut) => value > cut).length;
}

/**
 * Recency score, 1–5, from the days since the last order (fewer is better): one plus the number of cut
 * points the days are strictly below. The most recent fifth scores 5; a value on a cut point scores lower.
 */
export function recencyScore(days: number, cuts: number[]): number {
  return 1 + cuts.filter((cut) => days < cut).length;
}

/**
 * The classic RFM segment map: rows are the recency score R (1–5), columns the combined score
 * FM = ⌊(F + M) / 2⌋ (1–5). "About to sleep" of the classic map is folded into Need attention, and the
 * bottom corner (R 1, FM 1–2) is Lost, below Hibernating.
 */
export const RFM_TIER_GRID: readonly (readonly RfmTier[])[] = [
  /* R=1 */ ['Lost', 'Lost', 'At risk', 'At risk', "Can't lose"],
  /* R=2 */ ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  /* R=3 */ ['Need attention', 'Need attention', 'Need attention', 'Loyal', 'Loyal'],
  /* R=4 */ ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
  /* R=5 */ ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
];

/** RFM tier from the scores, through {@link RFM_TIER_GRID}. */
export function rfmTier(r: number, f: number, m: number): RfmTier {
  return RFM_TIER_GRID[r - 1][Math.floor((f + m) / 2) - 1];
}

/**
 * Tier of a customer with orders before the workspace has quintile boundaries (nobody can be ranked yet;
 * scores stay null until the first RFM run): first-time buyers are New, repeat buyers Potential loyalists.
 */
export const FALLBACK_TIERS = { oneOrder: 'New', repeat: 'Potential loyalist' } as const satisfies Record<string, RfmTier>;

export function fallbackTier(orderCount: number): RfmTier {
  return orderCount === 1 ? FALLBACK_TIERS.oneOrder : FALLBACK_TIERS.repeat;
}

// ── Churn risk and CLV ──────────────────────────────────────────────────────────────────────────

/** Expected gap of a one-order customer (no gap observed yet): a common repurchase cycle. */
export const ONE_ORDER_GAP_DAYS = 90;
/** Floor of the expected gap, so that bursts of orders a few days apart do not make a month off look like churn. */
export const MIN_GAP_DAYS = 30;
/** Days since the last order, in expected gaps, up to which the risk is low; then medium up to the second value. */
export const CHURN_RATIOS = { low: 1.5, medium: 3 } as const;

/**
 * Expected days between orders: the customer's own average gap, (last − first order) / (orders − 1),
 * at least {@link MIN_GAP_DAYS}; {@link ONE_ORDER_GAP_DAYS} for a one-order customer.
 */
export function expectedGapDays(orderCount: number, firstToLastDays: number): number {
  return orderCount >= 2 ? Math.max(firstToLastDays / (orderCount - 1), MIN_GAP_DAYS) : ONE_ORDER_GAP_DAYS;
}

/**
 * Churn risk from how overdue the next order is: ratio = days since the last order / expected gap;
 * low up to 1.5 gaps, medium up to 3, high beyond.
 */
export function churnRisk(daysSinceLastOrder: number, expectedGap: number): ChurnRisk {
  const ratio = daysSinceLastOrder / expectedGap;
  return ratio <= CHURN_RATIOS.low ? 'low' : ratio <= CHURN_RATIOS.medium ? 'medium' : 'high';
}

/** Years of future value counted by the CLV estimate. */
export const CLV_HORIZON_YEARS = 3;
/** Share of the horizon a customer is expected to stay, by churn risk. */
export const CLV_RETENTION: Record<ChurnRisk, number> = { low: 1, medium: 0.5, high: 0.1 };

/**
 * CLV estimate = historical spend + AOV × expected orders per year × expected remaining years, where
 * orders per year = orders × 365 / max(tenure, 365) (tenure = days since the first order; a young
 * customer's rate is not extrapolated from a few weeks) and remaining years = {@link CLV_HORIZON_YEARS}
 * × {@link CLV_RETENTION}[churn risk]. Equivalently spend × (1 + 365 / max(tenure, 365) × 3 × retention),
 * which is how it is computed (no rounded AOV in between). Rounded to cents.
 */
export function clv(totalSpent: number, tenureDays: number, churn: ChurnRisk): number {
  return roundCents(totalSpent * (1 + (365 / Math.max(tenureDays, 365)) * CLV_HORIZON_YEARS * CLV_RETENTION[churn]));
}

// ── Engagement ──────────────────────────────────────────────────────────────────────────────────

/** Half-life of an event's points: a click is worth half as much 30 days later. */
export const ENGAGEMENT_HALF_LIFE_DAYS = 30;
/** Points per event type, by how much intent it shows; other types count {@link DEFAULT_EVENT_WEIGHT}. */
export const ENGAGEMENT_WEIGHTS: Readonly<Record<string, number>> = {
  add_to_cart: 5,
  email_clicked: 4,
  email_opened: 2,
  product_view: 1.5,
  app_open: 1,
  page_view: 1,
};
export const DEFAULT_EVENT_WEIGHT = 0.5;
/** Decayed points at which the score reaches 63 (1 − 1/e); see {@link engagementScore}. */
export const ENGAGEMENT_SCALE = 20;

export const eventWeight = (type: string): number => ENGAGEMENT_WEIGHTS[type] ?? DEFAULT_EVENT_WEIGHT;

/** Factor by which points shrink over `days`: 0.5^(days / half-life). */
export const decayFactor = (days: number): number => 0.5 ** (days / ENGAGEMENT_HALF_LIFE_DAYS);

export interface Engagement {
  points: number;
  at: Date | null;
}

/**
 * Folds events into the decayed points, exactly and in any order: the state is expressed as of the
 * latest event seen (`at`), each event contributing weight × 0.5^((at − occurred) / half-life). An
 * older event arriving late is decayed to `at`; a newer one moves `at` and decays the old points.
 */
export function addEvents(state: Engagement, events: { type: string; occurredAt: Date }[]): Engagement {
  return events.reduce<Engagement>((acc, event) => {
    const t = event.occurredAt.getTime();
    if (!acc.at) return { points: eventWeight(event.type), at: event.occurredAt };
    const at = Math.max(acc.at.getTime(), t);
    return {
      points: acc.points * decayFactor((at - acc.at.getTime()) / DAY_MS) + eventWeight(event.type) * decayFactor((at - t) / DAY_MS),
      at: new Date(at),
    };
  }, state);
}

/**
 * Engagement score 0–100 at `asOf`: the points decayed to `asOf` (never grown, for events dated in the
 * future), through the saturating curve 100 × (1 − e^(−points / {@link ENGAGEMENT_SCALE})), rounded.
 * One email click a week keeps a customer around 70; three silent months divide the points by 8.
 */
export function engagementScore(state: Engagement, asOf: Date): number {
  if (!state.at) return 0;
  const points = state.points * decayFactor(Math.max(asOf.getTime() - state.at.getTime(), 0) / DAY_MS);
  return Math.round(100 * (1 - Math.exp(-points / ENGAGEMENT_SCALE)));
}

// ── Everything at once ──────────────────────────────────────────────────────────────────────────

export interface DerivedTraits {
  avgOrderValue: number | null;
  preferredCategory: string | null;
  preferredHour: number | null;
  nightBuyer: boolean;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  rfmTier: RfmTier | null;
  churnRisk: ChurnRisk | null;
  clv: number | null;
  engagementScore: number;
}

/** Every derived trait of one customer at `asOf`, scored against `cuts` (null: the workspace has none yet). */
export function deriveTraits(sums: TraitSums, cuts: RfmCuts | null, asOf: Date): DerivedTraits {
  const base = {
    avgOrderValue: averageOrderValue(sums.totalSpent, sums.orderCount),
    preferredCategory: preferredCategory(sums.categorySpend),
    preferredHour: preferredHour(sums.hourCounts),
    nightBuyer: isNightBuyer(sums.hourCounts, sums.orderCount),
    engagementScore: engagementScore({ points: sums.engagementPoints, at: sums.engagementAt }, asOf),
  };
  if (sums.orderCount === 0 || !sums.firstOrderAt || !sums.lastOrderAt) {
    return { ...base, recencyScore: null, frequencyScore: null, monetaryScore: null, rfmTier: null, churnRisk: null, clv: null };
  }
  const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
  const recencyDays = days(sums.lastOrderAt, asOf);
  const churn = churnRisk(recencyDays, expectedGapDays(sums.orderCount, days(sums.firstOrderAt, sums.lastOrderAt)));
  const scores = cuts
    ? {
        recencyScore: recencyScore(recencyDays, cuts.recencyDays),
        frequencyScore: ascendingScore(sums.orderCount, cuts.frequency),
        monetaryScore: ascendingScore(sums.totalSpent, cuts.monetary),
      }
    : null;
  return {
    ...base,
    recencyScore: scores?.recencyScore ?? null,
    frequencyScore: scores?.frequencyScore ?? null,
    monetaryScore: scores?.monetaryScore ?? null,
    rfmTier: scores ? rfmTier(scores.recencyScore, scores.frequencyScore, scores.monetaryScore) : fallbackTier(sums.orderCount),
    churnRisk: churn,
    clv: clv(sums.totalSpent, days(sums.firstOrderAt, asOf), churn),
  };
}

/**
 * Rounds half up to cents, at 15 significant digits as PostgreSQL converts a double to numeric
 * (so 292.525, stored as 292.52499999…, rounds to 292.53 as it does in SQL).
 */
function roundCents(value: number): number {
  return Math.round(Number((value * 100).toPrecision(15))) / 100;
}
