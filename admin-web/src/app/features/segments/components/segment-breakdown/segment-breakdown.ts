import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { rfmTierOptions } from '../../../customers/charts/rfm-tiers.options';
import { consentOptions } from '../../charts/consent.options';
import { spendHistogramOptions } from '../../charts/spend-histogram.options';
import type { SegmentBreakdown } from '../../models/segment-api';

/** What a segment's members are made of: RFM tiers, consent per channel, total spent. */
@Component({
  selector: 'app-segment-breakdown',
  imports: [DecimalPipe, NgxEchartsDirective],
  templateUrl: './segment-breakdown.html',
  styleUrl: './segment-breakdown.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentBreakdownCharts {
  readonly breakdown = input.required<SegmentBreakdown>();

  /** Members not scored yet (no orders): the tier chart leaves them out and says how many. */
  protected readonly unscored = computed(() => this.breakdown().rfmTiers.find((t) => t.tier === null)?.count ?? 0);
  protected readonly tierChart = computed(() =>
    rfmTierOptions(this.breakdown().rfmTiers.flatMap((t) => (t.tier === null ? [] : [{ value: t.tier, count: t.count }]))),
  );
  protected readonly consentChart = computed(() => consentOptions(this.breakdown().consent));
  protected readonly spendChart = computed(() => spendHistogramOptions(this.breakdown().spend));
  protected readonly buyers = computed(() => this.breakdown().spend.reduce((sum, b) => sum + b.count, 0));
}
