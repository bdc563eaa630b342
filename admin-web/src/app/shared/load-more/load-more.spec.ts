import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LoadMore, PagedList } from './load-more';

describe('LoadMore', () => {
  function render() {
    const hasMore = signal(false);
    const loading = signal(false);
    const list: PagedList & { loadMore: jest.Mock } = {
      hasMore,
      loading,
      loadMore: jest.fn(),
    };
    const fixture = TestBed.createComponent(LoadMore);
    fixture.componentRef.setInput('list', list);
    fixture.detectChanges();
    const button = () =>
      (fixture.nativeElement as HTMLElement).querySelector('button');
    return { fixture, list, hasMore, loading, button };
  }

  it('offers Load more only while there is a next page', () => {
    const { fixture, hasMore, button } = render();
    expect(button()).toBeNull();
    hasMore.set(true);
    fixture.detectChanges();
    expect(button()?.textContent?.trim()).toBe('Load more');
  });

  it('loads the next page on click, and is disabled while a page loads', () => {
    const { fixture, list, hasMore, loading, button } = render();
    hasMore.set(true);
    fixture.detectChanges();
    button()?.click();
    expect(list.loadMore).toHaveBeenCalledTimes(1);

    loading.set(true);
    fixture.detectChanges();
    expect(button()?.disabled).toBe(true);
  });
});
