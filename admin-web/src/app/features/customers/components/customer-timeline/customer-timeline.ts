import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import type { CursorList } from '../../../../shared/data/cursor-list';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import type { TimelineFilter, TimelineShow } from '../../data/customer.store';
import type { TimelineEntry } from '../../models/customer-api';
import { formatAmount } from '../../models/format';
import { attributeRows } from '../../models/profile';

/** Orders (with line items) and events of one customer, newest first, filterable, page by page. */
@Component({
  selector: 'app-customer-timeline',
  imports: [
    DatePipe,
    MatButtonToggleModule,
    MatIconModule,
    EmptyState,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './customer-timeline.html',
  styleUrl: './customer-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerTimeline {
  readonly list = input.required<CursorList<TimelineEntry, TimelineFilter>>();
  /** The user picked what to show. */
  readonly show = output<TimelineShow>();

  protected readonly showing = computed(() => this.list().filter().show);
  protected readonly formatAmount = formatAmount;
  protected readonly properties = attributeRows;
  protected readonly emptyText = computed(
    () =>
      ({
        all: 'No orders or events yet.',
        orders: 'No orders yet.',
        events: 'No events yet.',
      })[this.showing()],
  );
}
