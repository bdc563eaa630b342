import { Provider } from '@angular/core';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import type {
  Customer,
  CustomerDetail,
  CustomerExport,
  CustomerFacets,
  CustomerStats,
  CustomerTraits,
  TimelineEntry,
} from '../models/customer-api';
import { RFM_TIERS } from '../models/traits';

/** Test data for the customers feature. Each factory returns a valid object; pass what the test cares about. */

export function someTraits(overrides: Partial<CustomerTraits> = {}): CustomerTraits {
  return {
    totalSpent: 1250.5,
    orderCount: 5,
    avgOrderValue: 250.1,
    firstOrderAt: '2026-01-10T09:00:00Z',
    lastOrderAt: '2026-11-02T12:30:00Z',
    recencyScore: 5,
    frequencyScore: 4,
    monetaryScore: 5,
    rfmTier: 'Champions',
    churnRisk: 'low',
    clv: 4100.25,
    preferredCategory: 'Shoes',
    preferredHour: 22,
    nightBuyer: true,
    engagementScore: 71,
    eventCount: 12,
    lastEventAt: '2026-11-20T10:00:00Z',
    categorySpend: { Shoes: 900, Bags: 350.5 },
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'c-1',
    externalId: 'ext-1',
    email: 'anna@example.com',
    phone: '+4915112345678',
    firstName: 'Anna',
    lastName: 'Schmidt',
    timezone: 'Europe/Berlin',
    locale: 'de-DE',
    country: 'DE',
    city: 'Berlin',
    tags: ['vip', 'newsletter'],
    attributes: { plan: 'pro' },
    consent: {
      email: {
        status: 'subscribed',
        source: 'signup-form',
        updatedAt: '2026-02-01T12:00:00Z',
      },
    },
    erasedAt: null,
    createdAt: '2026-01-05T08:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    traits: {
      totalSpent: 1250.5,
      orderCount: 5,
      avgOrderValue: 250.1,
      firstOrderAt: '2026-01-10T09:00:00Z',
      lastOrderAt: '2026-11-02T12:30:00Z',
      rfmTier: 'Champions',
      churnRisk: 'low',
      clv: 4100.25,
      preferredCategory: 'Shoes',
      nightBuyer: true,
      engagementScore: 71,
    },
    ...overrides,
  };
}

export function aCustomerDetail(
  overrides: Partial<CustomerDetail> = {},
): CustomerDetail {
  return {
    ...aCustomer(),
    attributes: { plan: 'pro', interests: ['running', 'yoga'], beta: true },
    traits: someTraits(),
    ...overrides,
  };
}

export function someFacets(overrides: Partial<CustomerFacets> = {}): CustomerFacets {
  return {
    countries: [
      { value: 'DE', count: 7 },
      { value: 'FR', count: 3 },
    ],
    tags: [{ value: 'vip', count: 4 }],
    attributes: [{ key: 'plan', types: ['string'], count: 9 }],
    orderCategories: [{ value: 'Shoes', count: 20 }],
    rfmTiers: RFM_TIERS.map((value, i) => ({ value, count: i === 0 ? 2 : 1 })),
    churnRisks: [
      { value: 'low', count: 6 },
      { value: 'medium', count: 3 },
      { value: 'high', count: 1 },
    ],
    ...overrides,
  };
}

export function someStats(overrides: Partial<CustomerStats> = {}): CustomerStats {
  return {
    totalCustomers: 10,
    customersWithOrders: 8,
    erasedCustomers: 0,
    unscoredCustomers: 2,
    months: [
      { month: '2026-09', revenue: 100, orders: 2 },
      { month: '2026-10', revenue: 250.5, orders: 3 },
      { month: '2026-11', revenue: 0, orders: 0 },
    ],
    rfmTiers: [
      { value: 'Champions', count: 3 },
      { value: 'Lost', count: 5 },
    ],
    ...overrides,
  };
}

export function anOrderEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    kind: 'order',
    at: '2026-11-02T22:30:00Z',
    event: null,
    order: {
      id: 'o-1',
      externalId: 'ORD-1001',
      amount: 120,
      currency: 'EUR',
      channel: 'online',
      placedAt: '2026-11-02T22:30:00Z',
      items: [
        { product: 'Trail runner', category: 'Shoes', quantity: 1, unitPrice: 100 },
        { product: 'Socks', category: 'Apparel', quantity: 2, unitPrice: 10 },
      ],
    },
    ...overrides,
  };
}

export function anEventEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    kind: 'event',
    at: '2026-11-20T10:00:00Z',
    order: null,
    event: {
      id: 'ev-1',
      type: 'email_clicked',
      occurredAt: '2026-11-20T10:00:00Z',
      properties: { campaign: 'autumn-sale' },
    },
    ...overrides,
  };
}

export function anExport(overrides: Partial<CustomerExport> = {}): CustomerExport {
  return {
    id: '0b7c1d2e-aaaa-bbbb-cccc-123456789abc',
    status: 'completed',
    rowCount: 42,
    filters: { rfmTier: ['Champions'], sort: '-totalSpent' },
    createdBy: 'me@example.com',
    createdAt: '2026-11-24T10:00:00Z',
    finishedAt: '2026-11-24T10:00:05Z',
    error: null,
    ...overrides,
  };
}

/** A chart instance that records what it was given (jsdom cannot draw with canvas). */
export interface FakeChart {
  options: unknown[];
}

/**
 * ngx-echarts with a fake `echarts.init`: pages render their charts without canvas, and specs can
 * read the options each chart received (`charts[i].options`).
 */
export function provideFakeEcharts(charts: FakeChart[] = []): Provider {
  const init = () => {
    const chart: FakeChart = { options: [] };
    charts.push(chart);
    return {
      setOption: (option: unknown) => chart.options.push(option),
      resize: () => undefined,
      on: () => undefined,
      off: () => undefined,
      showLoading: () => undefined,
      hideLoading: () => undefined,
      isDisposed: () => false,
      dispose: () => undefined,
    };
  };
  return { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init } } };
}
