/**
 * Kinds of customers of the demo store. Each has a share of the base and a buying history shape
 * (when it started, when it stopped, how often) chosen so that the RFM scoring spreads the base over
 * every tier the way a real store's does: a core of champions and loyal regulars, a stream of new
 * buyers, lapsing regulars at risk and a long tail of one-off buyers who never came back.
 */
export interface Archetype {
  name: string;
  /** Share of customers, in percent. */
  weight: number;
  /** Days ago of the first and of the last order (ranges); null for customers who never ordered. */
  firstOrder: [number, number] | null;
  lastOrder: [number, number] | null;
  orders: [number, number];
  /** Bigger baskets and pricier items above 1. */
  basket: number;
  /** Browsing sessions a month while active. */
  sessionsPerMonth: number;
  /** Share of newsletters opened while active. */
  openRate: number;
  /** Whether browsing and newsletter reading stop around the last order (lapsed customers). */
  lapsed: boolean;
  /** Chance of the premium plan and of loyalty programme membership. */
  premium: number;
  loyalty: number;
}

export const ARCHETYPES: Archetype[] = [
  { name: 'champion', weight: 6, firstOrder: [300, 720], lastOrder: [0, 12], orders: [16, 36], basket: 1.6, sessionsPerMonth: 0.6, openRate: 0.5, lapsed: false, premium: 0.45, loyalty: 0.85 },
  { name: 'loyal', weight: 10, firstOrder: [200, 700], lastOrder: [4, 45], orders: [8, 16], basket: 1.25, sessionsPerMonth: 0.35, openRate: 0.38, lapsed: false, premium: 0.2, loyalty: 0.7 },
  { name: 'promising', weight: 10, firstOrder: [50, 220], lastOrder: [0, 30], orders: [2, 4], basket: 1, sessionsPerMonth: 0.4, openRate: 0.3, lapsed: false, premium: 0.08, loyalty: 0.3 },
  { name: 'newcomer', weight: 9, firstOrder: null, lastOrder: [0, 21], orders: [1, 1], basket: 0.7, sessionsPerMonth: 1, openRate: 0.42, lapsed: false, premium: 0.03, loyalty: 0.15 },
  { name: 'first-timer', weight: 6, firstOrder: null, lastOrder: [18, 60], orders: [1, 1], basket: 0.85, sessionsPerMonth: 0.5, openRate: 0.25, lapsed: false, premium: 0.03, loyalty: 0.15 },
  { name: 'cooling', weight: 10, firstOrder: [180, 600], lastOrder: [45, 110], orders: [3, 7], basket: 1, sessionsPerMonth: 0.2, openRate: 0.18, lapsed: true, premium: 0.08, loyalty: 0.35 },
  { name: 'slipping', weight: 11, firstOrder: [300, 720], lastOrder: [110, 260], orders: [5, 12], basket: 1.15, sessionsPerMonth: 0.2, openRate: 0.12, lapsed: true, premium: 0.12, loyalty: 0.45 },
  { name: 'big-spender-gone', weight: 4, firstOrder: [450, 725], lastOrder: [160, 330], orders: [14, 28], basket: 1.7, sessionsPerMonth: 0.3, openRate: 0.15, lapsed: true, premium: 0.4, loyalty: 0.8 },
  { name: 'dormant', weight: 13, firstOrder: [260, 620], lastOrder: [200, 420], orders: [1, 3], basket: 0.85, sessionsPerMonth: 0.12, openRate: 0.06, lapsed: true, premium: 0.04, loyalty: 0.15 },
  { name: 'one-off', weight: 15, firstOrder: null, lastOrder: [380, 728], orders: [1, 2], basket: 0.75, sessionsPerMonth: 0.08, openRate: 0.03, lapsed: true, premium: 0.02, loyalty: 0.08 },
  { name: 'browser', weight: 6, firstOrder: null, lastOrder: null, orders: [0, 0], basket: 1, sessionsPerMonth: 1, openRate: 0.22, lapsed: false, premium: 0.02, loyalty: 0.05 },
];
