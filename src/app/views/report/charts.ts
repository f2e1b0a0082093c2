// Pure chart options of the report (ECharts, SVG renderer, no animation: the Chart wrapper turns it off). Tooltips
// escape every text they insert (escapeHtml). Print wants static figures: labels on the bars carry the numbers.
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../../state/url.ts';
import { escapeHtml, formatNumber } from '../../format.ts';
import { REGION_COLOUR } from '../../region/charts.ts';

/** Horizontal bars: a count per category (e.g. LKSA by accreditation), each bar labelled with its number. */
export function countBarsOption(lang: Lang, bars: ReadonlyArray<{ label: string; value: number }>): EChartsCoreOption {
  const names = bars.map((b) => b.label);
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number }).dataIndex ?? 0;
        return `${escapeHtml(names[i])}: ${escapeHtml(formatNumber(lang, bars[i]?.value ?? null))}`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(lang, v) } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 200, overflow: 'break' } },
    series: [{
      type: 'bar',
      data: bars.map((b) => b.value),
      itemStyle: { color: REGION_COLOUR },
      barMaxWidth: 22,
      label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(lang, p.value) },
    }],
  };
}

