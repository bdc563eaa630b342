import { formatDate } from '@angular/common';
import { CHART_COLORS, ChartOption } from '../../../core/charts/chart-option';
import { formatAmount } from '../../customers/models/format';
import type { SegmentHistoryPoint } from '../models/segment-api';

/** `Nov 2, 14:05` in UTC (refresh times, compact). */
export function refreshLabel(at: string): string {
  return formatDate(at, 'MMM d, HH:mm', 'en-US', 'UTC');
}

/**
 * The segment's size after each completed refresh as a line (left axis), with the customers each
 * refresh added and removed as bars above and below zero (right axis); oldest refresh on the left.
 */
export function sizeHistoryOptions(points: readonly SegmentHistoryPoint[]): ChartOption {
  const labels = points.map((p) => refreshLabel(p.at));
  const first = points[0];
  const last = points[points.length - 1];
  return {
    aria: {
      enabled: true,
      label: {
        description: first
          ? `Segment size over ${points.length} refreshes, from ${formatAmount(first.size)} on ${labels[0]} to ${formatAmount(last.size)} on ${labels[labels.length - 1]}.`
          : 'No refreshes yet.',
      },
    },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: CHART_COLORS.axis } },
    grid: { left: 8, right: 8, top: 32, bottom: 32, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const point = points[first?.dataIndex ?? -1];
        if (!point) return '';
        return (
          `<strong>${refreshLabel(point.at)}</strong> (${point.kind})<br>Members: ${formatAmount(point.size)}` +
          `<br>Added: ${formatAmount(point.added)}<br>Removed: ${formatAmount(point.removed)}`
        );
      },
    },
    xAxis: { type: 'category', data: labels, axisLabel: { color: CHART_COLORS.axis } },
    yAxis: [
      { type: 'value', name: 'Members', minInterval: 1, axisLabel: { color: CHART_COLORS.axis } },
      { type: 'value', name: 'Changes', minInterval: 1, splitLine: { show: false }, axisLabel: { color: CHART_COLORS.axis } },
    ],
    series: [
      {
        type: 'line',
        name: 'Members',
        yAxisIndex: 0,
        showSymbol: points.length < 40,
        data: points.map((p) => p.size),
        lineStyle: { color: CHART_COLORS.primary, width: 2 },
        itemStyle: { color: CHART_COLORS.primary },
        areaStyle: { color: CHART_COLORS.primarySoft },
        z: 3,
      },
      {
        type: 'bar',
        name: 'Added',
        yAxisIndex: 1,
        stack: 'changes',
        barMaxWidth: 10,
        itemStyle: { color: CHART_COLORS.good },
        data: points.map((p) => p.added),
      },
      {
        type: 'bar',
        name: 'Removed',
        yAxisIndex: 1,
        stack: 'changes',
        barMaxWidth: 10,
        itemStyle: { color: CHART_COLORS.bad },
        data: points.map((p) => -p.removed),
      },
    ],
  };
}
