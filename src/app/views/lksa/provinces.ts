// The LKSA page's provinces compared: one metric per province, sorted, as a bar chart with Indonesia's value as a line.
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../../state/url.ts';
import { escapeHtml, formatNumber, formatPercent } from '../../format.ts';
import { t } from '../../i18n.ts';
import { int, num, str, type PlainRow } from './cells.ts';
import { BAR_COLOUR, HIGHLIGHT_COLOUR } from './colours.ts';
import type { OverviewRow } from './overview.ts';
import { METRICS, type MetricKey } from './text.ts';

export interface ProvinceRow {
  region_code: string;
  name: string;
  institutions: number;
  accredited_pct: number | null;
  licence_valid_pct: number | null;
  inspected_12m_pct: number | null;
  with_finding_pct: number | null;
  children_per_caregiver: number | null;
  ratio_withheld: number;
}

export const toProvinceRows = (rows: readonly PlainRow[]): ProvinceRow[] => rows.map((r) => ({
  region_code: str(r.region_code),
  name: str(r.name),
  institutions: int(r.institutions),
  accredited_pct: num(r.accredited_pct),
  licence_valid_pct: num(r.licence_valid_pct),
  inspected_12m_pct: num(r.inspected_12m_pct),
  with_finding_pct: num(r.with_finding_pct),
  children_per_caregiver: num(r.children_per_caregiver),
  ratio_withheld: int(r.ratio_withheld),
}));

export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];
export const isMetric = (s: string): s is MetricKey => (METRIC_KEYS as string[]).includes(s);

/** A metric of a province row; provinces without institutions have no value (not 0). */
export const metricValue = (r: ProvinceRow, m: MetricKey): number | null => (m !== 'institutions' && r.institutions === 0 ? null : r[m]);

export function formatMetric(m: MetricKey, lang: Lang, v: number | null): string {
  if (m === 'institutions') return formatNumber(lang, v);
  if (m === 'children_per_caregiver') return formatNumber(lang, v, 1);
  return formatPercent(lang, v, 1);
}

/** Indonesia's value of a metric, from the overview row (none for the count of institutions). */
export function nationalMetric(national: OverviewRow | null, m: MetricKey): number | null {
  // Indonesia's count of institutions is no yardstick for a province's.
  if (!national || m === 'institutions') return null;
  return national[m];
}

/** Provinces sorted by a metric, highest first; those without a value last, by name. */
export function sortProvinces(rows: readonly ProvinceRow[], m: MetricKey, lang: Lang): ProvinceRow[] {
  return [...rows].sort((a, b) => {
    const x = metricValue(a, m);
    const y = metricValue(b, m);
    if (x === null && y === null) return a.name.localeCompare(b.name, lang);
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x || a.name.localeCompare(b.name, lang);
  });
}

/** Horizontal bars of every province, sorted; the chosen province highlighted; Indonesia as a dashed line. */
export function provinceChartOption(
  rows: readonly ProvinceRow[], m: MetricKey, selected: string | null, national: number | null, lang: Lang,
): EChartsCoreOption {
  const sorted = sortProvinces(rows, m, lang);
  const label = METRICS[m][lang];
  const nationalText = `${t(lang, 'indonesia')}: ${formatMetric(m, lang, national)}`;
  return {
    grid: { left: 8, right: 64, top: 28, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      // Province names are data: escaped, as every tooltip text.
      formatter: (p: { name?: string; value?: number | null }) =>
        `${escapeHtml(p.name)}<br>${escapeHtml(label)}: ${escapeHtml(formatMetric(m, lang, p.value ?? null))}`,
    },
    xAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 22, ...(m.endsWith('_pct') ? { max: 100 } : {}), axisLabel: { color: '#4a5563' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, color: '#1c2430' },
    },
    series: [{
      type: 'bar',
      name: label,
      barMaxWidth: 14,
      data: sorted.map((r) => ({
        value: metricValue(r, m),
        code: r.region_code,
        itemStyle: { color: r.region_code === selected ? HIGHLIGHT_COLOUR : BAR_COLOUR },
      })),
      label: {
        show: true,
        position: 'right',
        fontSize: 10,
        color: '#1c2430',
        formatter: (p: { value?: number | null }) => (p.value === null || p.value === undefined ? t(lang, 'missing') : formatMetric(m, lang, p.value)),
      },
      markLine: national === null ? undefined : {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', color: '#1c2430', width: 1.5 },
        // With the inverted category axis, 'start' is the top of the line, clear of the value axis labels.
        label: { formatter: nationalText, position: 'start', color: '#1c2430', fontSize: 11 },
        data: [{ xAxis: national }],
      },
    }],
  };
}
