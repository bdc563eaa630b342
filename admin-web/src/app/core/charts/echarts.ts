import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the console draws with, registered once. Loaded lazily by ngx-echarts
 * (see app.config.ts) the first time a chart is shown, so pages without charts never download it.
 * Add a chart type or component here before using it in an option builder.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { init };
