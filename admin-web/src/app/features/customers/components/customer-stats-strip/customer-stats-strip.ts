import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import {
  hasOrders,
  monthlySpendOptions,
} from '../../charts/monthly-spend.options';
import { rfmTierOptions } from '../../charts/rfm-tiers.options';
import type { CustomerStats } from '../../models/customer-api';
import { formatAmount } from '../../models/format';

/** Above the customer list: headline counts, customers per RFM tier and revenue per month. */
@Component({
  selector: 'app-customer-stats-strip',
  imports: [NgxEchartsDirective],
  templateUrl: './customer-stats-strip.html',
  styleUrl: './customer-stats-strip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerStatsStrip {
  readonly stats = input.required<CustomerStats>();

  protected readonly revenue = computed(() =>
    formatAmount(this.stats().months.reduce((sum, m) => sum + m.revenue, 0)),
  );
  protected readonly hasOrders = computed(() =>
    hasOrders(this.stats().months),
  );
  protected readonly tierChart = computed(() =>
    rfmTierOptions(this.stats().rfmTiers),
  );
  protected readonly revenueChart = computed(() =>
    monthlySpendOptions(this.stats().months, 'Revenue'),
  );
}
