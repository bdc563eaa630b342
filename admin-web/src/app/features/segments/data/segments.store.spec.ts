import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { expectRequest, provideTestApp, settle } from '../../../../testing/test-helpers';
import { aSegmentDetail, aSegmentSummary } from '../testing/segment-factories';
import { SegmentsStore } from './segments.store';
import { afterPolls, provideTestPolling } from '../testing/polling';

describe('SegmentsStore', () => {
  let store: SegmentsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), SegmentsStore, provideTestPolling()],
    });
    store = TestBed.inject(SegmentsStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('loads the first page, then the next one with its cursor, appended', async () => {
    store.list.load('');
    await settle();
    const first = expectRequest('/api/segments');
    expect(first.request.params.get('limit')).toBe('25');
    expect(first.request.params.has('search')).toBe(false);
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({ items: [aSegmentSummary({ id: 's-1' })], nextCursor: 'next-1' });
    await settle();
    expect(store.list.hasMore()).toBe(true);

    store.list.loadMore();
    await settle();
    const second = expectRequest('/api/segments');
    expect(second.request.params.get('cursor')).toBe('next-1');
    second.flush({ items: [aSegmentSummary({ id: 's-2' })], nextCursor: null });
    await settle();
    expect(store.list.items().map((s) => s.id)).toEqual(['s-1', 's-2']);
    expect(store.list.hasMore()).toBe(false);
  });

  it('searches by name', async () => {
    store.list.load('spend');
    await settle();
    const search = expectRequest('/api/segments');
    expect(search.request.params.get('search')).toBe('spend');
    search.flush({ items: [], nextCursor: null });
    await settle();
    expect(store.list.empty()).toBe(true);
  });

  it('follows segments whose membership is being computed until they are ready, then stops', async () => {
    store.list.load('');
    await settle();
    expectRequest('/api/segments').flush({
      items: [aSegmentSummary({ id: 's-new', status: 'pending', memberCount: 0 }), aSegmentSummary({ id: 's-old' })],
      nextCursor: null,
    });
    await afterPolls();
    expectRequest('/api/segments/s-new').flush(aSegmentDetail({ id: 's-new', status: 'refreshing', memberCount: 0 }));
    await afterPolls();
    expectRequest('/api/segments/s-new').flush(aSegmentDetail({ id: 's-new', status: 'ready', memberCount: 42 }));
    await settle();
    expect(store.list.items().map((s) => [s.id, s.status, s.memberCount])).toEqual([
      ['s-new', 'ready', 42],
      ['s-old', 'ready', 1250],
    ]);
    await afterPolls(3);
    http.expectNone(() => true);
  });
});
