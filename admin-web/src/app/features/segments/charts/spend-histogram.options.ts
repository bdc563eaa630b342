import { CHART_COLORS, ChartOption } from '../../../core/charts/chart-option';
import { formatAmount } from '../../customers/models/format';
import type { SegmentSpendBucket } from '../models/segment-api';

/** `0–100`, `1,000+` (a bucket without an upper bound). */
export function bucketLabel(bucket: SegmentSpendBucket): string {
  return bucket.to === null ? `${formatAmount(bucket.from)}+` : `${formatAmount(bucket.from)}–${formatAmount(bucket.to)}`;
}

/** The buckets from the first to the last that has members (empty ones in between are kept). */
export function occupiedBuckets(buckets: readonly SegmentSpendBucket[]): SegmentSpendBucket[] {
  const first = buckets.findIndex((b) => b.count > 0);
  if (first < 0) return [];
  const last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.count > 0);
  return buckets.slice(first, last + 1);
}

/**
 * Members per total-spent bucket, lowest spend on the left, from the first to the last bucket with
 * members (the API sends every bucket up to 25,000+); the tooltip gives the count and share.
 */
export function spendHistogramOptions(all: readonly SegmentSpendBucket[]): ChartOption {
  const buckets = occupiedBuckets(all);
  const labels = buckets.map(bucketLabel);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  return {
    aria: {
      enabled: true,
      label: {
        description: `Members by total spent: ${buckets.map((b, i) => `${labels[i]}: ${formatAmount(b.count)}`).join(', ')}.`,
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [point] = params as { dataIndex: number }[];
        const bucket = buckets[point?.dataIndex ?? -1];
        if (!bucket) return '';
        const share = total ? Math.round((bucket.count / total) * 100) : 0;
        return `<strong>Total spent ${bucketLabel(bucket)}</strong><br>${formatAmount(bucket.count)} members (${share}%)`;
      },
    },
    xAxis: { type: 'category', data: labels, axisLabel: { color: CHART_COLORS.axis, interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: CHART_COLORS.axis } },
    series: [
      {
        type: 'bar',
        name: 'Members',
        barCategoryGap: '8%',
        itemStyle: { color: CHART_COLORS.primary },
        data: buckets.map((b) => b.count),
      },
    ],
  };
}
