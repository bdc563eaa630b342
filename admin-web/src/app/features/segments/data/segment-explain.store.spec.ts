import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { expectRequest, provideTestApp, settle } from '../../../../testing/test-helpers';
import { aCustomer } from '../../customers/testing/customer-factories';
import { anExplanation, CUSTOMER_ID, SEGMENT_ID } from '../testing/segment-factories';
import { SegmentExplainStore } from './segment-explain.store';

describe('SegmentExplainStore', () => {
  let store: SegmentExplainStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideTestApp(), SegmentExplainStore] });
    store = TestBed.inject(SegmentExplainStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('loads why a customer is in the segment, showing only the latest customer asked about', async () => {
    store.explain(SEGMENT_ID, 'c-old');
    await settle();
    const old = expectRequest(`/api/segments/${SEGMENT_ID}/explain/c-old`);
    store.explain(SEGMENT_ID, CUSTOMER_ID);
    await settle();
    expect(old.cancelled).toBe(true);
    expect(store.loading()).toBe(true);
    expectRequest(`/api/segments/${SEGMENT_ID}/explain/${CUSTOMER_ID}`).flush(anExplanation());
    await settle();
    expect(store.loading()).toBe(false);
    expect(store.explanation()?.customer.id).toBe(CUSTOMER_ID);
    expect(store.explanation()?.tree.children).toHaveLength(2);
  });

  it('reports a customer that does not exist, and forgets the explanation when closed', async () => {
    store.explain(SEGMENT_ID, CUSTOMER_ID);
    await settle();
    expectRequest(`/api/segments/${SEGMENT_ID}/explain/${CUSTOMER_ID}`).flush(
      { type: 'https://lodestar.dev/problems/not-found', title: 'Not found', status: 404, detail: 'No such customer' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(store.error()?.detail).toBe('No such customer');
    store.close();
    expect(store.error()).toBeNull();
    expect(store.explanation()).toBeNull();
  });

  it('suggests customers matching a search', async () => {
    let names: string[] = [];
    store.searchCustomers('ann').subscribe((found) => (names = found.map((c) => c.firstName ?? '')));
    await settle();
    const search = expectRequest('/api/customers');
    expect(search.request.params.get('q')).toBe('ann');
    expect(search.request.params.get('limit')).toBe('8');
    search.flush({ items: [aCustomer()], nextCursor: null });
    await settle();
    expect(names).toEqual(['Anna']);
  });
});
