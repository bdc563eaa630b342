import {
  CHART_COLORS,
  ChartOption,
} from '../../../core/charts/chart-option';
import type { MonthlySpend } from '../models/customer-api';
import { formatAmount } from '../models/format';

const MONTH = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-03` → `Mar 2025` (calendar months are UTC in the API). */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return MONTH.format(new Date(Date.UTC(year, m - 1, 1)));
}

/** True when any month had an order (otherwise the chart would be a flat line at zero). */
export function hasOrders(months: readonly MonthlySpend[]): boolean {
  return months.some((m) => m.orders > 0);
}

/**
 * Revenue per month as a line with a soft area, oldest month on the left; the tooltip gives the
 * month's revenue and order count. `seriesName` names the line ("Revenue", "Spend").
 */
export function monthlySpendOptions(
  months: readonly MonthlySpend[],
  seriesName = 'Revenue',
): ChartOption {
  const labels = months.map((m) => monthLabel(m.month));
  const total = months.reduce((sum, m) => sum + m.revenue, 0);
  return {
    aria: {
      enabled: true,
      label: {
        description: `${seriesName} per month from ${labels[0] ?? '—'} to ${
          labels[labels.length - 1] ?? '—'
        }, ${formatAmount(total)} in total.`,
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const [point] = params as { dataIndex: number }[];
        const month = months[point?.dataIndex ?? -1];
        if (!month) return '';
        const orders = `${month.orders} order${month.orders === 1 ? '' : 's'}`;
        return `<strong>${monthLabel(month.month)}</strong><br>${seriesName}: ${formatAmount(month.revenue)}<br>${orders}`;
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: labels,
      axisLabel: { color: CHART_COLORS.axis },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: CHART_COLORS.axis },
    },
    series: [
      {
        type: 'line',
        name: seriesName,
        smooth: false,
        showSymbol: false,
        data: months.map((m) => m.revenue),
        lineStyle: { color: CHART_COLORS.primary, width: 2 },
        itemStyle: { color: CHART_COLORS.primary },
        areaStyle: { color: CHART_COLORS.primarySoft },
      },
    ],
  };
}
