import { RFM_TIERS } from '../../customers/customers.types';
import type { RfmTier } from '../../customers/customers.types';
import type { RuleNode, SegmentRules } from '../rules/segment-rules.types';

export type PlaybookCategory = 'rfm' | 'behaviour' | 'value' | 'lifecycle';
export type PlaybookChannel = 'email' | 'sms' | 'push';

/** A ready-made segment: its rules and what marketers usually do with its members. */
export interface SegmentPlaybook {
  key: string;
  category: PlaybookCategory;
  name: string;
  description: string;
  goal: string;
  recommendedOffer: string;
  recommendedChannels: PlaybookChannel[];
  rules: SegmentRules;
}

type Advice = Omit<SegmentPlaybook, 'key' | 'category' | 'name' | 'rules'>;

const and = (...children: RuleNode[]): SegmentRules => ({ version: 1, root: { type: 'group', operator: 'and', children } });

/** The classic RFM map (see the traits service for how tiers are scored), one playbook per tier. */
const RFM_ADVICE: Record<RfmTier, Advice> = {
  Champions: {
    description: 'Bought recently, buy often and spend the most.',
    goal: 'Keep them delighted and turn them into advocates',
    recommendedOffer: 'Early access to new products and a referral reward — no discount needed',
    recommendedChannels: ['email', 'push'],
  },
  Loyal: {
    description: 'Buy regularly and respond to promotions.',
    goal: 'Raise their basket and keep the habit',
    recommendedOffer: 'Loyalty points boost and personalised cross-sell of their favourite category',
    recommendedChannels: ['email'],
  },
  'Potential loyalist': {
    description: 'Recent customers who bought more than once and spent a good amount.',
    goal: 'Make them regulars',
    recommendedOffer: 'Membership or loyalty programme invitation with a welcome bonus',
    recommendedChannels: ['email', 'push'],
  },
  New: {
    description: 'Bought for the first time very recently.',
    goal: 'Get the second order',
    recommendedOffer: 'Onboarding series with a second-order incentive (e.g. free shipping)',
    recommendedChannels: ['email'],
  },
  Promising: {
    description: 'Recent buyers who have not spent much yet.',
    goal: 'Build the relationship and brand awareness',
    recommendedOffer: 'Best-seller recommendations and a small time-limited discount',
    recommendedChannels: ['email', 'push'],
  },
  'Need attention': {
    description: 'Above-average recency, frequency and spend, but slipping.',
    goal: 'Re-engage before they drift away',
    recommendedOffer: 'Limited-time offer based on their past purchases',
    recommendedChannels: ['email', 'sms'],
  },
  'At risk': {
    description: 'Spent big and bought often, but a long time ago.',
    goal: 'Win them back before they are lost',
    recommendedOffer: 'Personal “we miss you” message with a meaningful discount and what is new',
    recommendedChannels: ['email', 'sms'],
  },
  "Can't lose": {
    description: 'Used to be among the best customers and have not come back for a long time.',
    goal: 'Recover high-value customers at almost any cost',
    recommendedOffer: 'Strong win-back offer, a survey on what went wrong, a personal call for the very best',
    recommendedChannels: ['email', 'sms'],
  },
  Hibernating: {
    description: 'Last bought long ago, rarely, with low spend.',
    goal: 'Reactivate cheaply or let go',
    recommendedOffer: 'Seasonal sale or a broad discount on popular items',
    recommendedChannels: ['email'],
  },
  Lost: {
    description: 'Lowest recency, frequency and spend.',
    goal: 'One last attempt, then stop spending on them',
    recommendedOffer: 'Last-chance reactivation offer; suppress from regular sends if ignored',
    recommendedChannels: ['email'],
  },
};

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const RFM_PLAYBOOKS: SegmentPlaybook[] = RFM_TIERS.map((tier) => ({
  key: `rfm-${slug(tier)}`,
  category: 'rfm',
  name: tier,
  ...RFM_ADVICE[tier],
  rules: and({ type: 'field', field: 'traits.rfmTier', operator: 'eq', value: tier }),
}));

const OTHER_PLAYBOOKS: SegmentPlaybook[] = [
  {
    key: 'night-owls',
    category: 'behaviour',
    name: 'Night owls',
    description: 'Customers whose preferred purchase hour is at night (in their time zone).',
    goal: 'Reach them when they shop',
    recommendedOffer: 'Late-night flash sale sent in the evening of their time zone',
    recommendedChannels: ['push', 'email'],
    rules: and({ type: 'field', field: 'traits.nightBuyer', operator: 'isTrue' }),
  },
  {
    key: 'valuable-at-risk',
    category: 'value',
    name: 'High churn risk, high CLV',
    description: 'Customers likely to churn whose estimated lifetime value is high.',
    goal: 'Save the most valuable relationships first',
    recommendedOffer: 'VIP retention offer: a personal discount and free express shipping',
    recommendedChannels: ['email', 'sms'],
    rules: and(
      { type: 'field', field: 'traits.churnRisk', operator: 'eq', value: 'high' },
      { type: 'field', field: 'traits.clv', operator: 'gte', value: 500 },
    ),
  },
  {
    key: 'big-spenders-quarter',
    category: 'value',
    name: 'Big spenders this quarter',
    description: 'Spent 500 or more over the last 90 days.',
    goal: 'Reward and upsell the best current customers',
    recommendedOffer: 'Thank-you gift with the next order and premium product recommendations',
    recommendedChannels: ['email'],
    rules: and({ type: 'orders', measure: 'sum', operator: 'gte', value: 500, window: { kind: 'lastDays', days: 90 } }),
  },
  {
    key: 'engaged-never-bought',
    category: 'lifecycle',
    name: 'Engaged but never bought',
    description: 'Opened an email or browsed at least three times in the last 30 days, without ever ordering.',
    goal: 'Convert interest into a first order',
    recommendedOffer: 'First-order discount on the products they looked at',
    recommendedChannels: ['email', 'push'],
    rules: and(
      { type: 'field', field: 'traits.orderCount', operator: 'eq', value: 0 },
      {
        type: 'group',
        operator: 'or',
        children: [
          { type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } },
          { type: 'event', event: 'page_view', did: true, frequency: { operator: 'atLeast', times: 3 }, window: { kind: 'lastDays', days: 30 } },
          { type: 'event', event: 'product_view', did: true, frequency: { operator: 'atLeast', times: 3 }, window: { kind: 'lastDays', days: 30 } },
        ],
      },
    ),
  },
  {
    key: 'cart-abandoners',
    category: 'behaviour',
    name: 'Cart abandoners',
    description: 'Added to cart in the last 7 days without ordering since.',
    goal: 'Recover the abandoned carts',
    recommendedOffer: 'Cart reminder, then a small incentive if still not bought',
    recommendedChannels: ['email', 'push'],
    rules: and(
      { type: 'event', event: 'add_to_cart', did: true, window: { kind: 'lastDays', days: 7 } },
      { type: 'orders', measure: 'count', operator: 'eq', value: 0, window: { kind: 'lastDays', days: 7 } },
    ),
  },
  {
    key: 'win-back-lapsed',
    category: 'lifecycle',
    name: 'Win back lapsed buyers',
    description: 'Ordered at least twice but not in the last 120 days, and still subscribed to email.',
    goal: 'Bring repeat buyers back',
    recommendedOffer: '“We miss you” discount with what is new since their last order',
    recommendedChannels: ['email'],
    rules: and(
      { type: 'field', field: 'traits.orderCount', operator: 'gte', value: 2 },
      { type: 'field', field: 'traits.lastOrderAt', operator: 'moreThanDaysAgo', value: 120 },
      { type: 'field', field: 'consent.email', operator: 'eq', value: 'subscribed' },
    ),
  },
];

/** Every playbook, RFM tiers first (best to worst). */
export const SEGMENT_PLAYBOOKS: readonly SegmentPlaybook[] = [...RFM_PLAYBOOKS, ...OTHER_PLAYBOOKS];

/** The playbooks created (and refreshed) in a workspace when the demo data is loaded. */
export const DEMO_PLAYBOOK_KEYS: readonly string[] = [...RFM_PLAYBOOKS.map((p) => p.key), 'night-owls', 'big-spenders-quarter', 'win-back-lapsed'];

export const findPlaybook = (key: string): SegmentPlaybook | undefined => SEGMENT_PLAYBOOKS.find((p) => p.key === key);
