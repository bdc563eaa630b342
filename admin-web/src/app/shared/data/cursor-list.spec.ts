import {
  createEnvironmentInjector,
  EnvironmentInjector,
  runInInjectionContext,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { CursorList, CursorPage, injectCursorList } from './cursor-list';

interface Filter {
  q: string;
}

function setup() {
  const requests: {
    filter: Filter;
    cursor: string | undefined;
    page: Subject<CursorPage<string>>;
  }[] = [];
  const list = new CursorList<string, Filter>(
    (filter, cursor) => {
      const page = new Subject<CursorPage<string>>();
      requests.push({ filter, cursor, page });
      return page;
    },
    { q: '' },
  );
  return { list, requests };
}

describe('CursorList', () => {
  it('loads the first page for a filter, then appends the next page on load more', () => {
    const { list, requests } = setup();
    list.load({ q: 'a' });
    expect(list.loaded()).toBe(false);
    requests[0].page.next({ items: ['a1', 'a2'], nextCursor: 'c2' });
    expect(list.items()).toEqual(['a1', 'a2']);
    expect(list.loaded()).toBe(true);
    expect(list.hasMore()).toBe(true);

    list.loadMore();
    expect(requests[1]).toMatchObject({ filter: { q: 'a' }, cursor: 'c2' });
    requests[1].page.next({ items: ['a3'], nextCursor: null });
    expect(list.items()).toEqual(['a1', 'a2', 'a3']);
    expect(list.hasMore()).toBe(false);
  });

  it('does not ask for more while a page is loading or when there is none', () => {
    const { list, requests } = setup();
    list.load();
    list.loadMore();
    expect(requests).toHaveLength(1);
    requests[0].page.next({ items: ['x'] });
    list.loadMore();
    expect(requests).toHaveLength(1);
  });

  it('shows only the newest filter when an older answer arrives late', () => {
    const { list, requests } = setup();
    list.load({ q: 'old' });
    list.load({ q: 'new' });
    requests[1].page.next({ items: ['new'], nextCursor: null });
    requests[0].page.next({ items: ['old'], nextCursor: null });
    expect(list.items()).toEqual(['new']);
    expect(list.filter()).toEqual({ q: 'new' });
  });

  it('is empty only once a page arrived without items, not while loading or after an error', () => {
    const { list, requests } = setup();
    list.load();
    expect(list.empty()).toBe(false);
    requests[0].page.next({ items: [] });
    expect(list.empty()).toBe(true);

    list.load({ q: 'x' });
    expect(list.empty()).toBe(false);
    requests[1].page.error(new Error('offline'));
    expect(list.empty()).toBe(false);

    list.load();
    requests[2].page.next({ items: ['a'] });
    expect(list.empty()).toBe(false);
  });

  it('updates loaded items in place', () => {
    const { list, requests } = setup();
    list.load();
    requests[0].page.next({ items: ['a', 'b'] });
    list.replace((i) => i === 'a', 'A');
    list.prepend('z');
    list.remove((i) => i === 'b');
    expect(list.items()).toEqual(['z', 'A']);
  });
});

describe('injectCursorList', () => {
  it('cancels the running request when its injector is destroyed', () => {
    const injector = createEnvironmentInjector(
      [],
      TestBed.inject(EnvironmentInjector),
    );
    const page = new Subject<CursorPage<string>>();
    const list = runInInjectionContext(injector, () =>
      injectCursorList<string, Filter>(() => page, { q: '' }),
    );
    list.load();
    expect(page.observed).toBe(true);
    injector.destroy();
    expect(page.observed).toBe(false);
  });
});
