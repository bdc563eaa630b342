import { computed, inject, Injectable, InjectionToken } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CustomerExportsService } from '@lodestar/contracts';
import {
  catchError,
  EMPTY,
  exhaustMap,
  filter,
  forkJoin,
  interval,
  Observable,
} from 'rxjs';
import { call } from '../../../core/api/call';
import { injectCursorList } from '../../../shared/data/cursor-list';
import type { CustomerExport } from '../models/customer-api';

/** How often exports still being written are checked again. */
export const EXPORT_POLL_MS = new InjectionToken<number>('EXPORT_POLL_MS', {
  factory: () => 2000,
});

const unfinished = (e: CustomerExport) =>
  e.status === 'queued' || e.status === 'running';

/** CSV exports of the customer list, newest first; unfinished ones are followed until done. */
@Injectable()
export class CustomerExportsStore {
  private readonly api = inject(CustomerExportsService);

  readonly list = injectCursorList<CustomerExport, null>(
    (_filter, cursor) =>
      call(() => this.api.listCustomerExports({ cursor, limit: 25 })),
    null,
  );
  readonly unfinished = computed(() => this.list.items().filter(unfinished));

  constructor() {
    interval(inject(EXPORT_POLL_MS))
      .pipe(
        filter(() => this.unfinished().length > 0),
        exhaustMap(() =>
          forkJoin(
            this.unfinished().map((e) =>
              call(() => this.api.getCustomerExport({ id: e.id })),
            ),
            // A failed check is retried at the next tick.
          ).pipe(catchError(() => EMPTY)),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((updated) =>
        updated.forEach((e) => this.list.replace((x) => x.id === e.id, e)),
      );
  }

  download(exp: CustomerExport): Observable<Blob> {
    return call(() => this.api.downloadCustomerExport({ id: exp.id }));
  }
}
