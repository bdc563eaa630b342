import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  expectRequest,
  provideTestApp,
  settle,
} from '../../../../testing/test-helpers';
import { EMPTY_CUSTOMER_FILTER } from '../models/customer-filter';
import { aCustomer, someFacets } from '../testing/customer-factories';
import { CustomersStore } from './customers.store';

describe('CustomersStore', () => {
  let store: CustomersStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), CustomersStore],
    });
    store = TestBed.inject(CustomersStore);
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('pages through the filtered list with the cursor the API gave', async () => {
    store.list.load({
      ...EMPTY_CUSTOMER_FILTER,
      tag: ['vip', 'b2b'],
      minOrderCount: 2,
    });
    await settle();
    const first = expectRequest('/api/customers');
    expect(first.request.params.getAll('tag')).toEqual(['vip', 'b2b']);
    expect(first.request.params.get('minOrderCount')).toBe('2');
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({ items: [aCustomer()], nextCursor: 'c-2' });
    await settle();

    store.list.loadMore();
    await settle();
    const next = expectRequest('/api/customers');
    expect(next.request.params.get('cursor')).toBe('c-2');
    expect(next.request.params.getAll('tag')).toEqual(['vip', 'b2b']);
    next.flush({ items: [aCustomer({ id: 'c-2' })], nextCursor: null });
    await settle();
    expect(store.list.items().map((c) => c.id)).toEqual(['c-1', 'c-2']);
    expect(store.list.hasMore()).toBe(false);
  });

  it('keeps working without facets when they fail to load', async () => {
    store.loadFacets();
    await settle();
    expectRequest('/api/customers/facets').flush(someFacets());
    await settle();
    expect(store.facets()?.countries[0].value).toBe('DE');

    store.loadFacets();
    await settle();
    expectRequest('/api/customers/facets').flush(
      { title: 'Boom' },
      { status: 500, statusText: 'Server Error' },
    );
    await settle();
    expect(store.facets()).toBeNull();
  });

  it('reports why the stats failed', async () => {
    store.loadStats();
    await settle();
    expectRequest('/api/customers/stats').flush(
      { detail: 'Database unavailable' },
      { status: 503, statusText: 'Unavailable' },
    );
    await settle();
    expect(store.statsError()?.detail).toBe('Database unavailable');
    expect(store.stats()).toBeNull();
  });

  it('asks for an export with the list filters and sort', async () => {
    let created = '';
    store
      .exportCsv({
        ...EMPTY_CUSTOMER_FILTER,
        nightBuyer: 'yes',
        sort: 'email',
      })
      .subscribe((e) => (created = e.id));
    await settle();
    const req = expectRequest('/api/customers/exports', 'POST');
    expect(req.request.body).toEqual({ nightBuyer: true, sort: 'email' });
    req.flush({ id: 'x-9' });
    await settle();
    expect(created).toBe('x-9');
  });
});
