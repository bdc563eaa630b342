import { HttpTestingController } from '@angular/common/http/testing';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { expectRequest, provideTestApp, signInAs } from '../../../../testing/test-helpers';
import { blankCondition } from '../builder/rule-fields';
import { insertNode } from '../builder/rule-tree';
import type { SegmentRules } from '../builder/rule-types';
import { aCondition, aGroup, someFields, someRules } from '../builder/testing/rule-factories';
import { SegmentEditorStore } from './segment-editor.store';
import { aPreview, aSegmentDetail } from './testing/editor-factories';

const PREVIEW = '/api/segments/preview';
const DEBOUNCE = 400;

const rulesWith = (value: number): SegmentRules =>
  someRules(aGroup('root', [aCondition('c1', { field: 'traits.totalSpent', operator: 'gt', value })]));

describe('SegmentEditorStore', () => {
  let injector: EnvironmentInjector;
  let store: SegmentEditorStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    signInAs(['segments:read', 'segments:write']);
    injector = createEnvironmentInjector([SegmentEditorStore], TestBed.inject(EnvironmentInjector));
    store = injector.get(SegmentEditorStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  describe('live count', () => {
    beforeEach(() => jest.useFakeTimers());

    it('counts once the editing pauses for 400 ms: several edits in the window make one call, for the last tree', () => {
      store.count(rulesWith(100));
      jest.advanceTimersByTime(150);
      store.count(rulesWith(200));
      jest.advanceTimersByTime(150);
      store.count(rulesWith(300));
      expect(store.preview().pending).toBe(true);
      jest.advanceTimersByTime(DEBOUNCE - 1);
      http.expectNone(PREVIEW);

      jest.advanceTimersByTime(1);
      const requests = http.match({ url: PREVIEW, method: 'POST' });
      expect(requests).toHaveLength(1);
      expect(requests[0].request.body.rules).toEqual(rulesWith(300));
      requests[0].flush(aPreview({ count: 7 }));
      expect(store.preview()).toMatchObject({ result: { count: 7 }, pending: false, problem: null, incomplete: false });
    });

    it('sends the segment being edited, for cycle detection', () => {
      store.count(rulesWith(1), 'seg-1');
      jest.advanceTimersByTime(DEBOUNCE);
      const request = expectRequest(PREVIEW, 'POST');
      expect(request.request.body.segmentId).toBe('seg-1');
      request.flush(aPreview());
    });

    it('cancels a count still running when a newer edit is counted', () => {
      store.count(rulesWith(1));
      jest.advanceTimersByTime(DEBOUNCE);
      const first = expectRequest(PREVIEW, 'POST');
      store.count(rulesWith(2));
      jest.advanceTimersByTime(DEBOUNCE);
      expect(first.cancelled).toBe(true);
      const second = expectRequest(PREVIEW, 'POST');
      expect(second.request.body.rules).toEqual(rulesWith(2));
      second.flush(aPreview({ count: 2 }));
      expect(store.preview().result?.count).toBe(2);
    });

    it('shows an answer for an older tree that lands during the pause, still pending', () => {
      store.count(rulesWith(1));
      jest.advanceTimersByTime(DEBOUNCE);
      const first = expectRequest(PREVIEW, 'POST');
      store.count(rulesWith(2));
      first.flush(aPreview({ count: 1 }));
      expect(store.preview()).toMatchObject({ result: { count: 1 }, pending: true });
      jest.advanceTimersByTime(DEBOUNCE);
      expectRequest(PREVIEW, 'POST').flush(aPreview({ count: 2 }));
      expect(store.preview()).toMatchObject({ result: { count: 2 }, pending: false });
    });

    it('waits while a condition has no field, without calling the API', () => {
      store.count(insertNode(rulesWith(1), 'root', blankCondition()));
      expect(store.preview()).toMatchObject({ incomplete: true, pending: false });
      jest.advanceTimersByTime(DEBOUNCE * 3);
      http.expectNone(PREVIEW);
    });

    it('keeps the last count and shows the problem when the API rejects the tree', () => {
      store.count(rulesWith(1));
      jest.advanceTimersByTime(DEBOUNCE);
      expectRequest(PREVIEW, 'POST').flush(aPreview({ count: 5 }));
      store.count(rulesWith(-1));
      jest.advanceTimersByTime(DEBOUNCE);
      expectRequest(PREVIEW, 'POST').flush(
        {
          type: 'invalid-segment-rules',
          title: 'Invalid rules',
          status: 400,
          errors: [{ field: 'rules.root.children[0].value', message: 'too small' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      const { result, problem, pending } = store.preview();
      expect(result?.count).toBe(5);
      expect(pending).toBe(false);
      expect(problem?.errors).toEqual([{ field: 'rules.root.children[0].value', message: 'too small' }]);
    });

    it('stops counting when the page that provides it goes away', () => {
      store.count(rulesWith(1));
      injector.destroy();
      jest.advanceTimersByTime(DEBOUNCE * 2);
      http.expectNone(PREVIEW);
    });
  });

  describe('opening', () => {
    const answerPickers = (
      segments = [
        { id: 'seg-1', name: 'Itself' },
        { id: 'seg-2', name: 'VIP' },
      ],
    ) => {
      expectRequest('/api/segments/fields').flush(someFields());
      const list = expectRequest('/api/segments');
      expect(list.request.params.get('limit')).toBe('200');
      list.flush({ items: segments, nextCursor: null });
    };

    it('loads a segment with ids on every node, the catalogue and the other segments', () => {
      store.open('seg-1');
      answerPickers();
      expectRequest('/api/segments/seg-1').flush(aSegmentDetail());
      const draft = store.draft();
      expect(draft).toMatchObject({ name: 'Big spenders', description: 'Spent over 500' });
      expect(draft?.rules.root.id).toBeTruthy();
      expect(draft?.rules.root.children[0]).toMatchObject({ field: 'traits.totalSpent', id: expect.any(String) });
      expect(store.fields()?.fields.length).toBeGreaterThan(0);
      expect(store.segments()).toEqual([{ id: 'seg-2', name: 'VIP' }]);
    });

    it("starts a new segment from a playbook's name, description and rules", () => {
      store.open(undefined, 'rfm-champions');
      answerPickers();
      expectRequest('/api/segments/playbooks').flush([
        { key: 'rfm-lost', name: 'Lost', description: 'Gone', rules: someRules(aGroup('x')) },
        { key: 'rfm-champions', name: 'Champions', description: 'Best customers', rules: aSegmentDetail().rules },
      ]);
      expect(store.draft()).toMatchObject({ name: 'Champions', description: 'Best customers' });
      expect(store.draft()?.rules.root.children).toHaveLength(1);
    });

    it('says so when the playbook does not exist', () => {
      store.open(undefined, 'nope');
      answerPickers();
      expectRequest('/api/segments/playbooks').flush([]);
      expect(store.draft()).toBeNull();
      expect(store.error()?.detail).toContain('nope');
    });

    it('starts an empty tree for a new segment', () => {
      store.open();
      answerPickers([]);
      expect(store.draft()).toMatchObject({ name: '', description: '', rules: { version: 1, root: { operator: 'and', children: [] } } });
    });
  });

  it('creates a new segment and updates an existing one', async () => {
    const draft = { name: 'VIP', description: '', rules: rulesWith(1) };
    const created = firstValueFrom(store.save(draft));
    const create = expectRequest('/api/segments', 'POST');
    expect(create.request.body).toEqual({ name: 'VIP', description: null, rules: rulesWith(1) });
    create.flush(aSegmentDetail({ id: 'seg-9' }));
    expect((await created).id).toBe('seg-9');

    const updated = firstValueFrom(store.save({ ...draft, description: 'Top' }, 'seg-9'));
    const update = expectRequest('/api/segments/seg-9', 'PATCH');
    expect(update.request.body).toEqual({ name: 'VIP', description: 'Top', rules: rulesWith(1) });
    update.flush(aSegmentDetail({ id: 'seg-9' }));
    expect((await updated).id).toBe('seg-9');
  });
});
