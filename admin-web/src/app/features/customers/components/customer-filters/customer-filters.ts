import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CustomerFacets } from '../../models/customer-api';
import {
  CustomerFilter,
  CustomerFilterForm,
  isFiltered,
  moreFiltersSet,
} from '../../models/customer-filter';
import { countryName } from '../../models/format';
import {
  CHURN_RISKS,
  CONSENT_STATUSES,
  RFM_TIER_MEANING,
  RFM_TIERS,
} from '../../models/traits';

/** The customer list's search and filters; the pickers offer what the workspace holds (facets). */
@Component({
  selector: 'app-customer-filters',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatDatepickerModule,
    MatButtonModule,
    MatIconModule,
  ],
  templateUrl: './customer-filters.html',
  styleUrl: './customer-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerFilters {
  readonly form = input.required<CustomerFilterForm>();
  /** The filter the list shows (drives the counts and Clear filters). */
  readonly applied = input.required<CustomerFilter>();
  readonly facets = input<CustomerFacets | null>(null);
  readonly clear = output<void>();

  protected readonly tiers = RFM_TIERS;
  protected readonly tierMeaning = RFM_TIER_MEANING;
  protected readonly risks = CHURN_RISKS;
  protected readonly consentStatuses = CONSENT_STATUSES;
  protected readonly countryName = countryName;
  protected readonly countryNames = (codes: string[]) =>
    codes.map(countryName).join(', ');

  protected readonly filtered = computed(() => isFiltered(this.applied()));
  protected readonly moreCount = computed(() =>
    moreFiltersSet(this.applied()),
  );
  /** Opens by itself when one of them is set (a shared link); once open, stays open until closed. */
  protected readonly showMore = linkedSignal<number, boolean>({
    source: this.moreCount,
    computation: (count, previous) => (previous?.value ?? false) || count > 0,
  });

  /** Facet counts by value, e.g. customers per tier. */
  protected readonly tierCounts = computed(
    () => new Map(this.facets()?.rfmTiers.map((t) => [t.value, t.count])),
  );
  protected readonly riskCounts = computed(
    () => new Map(this.facets()?.churnRisks.map((t) => [t.value, t.count])),
  );
}
