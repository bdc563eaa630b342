import { computed, inject, Injectable, signal } from '@angular/core';
import { CustomersService } from '@lodestar/contracts';
import { map, Observable, tap } from 'rxjs';
import { call } from '../../../core/api/call';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { LoadStatus } from '../../../shared/data/load-status';
import type {
  CustomerDetail,
  CustomerErasure,
  MonthlySpend,
  TimelineEntry,
  UpdateCustomerRequest,
} from '../models/customer-api';

/** Which entries the timeline shows. */
export type TimelineShow = 'all' | 'orders' | 'events';

export interface TimelineFilter {
  customerId: string;
  show: TimelineShow;
}

export const TIMELINE_PAGE_SIZE = 20;
/** Months of spend on the 360 chart, this month included. */
export const SPEND_MONTHS = 24;

/** One customer for the 360 page: profile and traits, monthly spend, the timeline; edits and GDPR actions. */
@Injectable()
export class CustomerStore {
  private readonly api = inject(CustomersService);

  private readonly _customer = signal<CustomerDetail | null>(null);
  private readonly status = new LoadStatus();
  readonly customer = this._customer.asReadonly();
  readonly loading = this.status.loading;
  readonly error = this.status.error;
  readonly erased = computed(() => !!this._customer()?.erasedAt);

  private readonly _spend = signal<MonthlySpend[] | null>(null);
  private readonly spendStatus = new LoadStatus();
  readonly spend = this._spend.asReadonly();
  readonly spendError = this.spendStatus.error;

  readonly timeline = injectCursorList<TimelineEntry, TimelineFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.getCustomerTimeline({
          id: filter.customerId,
          kinds: filter.show === 'all' ? undefined : [filter.show],
          cursor,
          limit: TIMELINE_PAGE_SIZE,
        }),
      ),
    { customerId: '', show: 'all' },
  );

  private id = '';

  /** Loads everything the page shows about customer `id`. */
  open(id: string): void {
    this.id = id;
    this._customer.set(null);
    this._spend.set(null);
    this.load();
    this.loadSpend();
    this.timeline.load({ customerId: id, show: 'all' });
  }

  /** The profile and traits again (Try again, or after a change made elsewhere). */
  load(): void {
    this.status.run(call(() => this.api.getCustomer({ id: this.id })), (c) =>
      this._customer.set(c),
    );
  }

  showInTimeline(show: TimelineShow): void {
    this.timeline.load({ customerId: this.id, show });
  }

  update(body: UpdateCustomerRequest): Observable<CustomerDetail> {
    return call(() => this.api.updateCustomer({ id: this.id, body })).pipe(
      tap((c) => this._customer.set(c)),
    );
  }

  /** Everything stored about the customer, as a pretty-printed JSON file. */
  exportPersonalData(): Observable<Blob> {
    return call(() =>
      this.api.exportCustomerPersonalData({ id: this.id }),
    ).pipe(
      map(
        (data) =>
          new Blob([JSON.stringify(data, null, 2)], {
            type: 'application/json',
          }),
      ),
    );
  }

  /** Erases the personal data; the page then shows what is left (the erased profile, orders, scrubbed events). */
  erase(): Observable<CustomerErasure> {
    return call(() => this.api.eraseCustomer({ id: this.id })).pipe(
      tap(() => {
        this.load();
        this.timeline.load();
      }),
    );
  }

  delete(): Observable<void> {
    return call(() => this.api.deleteCustomer({ id: this.id })).pipe(
      map(() => undefined),
    );
  }

  private loadSpend(): void {
    this.spendStatus.run(
      call(() =>
        this.api.getCustomerSpend({ id: this.id, months: SPEND_MONTHS }),
      ),
      (spend) => this._spend.set(spend.months),
    );
  }
}
