import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** An ECharts option using only what `echarts.ts` registers (type-only: nothing is loaded). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** Colours for charts (ECharts cannot read CSS variables): the theme's azure primary and tones. */
export const CHART_COLORS = {
  primary: '#005cbb',
  primarySoft: 'rgba(0, 92, 187, 0.12)',
  good: '#2e7d32',
  neutral: '#005cbb',
  warn: '#b26a00',
  bad: '#ba1a1a',
  axis: '#74777f',
} as const;
