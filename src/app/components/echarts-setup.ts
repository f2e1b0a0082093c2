// ECharts with only the charts and components the app uses (tree-shaken), loaded on demand.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, SankeyChart, HeatmapChart, ScatterChart, AriaComponent, DatasetComponent, GridComponent,
  LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
