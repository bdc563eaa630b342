import { inject, Injectable, signal } from '@angular/core';
import { CustomerExportsService, CustomersService } from '@lodestar/contracts';
import { Observable } from 'rxjs';
import { call } from '../../../core/api/call';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { LoadStatus } from '../../../shared/data/load-status';
import type {
  Customer,
  CustomerExport,
  CustomerFacets,
  CustomerStats,
} from '../models/customer-api';
import {
  CustomerFilter,
  EMPTY_CUSTOMER_FILTER,
  toCustomerQuery,
} from '../models/customer-filter';

export const CUSTOMER_PAGE_SIZE = 50;

/** The customer list: filtered and sorted pages, the values to filter by, the summary stats, CSV export. */
@Injectable()
export class CustomersStore {
  private readonly api = inject(CustomersService);
  private readonly exportsApi = inject(CustomerExportsService);

  readonly list = injectCursorList<Customer, CustomerFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.listCustomers({
          ...toCustomerQuery(filter),
          cursor,
          limit: CUSTOMER_PAGE_SIZE,
        }),
      ),
    EMPTY_CUSTOMER_FILTER,
  );

  private readonly _facets = signal<CustomerFacets | null>(null);
  /** Countries, tags, tiers… present in the workspace, for the filter pickers; null until loaded. */
  readonly facets = this._facets.asReadonly();

  private readonly _stats = signal<CustomerStats | null>(null);
  private readonly statsStatus = new LoadStatus();
  readonly stats = this._stats.asReadonly();
  readonly statsLoading = this.statsStatus.loading;
  readonly statsError = this.statsStatus.error;

  loadFacets(): void {
    call(() => this.api.getCustomerFacets()).subscribe({
      next: (facets) => this._facets.set(facets),
      // Without facets the pickers are empty; the list itself still works.
      error: () => this._facets.set(null),
    });
  }

  loadStats(): void {
    this.statsStatus.run(
      call(() => this.api.getCustomerStats()),
      (stats) => this._stats.set(stats),
    );
  }

  /** Starts a background CSV export of the customers matching `filter`, in its sort order. */
  exportCsv(filter: CustomerFilter): Observable<CustomerExport> {
    return call(() =>
      this.exportsApi.createCustomerExport({ body: toCustomerQuery(filter) }),
    );
  }
}
