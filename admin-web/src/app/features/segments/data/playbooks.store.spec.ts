import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { expectRequest, provideTestApp, settle } from '../../../../testing/test-helpers';
import { aPlaybook, aSegmentDetail, aSegmentSummary } from '../testing/segment-factories';
import { PlaybookSegment, PlaybooksStore } from './playbooks.store';

const conflict = {
  body: {
    type: 'https://lodestar.dev/problems/segment-name-taken',
    title: 'Conflict',
    status: 409,
    detail: 'A segment already has this name',
  },
  init: { status: 409, statusText: 'Conflict' },
};

describe('PlaybooksStore', () => {
  let store: PlaybooksStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...provideTestApp(), PlaybooksStore] });
    store = TestBed.inject(PlaybooksStore);
    http = TestBed.inject(HttpTestingController);
    store.load();
    await settle();
    expectRequest('/api/segments/playbooks').flush([aPlaybook(), aPlaybook({ key: 'rfm-lost', name: 'Lost' })]);
    await settle();
  });
  afterEach(() => http.verify());

  it('creates the segment of a playbook and links the playbook to it', async () => {
    let result: PlaybookSegment | undefined;
    store.create(aPlaybook()).subscribe((r) => (result = r));
    await settle();
    const create = expectRequest('/api/segments/playbooks/rfm-champions', 'POST');
    expect(create.request.body).toEqual({});
    create.flush(aSegmentDetail({ id: 's-champions', playbookKey: 'rfm-champions' }));
    await settle();
    expect(result).toEqual({ segmentId: 's-champions', created: true });
    expect(store.playbooks().map((p) => p.segmentId)).toEqual(['s-champions', null]);
  });

  it('finds the segment that already has the name when creating is refused (409)', async () => {
    let result: PlaybookSegment | undefined;
    store.create(aPlaybook()).subscribe((r) => (result = r));
    await settle();
    expectRequest('/api/segments/playbooks/rfm-champions', 'POST').flush(conflict.body, conflict.init);
    await settle();
    const lookup = expectRequest('/api/segments');
    expect(lookup.request.params.get('search')).toBe('Champions');
    lookup.flush({
      items: [aSegmentSummary({ id: 's-other', name: 'Champions of Canada' }), aSegmentSummary({ id: 's-existing', name: 'Champions' })],
      nextCursor: null,
    });
    await settle();
    expect(result).toEqual({ segmentId: 's-existing', created: false });
    expect(store.playbooks()[0].segmentId).toBe('s-existing');
  });

  it('passes the conflict on when no segment has the exact name', async () => {
    let status = 0;
    store.create(aPlaybook()).subscribe({ error: (err: { status: number }) => (status = err.status) });
    await settle();
    expectRequest('/api/segments/playbooks/rfm-champions', 'POST').flush(conflict.body, conflict.init);
    await settle();
    expectRequest('/api/segments').flush({ items: [aSegmentSummary({ name: 'Champions of Canada' })], nextCursor: null });
    await settle();
    expect(status).toBe(409);
    expect(store.playbooks()[0].segmentId).toBeNull();
  });
});
