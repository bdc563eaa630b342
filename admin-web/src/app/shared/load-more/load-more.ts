import {
  ChangeDetectionStrategy,
  Component,
  input,
  Signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** What "Load more" needs of a paged list (a CursorList). */
export interface PagedList {
  readonly hasMore: Signal<boolean>;
  readonly loading: Signal<boolean>;
  loadMore(): void;
}

/** Below a paged list: "Load more" while there is a next page, disabled while a page loads. */
@Component({
  selector: 'app-load-more',
  imports: [MatButtonModule],
  template: `
    @if (list().hasMore()) {
      <div class="more">
        <button
          mat-stroked-button
          type="button"
          (click)="list().loadMore()"
          [disabled]="list().loading()"
        >
          Load more
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMore {
  readonly list = input.required<PagedList>();
}
