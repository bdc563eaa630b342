/**
 * The in-memory data set the segment oracle evaluates rule trees over: one workspace's customers with
 * their traits row, orders (with line items) and events, shaped like the customers tables but as plain
 * values. Money is in cents so sums are exact.
 */
export interface OracleDataSet {
  customers: OracleCustomer[];
}

export interface OracleCustomer {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  country: string | null;
  city: string | null;
  /** Whatever JSON the `attributes` column holds, malformed values included. */
  attributes: Record<string, unknown>;
  /** The `consent` column: per channel an object with a `status` (or a channel missing). */
  consent: Record<string, { status: string; source: string; updatedAt: string }>;
  tags: string[];
  createdAt: Date;
  erasedAt: Date | null;
  /** Null when the customer has no `customer_traits` row. */
  traits: OracleTraits | null;
  orders: OracleOrder[];
  events: OracleEvent[];
}

export interface OracleTraits {
  totalSpentCents: number;
  orderCount: number;
  avgOrderValueCents: number | null;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  rfmTier: string | null;
  clvCents: number | null;
  churnRisk: 'low' | 'medium' | 'high' | null;
  preferredCategory: string | null;
  preferredHour: number | null;
  nightBuyer: boolean;
  engagementScore: number;
  eventCount: number;
  lastEventAt: Date | null;
}

export interface OracleOrder {
  id: string;
  amountCents: number;
  placedAt: Date;
  items: OracleOrderItem[];
}

export interface OracleOrderItem {
  product: string;
  category: string;
  quantity: number;
  unitPriceCents: number;
}

export interface OracleEvent {
  type: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
}

/** A customer with nothing set (no traits row, orders or events), overridden by `values`; for hand-made data sets. */
export function oracleCustomer(id: string, values: Partial<OracleCustomer> = {}): OracleCustomer {
  return {
    id,
    externalId: null,
    email: null,
    phone: null,
    firstName: null,
    lastName: null,
    timezone: null,
    locale: null,
    country: null,
    city: null,
    attributes: {},
    consent: {},
    tags: [],
    createdAt: new Date('2025-01-01T00:00:00.000Z'),
    erasedAt: null,
    traits: null,
    orders: [],
    events: [],
    ...values,
  };
}
