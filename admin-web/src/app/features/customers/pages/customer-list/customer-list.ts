import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { problemMessage } from '../../../../core/errors/problem';
import { reloadOnFilterChange } from '../../../../shared/data/reload-on-filter-change';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { NoMatches } from '../../../../shared/no-matches/no-matches';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { ColumnChooser } from '../../components/column-chooser/column-chooser';
import { CustomerFilters } from '../../components/customer-filters/customer-filters';
import { CustomerStatsStrip } from '../../components/customer-stats-strip/customer-stats-strip';
import { NoCustomers } from '../../components/no-customers/no-customers';
import { ToneChip } from '../../components/tone-chip/tone-chip';
import { CustomerColumnsPreference } from '../../data/column-preferences';
import { CustomersStore } from '../../data/customers.store';
import { CustomerListMemory } from '../../data/list-memory';
import type {
  Customer,
  CustomerExport,
  RfmTier,
} from '../../models/customer-api';
import { sortState, toSort } from '../../models/customer-columns';
import {
  CustomerFilter,
  customerFilterForm,
  EMPTY_CUSTOMER_FILTER,
  fromQueryParams,
  isFiltered,
  toQueryParams,
} from '../../models/customer-filter';
import {
  customerLocation,
  customerName,
  formatAmount,
} from '../../models/format';
import { churnTone, RFM_TIER_MEANING, tierTone } from '../../models/traits';

/** `/customers`: search, filter and sort customers (the filter lives in the URL); open one for the 360 view. */
@Component({
  selector: 'app-customer-list-page',
  imports: [
    DatePipe,
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
    ListStatus,
    LoadMore,
    NoMatches,
    NoCustomers,
    CustomerFilters,
    CustomerStatsStrip,
    ColumnChooser,
    ToneChip,
  ],
  templateUrl: './customer-list.html',
  styleUrl: './customer-list.scss',
  providers: [CustomersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerListPage implements OnInit {
  protected readonly store = inject(CustomersStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notify = inject(NotificationService);
  private readonly memory = inject(CustomerListMemory);

  protected readonly canExport = hasPermission('customers:export');
  protected readonly canImport = hasPermission('customers:import');
  protected readonly columns = inject(CustomerColumnsPreference).columns;
  protected readonly filters = customerFilterForm(
    inject(NonNullableFormBuilder),
  );
  protected readonly sort = computed(() =>
    sortState(this.store.list.filter().sort),
  );
  protected readonly filtered = computed(() =>
    isFiltered(this.store.list.filter()),
  );
  protected readonly exporting = signal(false);
  /** The export just asked for, announced above the list with a link to the Exports page. */
  protected readonly startedExport = signal<CustomerExport | null>(null);

  protected readonly customerName = customerName;
  protected readonly customerLocation = customerLocation;
  protected readonly formatAmount = formatAmount;
  protected readonly tierTone = tierTone;
  protected readonly churnTone = churnTone;
  protected readonly problemMessage = problemMessage;

  /** The query params of the filter shown, to tell the URL's own changes from the user's navigation. */
  private shownParams: string | null = null;

  constructor() {
    // The form → the list and the URL (debounced, as the user types).
    reloadOnFilterChange(this.filters, { load: (f) => this.show(f, true) });
    // The URL → the form and the list: on arrival, and on back/forward or a link to another filter.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const filter = fromQueryParams(params);
      this.filters.setValue(filter, { emitEvent: false });
      this.show(filter, false);
    });
  }

  ngOnInit(): void {
    this.store.loadFacets();
    this.store.loadStats();
  }

  protected meaning(tier: RfmTier): string {
    return RFM_TIER_MEANING[tier];
  }

  /** Customers arrived in an empty workspace (demo data): everything on the page is new. */
  protected reloadAll(): void {
    this.store.list.load();
    this.store.loadStats();
    this.store.loadFacets();
  }

  protected sortBy(sort: Sort): void {
    this.filters.controls.sort.setValue(toSort(sort.active, sort.direction));
  }

  protected clearFilters(): void {
    this.filters.setValue({
      ...EMPTY_CUSTOMER_FILTER,
      sort: this.filters.controls.sort.value,
    });
  }

  protected open(customer: Customer): void {
    void this.router.navigate(['/customers', customer.id]);
  }

  protected exportCsv(): void {
    this.exporting.set(true);
    this.store.exportCsv(this.store.list.filter()).subscribe({
      next: (created) => {
        this.exporting.set(false);
        this.startedExport.set(created);
      },
      error: (err: unknown) => {
        this.exporting.set(false);
        this.notify.error(err, 'Could not start the export.');
      },
    });
  }

  private show(filter: CustomerFilter, writeUrl: boolean): void {
    const params = toQueryParams(filter);
    const key = JSON.stringify(params);
    if (key === this.shownParams) return;
    this.shownParams = key;
    this.memory.remember(params);
    this.store.list.load(filter);
    if (writeUrl) {
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: params,
        replaceUrl: true,
      });
    }
  }
}
