import type {
  ChurnRisk,
  ConsentStatus,
  CustomerTraits,
  RfmTier,
} from './customer-api';
import { formatAmount, formatDay, formatHour } from './format';

/** RFM tiers from best to worst (the API's order). */
export const RFM_TIERS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
] as const satisfies readonly RfmTier[];

export const CHURN_RISKS = [
  'low',
  'medium',
  'high',
] as const satisfies readonly ChurnRisk[];

export const CONSENT_STATUSES = [
  'subscribed',
  'pending',
  'unsubscribed',
] as const satisfies readonly ConsentStatus[];

export const CONSENT_CHANNELS = ['email', 'sms', 'push'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ConsentChannel, string> = {
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

/** What each tier means, in a line (the classic RFM segment map the API scores with). */
export const RFM_TIER_MEANING: Record<RfmTier, string> = {
  Champions: 'Bought recently, buy often and spend the most.',
  Loyal: 'Buy regularly and spend well.',
  'Potential loyalist': 'Recent customers with average frequency and spend.',
  New: 'Bought for the first time very recently.',
  Promising: 'Recent buyers who have not spent much yet.',
  'Need attention': 'Average recency, frequency and spend; slipping.',
  'At risk': 'Bought often and spent well, but a long time ago.',
  "Can't lose": 'Were among the best; have not returned for a long time.',
  Hibernating: 'Low spend and frequency, last order long ago.',
  Lost: 'Lowest recency, frequency and spend.',
};

/** Badge colour group of a tier: good news, worth watching, or slipping away. */
export type Tone = 'good' | 'neutral' | 'warn' | 'bad';

export function tierTone(tier: RfmTier | null): Tone {
  switch (tier) {
    case 'Champions':
    case 'Loyal':
    case 'Potential loyalist':
      return 'good';
    case 'New':
    case 'Promising':
    case 'Need attention':
      return 'neutral';
    case 'At risk':
    case "Can't lose":
      return 'warn';
    case 'Hibernating':
    case 'Lost':
      return 'bad';
    default:
      return 'neutral';
  }
}

export function churnTone(risk: ChurnRisk | null): Tone {
  return risk === 'high' ? 'bad' : risk === 'medium' ? 'warn' : 'good';
}

/** Short explanations of the computed traits, as the API computes them (traits/formulas.ts). */
export const TRAIT_HELP = {
  totalSpent: 'Sum of all order amounts.',
  orderCount: 'Orders placed, online and offline.',
  avgOrderValue: 'Average order value: total spent ÷ orders.',
  firstOrderAt: 'When the first order was placed.',
  lastOrderAt: 'When the latest order was placed.',
  rfmTier:
    'From recency, frequency and monetary quintiles in this workspace (the classic RFM map).',
  rfmScores:
    '1–5 each: the fifth of this workspace’s buyers the customer falls in for recency (R), order count (F) and spend (M); 5 is best.',
  clv: 'Lifetime value estimate: spend so far plus expected spend over the next 3 years at the current order rate, discounted by churn risk.',
  churnRisk:
    'How overdue the next order is against this customer’s usual gap between orders: low up to 1.5 gaps, medium up to 3, high beyond.',
  preferredCategory: 'The product category with the most spend.',
  preferredHour:
    'Hour of day with the most orders, in the customer’s time zone.',
  nightBuyer:
    'At least two orders, and half or more of them placed between 22:00 and 05:59 local time.',
  engagementScore:
    '0–100 from recent events (email clicks, product views, carts…); an event’s weight halves every 30 days.',
} as const;

export interface TraitCard {
  key: keyof typeof TRAIT_HELP;
  label: string;
  value: string;
  help: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The trait cards of the 360 page, in reading order, each with its value and what it means. */
export function traitCards(traits: CustomerTraits): TraitCard[] {
  const card = (
    key: keyof typeof TRAIT_HELP,
    label: string,
    value: string,
  ): TraitCard => ({ key, label, value, help: TRAIT_HELP[key] });
  return [
    card('totalSpent', 'Total spent', formatAmount(traits.totalSpent)),
    card('orderCount', 'Orders', String(traits.orderCount)),
    card('avgOrderValue', 'Average order', formatAmount(traits.avgOrderValue)),
    card('clv', 'Lifetime value (CLV)', formatAmount(traits.clv)),
    card(
      'churnRisk',
      'Churn risk',
      traits.churnRisk ? capitalise(traits.churnRisk) : '—',
    ),
    card('engagementScore', 'Engagement', `${traits.engagementScore} / 100`),
    card('firstOrderAt', 'First order', formatDay(traits.firstOrderAt)),
    card('lastOrderAt', 'Last order', formatDay(traits.lastOrderAt)),
    card(
      'preferredCategory',
      'Preferred category',
      traits.preferredCategory ?? '—',
    ),
    card('preferredHour', 'Preferred hour', formatHour(traits.preferredHour)),
    card('nightBuyer', 'Night buyer', traits.nightBuyer ? 'Yes' : 'No'),
  ];
}
