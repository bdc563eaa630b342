import { convertToParamMap } from '@angular/router';
import {
  CustomerFilter,
  EMPTY_CUSTOMER_FILTER,
  fromQueryParams,
  isFiltered,
  moreFiltersSet,
  toCustomerQuery,
  toQueryParams,
} from './customer-filter';

const filter = (overrides: Partial<CustomerFilter>): CustomerFilter => ({
  ...EMPTY_CUSTOMER_FILTER,
  ...overrides,
});

describe('customer filter', () => {
  it('sends only what is set, with the default sort, and the last-order range over whole local days', () => {
    expect(toCustomerQuery(EMPTY_CUSTOMER_FILTER)).toEqual({
      sort: '-createdAt',
    });
    const query = toCustomerQuery(
      filter({
        q: '  anna ',
        country: ['DE'],
        rfmTier: ['Champions', 'Loyal'],
        nightBuyer: 'no',
        consentEmail: 'subscribed',
        minTotalSpent: 0,
        maxOrderCount: 3,
        lastOrderFrom: new Date(2026, 2, 3, 15, 30),
        lastOrderTo: new Date(2026, 2, 5, 9, 0),
        sort: '-totalSpent',
      }),
    );
    expect(query).toEqual({
      q: 'anna',
      country: ['DE'],
      rfmTier: ['Champions', 'Loyal'],
      nightBuyer: false,
      consentEmail: 'subscribed',
      minTotalSpent: 0,
      maxOrderCount: 3,
      lastOrderAfter: new Date(2026, 2, 3).toISOString(),
      // Exclusive upper bound: the start of the day after the chosen one.
      lastOrderBefore: new Date(2026, 2, 6).toISOString(),
      sort: '-totalSpent',
    });
  });

  it('writes a filter to query params and reads the same filter back', () => {
    const original = filter({
      q: 'anna',
      country: ['DE', 'FR'],
      tag: ['vip'],
      rfmTier: ["Can't lose"],
      churnRisk: ['high'],
      nightBuyer: 'yes',
      consentEmail: 'pending',
      minTotalSpent: 10.5,
      maxTotalSpent: 500,
      minOrderCount: 2,
      maxOrderCount: 9,
      lastOrderFrom: new Date(2026, 0, 31),
      lastOrderTo: new Date(2026, 1, 2),
      sort: 'name',
    });
    const params = toQueryParams(original);
    expect(params).toMatchObject({
      country: ['DE', 'FR'],
      lastOrderFrom: '2026-01-31',
      lastOrderTo: '2026-02-02',
      minTotalSpent: '10.5',
      sort: 'name',
    });
    expect(fromQueryParams(convertToParamMap(params))).toEqual(original);
  });

  it('leaves an unfiltered list with the default sort out of the URL', () => {
    expect(toQueryParams(EMPTY_CUSTOMER_FILTER)).toEqual({});
    expect(toQueryParams(filter({ q: '   ' }))).toEqual({});
  });

  it('ignores what a hand-edited link gets wrong', () => {
    const read = fromQueryParams(
      convertToParamMap({
        country: ['de', 'Germany'],
        rfmTier: ['Champions', 'Best'],
        churnRisk: 'extreme',
        nightBuyer: 'maybe',
        consentEmail: 'yes',
        minTotalSpent: '-5',
        minOrderCount: '1.5',
        maxOrderCount: 'ten',
        lastOrderFrom: '2026-02-30',
        lastOrderTo: 'yesterday',
        sort: 'password',
      }),
    );
    expect(read).toEqual(
      filter({ country: ['DE'], rfmTier: ['Champions'] }),
    );
  });

  it('tells a filtered list from a merely sorted one, and counts the filters behind More filters', () => {
    expect(isFiltered(filter({ sort: 'clv' }))).toBe(false);
    expect(isFiltered(filter({ churnRisk: ['low'] }))).toBe(true);
    expect(isFiltered(filter({ maxTotalSpent: 0 }))).toBe(true);
    expect(
      moreFiltersSet(
        filter({
          q: 'x',
          country: ['DE'],
          tag: ['vip'],
          minOrderCount: 1,
          lastOrderTo: new Date(2026, 0, 1),
        }),
      ),
    ).toBe(3);
  });
});
