import {
  CHART_COLORS,
  ChartOption,
} from '../../../core/charts/chart-option';
import type { FacetValue, RfmTier } from '../models/customer-api';
import { RFM_TIERS, RFM_TIER_MEANING, tierTone } from '../models/traits';

/** Customers per tier, every tier in best-to-worst order (missing ones count 0). */
export function tierCounts(
  tiers: readonly FacetValue[],
): { tier: RfmTier; count: number }[] {
  const counts = new Map(tiers.map((t) => [t.value, t.count]));
  return RFM_TIERS.map((tier) => ({ tier, count: counts.get(tier) ?? 0 }));
}

/**
 * Horizontal bars of customers per RFM tier, the best tier on top, each bar coloured by what the
 * tier means (good, neutral, at risk, slipping away); the tooltip says what the tier is.
 */
export function rfmTierOptions(tiers: readonly FacetValue[]): ChartOption {
  const rows = tierCounts(tiers);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return {
    aria: {
      enabled: true,
      label: {
        description: `Customers per RFM tier: ${rows
          .map((r) => `${r.tier} ${r.count}`)
          .join(', ')}.`,
      },
    },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { name, value } = params as { name: string; value: number };
        const share = total ? Math.round((value / total) * 100) : 0;
        return `<strong>${name}</strong>: ${value} (${share}%)<br>${RFM_TIER_MEANING[name as RfmTier] ?? ''}`;
      },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: CHART_COLORS.axis },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.tier),
      axisLabel: { color: CHART_COLORS.axis },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: 'Customers',
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: CHART_COLORS.axis },
        data: rows.map((r) => ({
          value: r.count,
          itemStyle: { color: CHART_COLORS[tierTone(r.tier)] },
        })),
      },
    ],
  };
}
