import { CHART_COLORS, ChartOption } from '../../../core/charts/chart-option';
import { formatAmount } from '../../customers/models/format';
import { CHANNEL_LABELS } from '../../customers/models/traits';
import type { SegmentConsentCount } from '../models/segment-api';

/** The consent states a member can be in for a channel, in stacking order, with their colours. */
const STATES = [
  { key: 'subscribed', label: 'Subscribed', color: CHART_COLORS.good },
  { key: 'pending', label: 'Pending', color: CHART_COLORS.warn },
  { key: 'unsubscribed', label: 'Unsubscribed', color: CHART_COLORS.bad },
  { key: 'unknown', label: 'Not recorded', color: '#c4c6d0' },
] as const;

const channelLabel = (channel: SegmentConsentCount['channel']) => CHANNEL_LABELS[channel] ?? channel;

/**
 * One horizontal bar per channel, stacked by consent state (subscribed, pending, unsubscribed, none):
 * how many members each channel can reach. The tooltip gives each state's count and share.
 */
export function consentOptions(consent: readonly SegmentConsentCount[]): ChartOption {
  const channels = consent.map((c) => channelLabel(c.channel));
  return {
    aria: {
      enabled: true,
      label: {
        description: `Consent per channel: ${consent
          .map((c) => `${channelLabel(c.channel)} ${formatAmount(c.subscribed)} subscribed of ${formatAmount(total(c))}`)
          .join(', ')}.`,
      },
    },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: CHART_COLORS.axis } },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const row = consent[first?.dataIndex ?? -1];
        if (!row) return '';
        const all = total(row);
        const lines = STATES.map((s) => `${s.label}: ${formatAmount(row[s.key])} (${share(row[s.key], all)}%)`);
        return `<strong>${channelLabel(row.channel)}</strong><br>${lines.join('<br>')}`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: CHART_COLORS.axis } },
    yAxis: { type: 'category', inverse: true, data: channels, axisLabel: { color: CHART_COLORS.axis }, axisTick: { show: false } },
    series: STATES.map((s) => ({
      type: 'bar' as const,
      name: s.label,
      stack: 'consent',
      barMaxWidth: 22,
      itemStyle: { color: s.color },
      data: consent.map((c) => c[s.key]),
    })),
  };
}

const total = (c: SegmentConsentCount) => c.subscribed + c.pending + c.unsubscribed + c.unknown;
const share = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
