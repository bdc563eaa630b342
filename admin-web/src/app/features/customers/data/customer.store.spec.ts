import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  expectRequest,
  provideTestApp,
  settle,
} from '../../../../testing/test-helpers';
import {
  aCustomerDetail,
  anEventEntry,
} from '../testing/customer-factories';
import { CustomerStore } from './customer.store';

describe('CustomerStore', () => {
  let store: CustomerStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), CustomerStore],
    });
    store = TestBed.inject(CustomerStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('shows only the newer customer when another is opened before the first one arrived', async () => {
    store.open('c-1');
    await settle();
    const oldTimeline = expectRequest('/api/customers/c-1/timeline');
    expectRequest('/api/customers/c-1');
    expectRequest('/api/customers/c-1/spend');

    store.open('c-2');
    await settle();
    expect(oldTimeline.cancelled).toBe(true);
    expectRequest('/api/customers/c-2').flush(aCustomerDetail({ id: 'c-2' }));
    expectRequest('/api/customers/c-2/spend').flush({ months: [] });
    expectRequest('/api/customers/c-2/timeline').flush({
      items: [anEventEntry()],
      nextCursor: null,
    });
    await settle();
    expect(store.customer()?.id).toBe('c-2');
    expect(store.timeline.items()).toHaveLength(1);
    expect(store.spend()).toEqual([]);
  });

  it('keeps the timeline filter and its entries after a profile update', async () => {
    store.open('c-1');
    await settle();
    expectRequest('/api/customers/c-1').flush(aCustomerDetail());
    expectRequest('/api/customers/c-1/spend').flush({ months: [] });
    expectRequest('/api/customers/c-1/timeline').flush({
      items: [],
      nextCursor: null,
    });
    store.showInTimeline('events');
    await settle();
    const events = expectRequest('/api/customers/c-1/timeline');
    expect(events.request.params.getAll('kinds')).toEqual(['events']);
    events.flush({ items: [anEventEntry()], nextCursor: null });

    store.update({ tags: ['vip'] }).subscribe();
    await settle();
    const patch = expectRequest('/api/customers/c-1', 'PATCH');
    expect(patch.request.body).toEqual({ tags: ['vip'] });
    patch.flush(aCustomerDetail({ tags: ['vip'] }));
    await settle();
    expect(store.customer()?.tags).toEqual(['vip']);
    expect(store.timeline.filter().show).toBe('events');
    expect(store.timeline.items()).toEqual([anEventEntry()]);
    http.expectNone(() => true);
  });
});
