import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { expectRequest, provideTestApp, settle } from '../../../../testing/test-helpers';
import type { SegmentRefresh } from '../models/segment-api';
import { aBreakdown, aMember, aRefresh, aSegmentDetail, SEGMENT_ID, someHistory } from '../testing/segment-factories';
import { SegmentStore } from './segment.store';
import { afterPolls, provideTestPolling } from '../testing/polling';

const base = `/api/segments/${SEGMENT_ID}`;

describe('SegmentStore', () => {
  let store: SegmentStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), SegmentStore, provideTestPolling()],
    });
    store = TestBed.inject(SegmentStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  /** Answers the membership requests (members, history, breakdown) with `memberCount` members. */
  function flushMembership(memberCount = 1250): void {
    expectRequest(`${base}/members`).flush({ items: [aMember()], nextCursor: null });
    expectRequest(`${base}/history`).flush(someHistory());
    expectRequest(`${base}/breakdown`).flush(aBreakdown({ members: memberCount }));
  }

  async function open(segment = aSegmentDetail()): Promise<void> {
    store.open(SEGMENT_ID);
    await settle();
    expectRequest(base).flush(segment);
    flushMembership();
    expectRequest('/api/segments/fields').flush({ fields: [], options: {} });
    await settle();
  }

  it('loads the segment, its members, history, breakdown and the field catalogue', async () => {
    await open();
    expect(store.segment()?.name).toBe('Big spenders');
    expect(store.members.items()).toEqual([aMember()]);
    expect(store.history()?.map((p) => p.size)).toEqual([1180, 1250]);
    expect(store.breakdown()?.members).toBe(1250);
    expect(store.catalogue()).not.toBeNull();
  });

  it('follows a refresh until it completes, then shows the new membership and stops checking', async () => {
    await open();
    const seen: SegmentRefresh['status'][] = [];
    let done = false;
    store.refreshNow().subscribe({ next: (r) => seen.push(r.status), complete: () => (done = true) });
    await settle();
    expectRequest(`${base}/refresh`, 'POST').flush(aRefresh({ status: 'queued' }));
    await afterPolls();
    expectRequest(`${base}/refreshes/r-1`).flush(aRefresh({ status: 'running', evaluated: 400 }));
    expect(store.refresh()?.evaluated).toBe(400);
    await afterPolls();
    expectRequest(`${base}/refreshes/r-1`).flush(aRefresh({ status: 'completed', size: 1300, added: 60, removed: 10 }));
    await settle();
    expect(seen).toEqual(['queued', 'running', 'completed']);
    expect(done).toBe(true);

    expectRequest(base).flush(aSegmentDetail({ memberCount: 1300 }));
    flushMembership(1300);
    await settle();
    expect(store.segment()?.memberCount).toBe(1300);
    expect(store.breakdown()?.members).toBe(1300);
    await afterPolls(3);
    http.expectNone(() => true);
  });

  it('stops following a refresh that failed, keeping its error', async () => {
    await open();
    store.refreshNow().subscribe();
    await settle();
    expectRequest(`${base}/refresh`, 'POST').flush(aRefresh({ status: 'running' }));
    await afterPolls();
    expectRequest(`${base}/refreshes/r-1`).flush(aRefresh({ status: 'failed', error: 'statement timeout' }));
    await settle();
    expect(store.refresh()?.error).toBe('statement timeout');
    expectRequest(base).flush(aSegmentDetail({ status: 'failed', refreshError: 'statement timeout' }));
    flushMembership();
    await afterPolls(3);
    http.expectNone(() => true);
  });

  it('follows a segment whose membership is still being computed, and loads the members once it is ready', async () => {
    store.open(SEGMENT_ID);
    await settle();
    expectRequest(base).flush(aSegmentDetail({ status: 'pending', memberCount: 0 }));
    flushMembership(0);
    expectRequest('/api/segments/fields').flush({ fields: [], options: {} });
    await afterPolls();
    expectRequest(base).flush(aSegmentDetail({ status: 'ready', memberCount: 1250 }));
    await settle();
    flushMembership(1250);
    await settle();
    expect(store.segment()?.status).toBe('ready');
    expect(store.breakdown()?.members).toBe(1250);
    await afterPolls(3);
    http.expectNone(() => true);
  });
});
