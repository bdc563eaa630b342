import {
  computed,
  DestroyRef,
  inject,
  Signal,
  signal,
  WritableSignal,
} from '@angular/core';
import { Observable } from 'rxjs';
import { LoadStatus } from './load-status';

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

export type PageFetcher<T, F> = (
  filter: F,
  cursor: string | undefined,
) => Observable<CursorPage<T>>;

/**
 * State for a cursor-paginated list: the first page for a filter, "load more", and in-place
 * updates after mutations. A newer load cancels an older one, so results never arrive out of order.
 */
export class CursorList<T, F> {
  private readonly _items = signal<T[]>([]);
  private readonly _nextCursor = signal<string | null>(null);
  private readonly status = new LoadStatus();
  private readonly _filter: WritableSignal<F>;

  readonly items = this._items.asReadonly();
  readonly loading = this.status.loading;
  /** True once the first page for the current filter has arrived. */
  readonly loaded = this.status.loaded;
  readonly error = this.status.error;
  readonly filter: Signal<F>;
  readonly hasMore = computed(() => this._nextCursor() !== null);
  /** True when the first page for the current filter arrived without any items. */
  readonly empty = computed(
    () => this.loaded() && !this._items().length && !this.error(),
  );

  constructor(
    private readonly fetch: PageFetcher<T, F>,
    initialFilter: F,
  ) {
    this._filter = signal(initialFilter);
    this.filter = this._filter.asReadonly();
  }

  load(filter: F = this._filter()): void {
    this._filter.set(filter);
    this.status.reset();
    this.run(undefined, (page) => this._items.set(page.items));
  }

  loadMore(): void {
    const cursor = this._nextCursor();
    if (!cursor || this.loading()) return;
    this.run(cursor, (page) =>
      this._items.update((items) => [...items, ...page.items]),
    );
  }

  replace(match: (item: T) => boolean, next: T): void {
    this._items.update((items) =>
      items.map((item) => (match(item) ? next : item)),
    );
  }

  prepend(item: T): void {
    this._items.update((items) => [item, ...items]);
  }

  remove(match: (item: T) => boolean): void {
    this._items.update((items) => items.filter((item) => !match(item)));
  }

  destroy(): void {
    this.status.cancel();
  }

  private run(
    cursor: string | undefined,
    apply: (page: CursorPage<T>) => void,
  ): void {
    this.status.run(this.fetch(this._filter(), cursor), (page) => {
      apply(page);
      this._nextCursor.set(page.nextCursor ?? null);
    });
  }
}

/**
 * A CursorList whose running request is cancelled when its injector (the store providing it) is
 * destroyed. Call it in an injection context, e.g. a store's field initialiser.
 */
export function injectCursorList<T, F>(
  fetch: PageFetcher<T, F>,
  initialFilter: F,
): CursorList<T, F> {
  const list = new CursorList(fetch, initialFilter);
  inject(DestroyRef).onDestroy(() => list.destroy());
  return list;
}
