// Pure chart options of the profile (ECharts). Tooltips escape every text they insert (escapeHtml).
import type { EChartsCoreOption } from 'echarts/core';
import type { Indicator } from '../../domain/indicators.ts';
import type { Label } from '../../domain/label.ts';
import type { Lang } from '../../state/url.ts';
import { clipLabel, escapeHtml, formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import type { TrendPoint } from './model.ts';
import { formatValue } from './present.ts';
import { tx } from './text.ts';

export const REGION_COLOUR = '#1c5d99';
export const NATIONAL_COLOUR = '#8c4a00';

export interface TrendLine {
  name: string;
  points: TrendPoint[];
}

const pointText = (lang: Lang, indicator: Pick<Indicator, 'format' | 'digits' | 'categories'>, p: TrendPoint | undefined): string =>
  !p || p.value === null ? t(lang, p?.suppressed ? 'suppressed' : 'missing') : formatValue(lang, indicator, p.value);

/**
 * A line per region over the years; a withheld or missing year is null, so the line has a gap there (never a zero).
 * `national` is drawn dashed; on its own right-hand axis when `nationalOwnAxis` (counts: a kab/kota and Indonesia
 * differ by orders of magnitude).
 */
export function trendOption(
  lang: Lang,
  indicator: Pick<Indicator, 'format' | 'digits' | 'categories' | 'unit'>,
  region: TrendLine,
  national: TrendLine | null,
  nationalOwnAxis = false,
): EChartsCoreOption {
  const years = region.points.map((p) => String(p.year));
  const lines = national ? [region, national] : [region];
  const axisLabel = { formatter: (v: number) => formatNumber(lang, v, indicator.format === 'count' ? 0 : 1) };
  const twoAxes = national !== null && nationalOwnAxis;
  const nationalName = twoAxes ? tx(lang, 'rightAxis', { name: national.name }) : national?.name ?? '';
  return {
    grid: { left: 56, right: twoAxes ? 64 : 24, top: 36, bottom: 32 },
    legend: { top: 2, data: lines.map((_, i) => (i === 0 ? region.name : nationalName)), formatter: (name: string) => clipLabel(name) },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = (Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined)?.dataIndex : undefined) ?? 0;
        return [escapeHtml(years[i]), ...lines.map((l) => `${escapeHtml(l.name)}: ${escapeHtml(pointText(lang, indicator, l.points[i]))}`)].join('<br>');
      },
    },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: [
      { type: 'value', axisLabel, min: indicator.format === 'change' ? undefined : 0 },
      ...(twoAxes ? [{ type: 'value', axisLabel, min: 0, splitLine: { show: false } }] : []),
    ],
    series: lines.map((l, i) => ({
      type: 'line',
      name: i === 0 ? region.name : nationalName,
      yAxisIndex: i === 1 && twoAxes ? 1 : 0,
      data: l.points.map((p) => p.value),
      connectNulls: false,
      showSymbol: true,
      symbolSize: 7,
      lineStyle: { width: i === 0 ? 3 : 2, type: i === 0 ? 'solid' : 'dashed', color: i === 0 ? REGION_COLOUR : NATIONAL_COLOUR },
      itemStyle: { color: i === 0 ? REGION_COLOUR : NATIONAL_COLOUR },
    })),
  };
}

/** The years where a line has a gap, for the note below the chart. */
export const gapYears = (lines: readonly TrendLine[]): number[] =>
  [...new Set(lines.flatMap((l) => l.points.filter((p) => p.value === null).map((p) => p.year)))].sort((a, b) => a - b);

/** Horizontal bars: the six KLA component scores (0-100) of one evaluation. */
export function klaClusterOption(lang: Lang, clusters: ReadonlyArray<{ label: Label; value: number | null }>): EChartsCoreOption {
  const names = clusters.map((c) => c.label[lang]);
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex?: number }).dataIndex ?? 0;
        return `${escapeHtml(names[i])}: ${escapeHtml(formatNumber(lang, clusters[i]?.value ?? null, 1))}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 230, overflow: 'break', lineHeight: 13 } },
    series: [{
      type: 'bar',
      data: clusters.map((c) => c.value),
      itemStyle: { color: REGION_COLOUR },
      label: { show: true, position: 'right', formatter: (p: { value: number | null }) => formatNumber(lang, p.value, 1) },
    }],
  };
}

/** Colours of the KLA categories, from none (grey) to KLA (dark). */
export const KLA_COLOURS: Readonly<Record<string, string>> = {
  tidak_ada: '#b8bec6', pratama: '#c6dbef', madya: '#9ecae1', nindya: '#5a9fd0', utama: '#2f73b4', kla: '#0b3f7a',
};

/** Stacked bars: kab/kota per KLA category per evaluation year (the not evaluated left out). */
export function klaCategoryOption(
  lang: Lang,
  years: readonly number[],
  categories: ReadonlyArray<{ code: string; label: Label; counts: ReadonlyArray<number> }>,
): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    legend: { top: 4 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = (Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined)?.dataIndex : undefined) ?? 0;
        return [escapeHtml(years[i]), ...categories.map((c) => `${escapeHtml(c.label[lang])}: ${escapeHtml(formatNumber(lang, c.counts[i] ?? 0))}`)].join('<br>');
      },
    },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: categories.map((c) => ({
      type: 'bar',
      stack: 'kla',
      name: c.label[lang],
      data: [...c.counts],
      itemStyle: { color: KLA_COLOURS[c.code] ?? '#888' },
    })),
  };
}
